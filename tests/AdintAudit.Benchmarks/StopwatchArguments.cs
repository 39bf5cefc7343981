using System.Globalization;

namespace AdintAudit.Benchmarks;

/// <summary>The <c>--name value</c> integer options of a stopwatch entry, and the median it prints.</summary>
internal static class StopwatchArguments
{
    /// <summary>Reads <c>--name N</c> pairs after the entry name into <paramref name="values"/> (which holds the defaults).</summary>
    /// <returns>False, after printing the problem, on an unknown option.</returns>
    public static bool TryRead(string[] args, Dictionary<string, int> values)
    {
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i].TrimStart('-');
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || !values.ContainsKey(name) || i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"unknown option {args[i]} (known: {string.Join(", ", values.Keys.Select(k => "--" + k))})");
                return false;
            }

            values[name] = int.Parse(args[++i], CultureInfo.InvariantCulture);
        }

        return true;
    }

    /// <summary>The median (upper middle for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
