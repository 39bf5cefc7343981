using System.Reflection;
using System.Text;
using AdintAudit.Parquet.Reading;

namespace AdintAudit.Parquet.Tests;

/// <summary>
/// The public API of AdintAudit.Parquet is a reviewed snapshot (PublicApi.approved.txt). An intended change is
/// accepted with <c>ADINT_ACCEPT_API=1 dotnet test</c> and the diff is reviewed with the change.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_snapshot()
    {
        string actual = Describe(typeof(ParquetFileReader).Assembly);
        string approvedPath = Path.Combine(SharedData.RepoRoot, "tests", "AdintAudit.Parquet.Tests", "PublicApi.approved.txt");

        if (Environment.GetEnvironmentVariable("ADINT_ACCEPT_API") == "1")
        {
            File.WriteAllText(approvedPath, actual);
        }

        string approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath) : string.Empty;
        Assert.True(approved == actual,
            "The public API changed. Review the difference, then accept it with ADINT_ACCEPT_API=1 dotnet test.\n" + actual);
    }

    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string kind = type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface" : type.IsAbstract && type.IsSealed ? "static class" : "class";
            lines.Add($"{kind} {type.FullName}");
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = new List<string>();
            foreach (MemberInfo member in type.GetMembers(Flags))
            {
                string? text = member switch
                {
                    MethodInfo { IsSpecialName: false } method => $"{Name(method.ReturnType)} {method.Name}({string.Join(", ", method.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
                    PropertyInfo property => $"{Name(property.PropertyType)} {property.Name} {{ {(property.GetMethod?.IsPublic == true ? "get; " : string.Empty)}{(property.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}}",
                    FieldInfo field when type.IsEnum && field.IsStatic => $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
                    FieldInfo field => $"{Name(field.FieldType)} {field.Name}",
                    ConstructorInfo constructor => $".ctor({string.Join(", ", constructor.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
                    _ => null,
                };
                if (text is not null)
                {
                    members.Add("    " + text);
                }
            }

            lines.AddRange(members.Order(StringComparer.Ordinal));
        }

        var builder = new StringBuilder();
        foreach (string line in lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static string Name(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.IsByRef ? Name(type.GetElementType()!) + "&" : type.Name;
        }

        string name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>";
    }
}
