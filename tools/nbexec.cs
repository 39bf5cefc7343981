#!/usr/bin/env dotnet
// Runs the C# cells of Polyglot (.NET Interactive) notebooks without the kernel: each notebook becomes one
// file-based app under artifacts/notebooks/<name>/, which `dotnet run` builds against the current source and runs
// with the notebook's folder as working directory (as the kernel does).
//
//   dotnet run tools/nbexec.cs -- notebooks/*.ipynb                 extract and run, in order, one at a time
//   dotnet run tools/nbexec.cs -- --extract-only notebooks/x.ipynb  only write the generated program
//   dotnet run tools/nbexec.cs -- --timeout 180 notebooks/*.ipynb   per-notebook limit in seconds (default 180)
//
// Cell rules (checked here, or by the compiler through #line pointing at the notebook cell):
//   * code cells hold C# statements ending in ';' (no bare trailing expression: use display(x);)
//   * a cell that starts with a type declaration holds only type declarations; it is moved after the statements
//   * `using` directives at the top of a cell are hoisted to the top of the program
//   * #r "…/Name.dll" -> #:project src/**/Name.csproj (CI always builds the current source, never a stale dll);
//     a dll that is none of our projects (a dependency such as NetTopologySuite.dll) is left to the project graph
//   * #r "nuget: …" and the other magic commands (#!…, #load, #i) are rejected: notebooks download nothing
// Output: the programs' own output, then "notebooks: N passed, N failed"; exit code 1 when any failed.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

bool extractOnly = args.Contains("--extract-only");
int timeoutSeconds = 180;
var notebooks = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--timeout" && i + 1 < args.Length)
    {
        timeoutSeconds = int.Parse(args[++i], CultureInfo.InvariantCulture);
    }
    else if (!args[i].StartsWith("--", StringComparison.Ordinal))
    {
        notebooks.Add(args[i]);
    }
}

if (notebooks.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run tools/nbexec.cs -- [--extract-only] [--timeout SECONDS] <notebook.ipynb>...");
    return 2;
}

string repoRoot = FindRepoRoot(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory());
int failures = 0;
foreach (string notebook in notebooks)
{
    string notebookPath = Path.GetFullPath(notebook);
    string name = Path.GetFileNameWithoutExtension(notebookPath);
    // One folder per notebook: file-based apps in one folder would share an implicit project context.
    string outDir = Path.Combine(repoRoot, "artifacts", "notebooks", name);
    Directory.CreateDirectory(outDir);
    string target = Path.Combine(outDir, name + ".cs");
    try
    {
        string program = NotebookConverter.Convert(notebookPath, repoRoot, outDir);
        if (!File.Exists(target) || File.ReadAllText(target) != program)
        {
            File.WriteAllText(target, program); // unchanged text keeps dotnet run's build cache warm
        }
    }
    catch (Exception ex) when (ex is NotebookFormatException or JsonException or IOException or KeyNotFoundException or InvalidOperationException)
    {
        Console.Error.WriteLine($"[nbexec] {notebook}: {ex.Message}");
        failures++;
        continue;
    }

    Console.WriteLine($"[nbexec] {notebook} -> {Path.GetRelativePath(repoRoot, target)}");
    if (extractOnly)
    {
        continue;
    }

    var stopwatch = Stopwatch.StartNew();
    using Process process = Process.Start(new ProcessStartInfo("dotnet", ["run", "-c", "Release", target])
    {
        WorkingDirectory = Path.GetDirectoryName(notebookPath)!, // a full path always has a directory
    })!; // Start returns null only for shell-executed documents, never for a program name
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
    try
    {
        await process.WaitForExitAsync(timeout.Token);
    }
    catch (OperationCanceledException)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Console.Error.WriteLine($"[nbexec] {notebook}: killed after the {timeoutSeconds} s limit");
        failures++;
        continue;
    }

    string seconds = stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
    Console.WriteLine($"[nbexec] {notebook}: exit {process.ExitCode} in {seconds} s");
    if (process.ExitCode != 0)
    {
        failures++;
    }
}

if (!extractOnly)
{
    Console.WriteLine($"notebooks: {notebooks.Count - failures} passed, {failures} failed");
}

return failures == 0 ? 0 : 1;

static string FindRepoRoot(string start)
{
    for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Directory.Build.props not found above " + start);
}

internal sealed class NotebookFormatException(string message) : Exception(message);

internal static partial class NotebookConverter
{
    public static string Convert(string notebookPath, string repoRoot, string outDir)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(notebookPath));
        JsonElement root = document.RootElement;
        string defaultKernel = TryGetString(root, "metadata", "polyglot_notebook", "kernelInfo", "defaultKernelName") ?? "csharp";
        string relativeNotebook = Path.GetRelativePath(repoRoot, notebookPath).Replace('\\', '/');

        var directives = new SortedSet<string>(StringComparer.Ordinal);
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        var statements = new StringBuilder();
        var types = new StringBuilder();

        int cellNumber = 0;
        foreach (JsonElement cell in root.GetProperty("cells").EnumerateArray())
        {
            cellNumber++; // counts every cell, markdown included, as a reader scrolling the notebook does
            if (cell.GetProperty("cell_type").GetString() != "code")
            {
                continue;
            }

            string kernel = TryGetString(cell, "metadata", "polyglot_notebook", "kernelName")
                ?? TryGetString(cell, "metadata", "dotnet_interactive", "language")
                ?? defaultKernel;
            if (kernel is not ("csharp" or "c#" or "cs"))
            {
                continue;
            }

            // The full path: the compiler would resolve a relative #line path against the generated file's folder.
            string where = $"{notebookPath.Replace('\\', '/')} cell {cellNumber}";
            string[] lines = ReadSource(cell).Split('\n');
            var body = new List<(int Line, string Text)>();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i].TrimEnd('\r');
                string trimmed = line.Trim();
                bool atTop = body.TrueForAll(b => string.IsNullOrWhiteSpace(b.Text) || b.Text.TrimStart().StartsWith("//", StringComparison.Ordinal));
                if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
                {
                    string directive = TranslateReference(trimmed, repoRoot, outDir, where);
                    if (directive.Length > 0)
                    {
                        directives.Add(directive);
                    }
                }
                else if (trimmed.StartsWith("#!", StringComparison.Ordinal) || trimmed.StartsWith("#load", StringComparison.Ordinal) || trimmed.StartsWith("#i ", StringComparison.Ordinal))
                {
                    throw new NotebookFormatException($"{where}: magic command '{trimmed}' is not supported outside the kernel");
                }
                else if (atTop && UsingDirective().IsMatch(trimmed))
                {
                    usings.Add(trimmed);
                }
                else
                {
                    body.Add((i + 1, line));
                }
            }

            int first = body.FindIndex(b => !string.IsNullOrWhiteSpace(b.Text) && !b.Text.TrimStart().StartsWith("//", StringComparison.Ordinal));
            if (first < 0)
            {
                continue;
            }

            bool isTypes = TypeDeclaration().IsMatch(body[first].Text);
            StringBuilder part = isTypes ? types : statements;
            if (!isTypes)
            {
                // Runtime errors name the cell too: the unhandled-exception handler prints the last cell entered.
                part.AppendLine(CultureInfo.InvariantCulture, $"NotebookDisplay.Cell = {JsonSerializer.Serialize(where)};");
            }

            // Cells share variables as in the kernel, so they are concatenated; #line maps compiler errors and stack
            // traces back to "notebooks/x.ipynb cell N(line,col)".
            part.AppendLine(CultureInfo.InvariantCulture, $"#line {body[first].Line} \"{where}\"");
            for (int i = first; i < body.Count; i++)
            {
                part.AppendLine(body[i].Text);
            }

            part.AppendLine("#line default");
        }

        var program = new StringBuilder();
        program.AppendLine(CultureInfo.InvariantCulture, $"// <auto-generated> from {relativeNotebook} by tools/nbexec.cs; do not edit. </auto-generated>");
        foreach (string directive in directives)
        {
            program.AppendLine(directive);
        }

        // Notebook code is teaching code: analyzer style rules and missing XML docs must not fail it, compiler errors must.
        // No PDB: writing one makes the compiler open the #line file names ("…ipynb cell N"), which do not exist (CS1504).
        program.AppendLine("#:property TreatWarningsAsErrors=false");
        program.AppendLine("#:property GenerateDocumentationFile=false");
        program.AppendLine("#:property DebugType=none");
        program.AppendLine();
        program.AppendLine("#nullable enable");
        foreach (string directive in usings)
        {
            program.AppendLine(directive);
        }

        program.AppendLine();
        program.AppendLine("System.AppDomain.CurrentDomain.UnhandledException += (_, e) => System.Console.Error.WriteLine($\"error in {NotebookDisplay.Cell}: {e.ExceptionObject}\");");
        program.AppendLine(CultureInfo.InvariantCulture, $"NotebookDisplay.OutputDirectory = {JsonSerializer.Serialize(Path.Combine(outDir, "figures"))};");
        program.Append(statements);
        program.AppendLine();
        program.AppendLine("#pragma warning disable CS8321 // display() is unused in a notebook that shows nothing");
        program.AppendLine("static void display(object? value) => NotebookDisplay.Write(value);");
        program.AppendLine("static NotebookHtml HTML(string html) => new(html);");
        program.AppendLine("#pragma warning restore CS8321");
        program.AppendLine();
        program.Append(types);
        program.AppendLine(Prelude);
        return program.ToString();
    }

    // Stand-ins for the kernel's display() and HTML(): text goes to the console; HTML (our SVG figures) is written to
    // artifacts/notebooks/<name>/figures/figure-NN.html or .svg and its path printed, so a CI log stays readable and
    // the figures can be opened afterwards.
    private const string Prelude = """

        internal sealed record NotebookHtml(string Html)
        {
            public override string ToString() => Html;
        }

        internal static class NotebookDisplay
        {
            private static int s_figures;

            public static string Cell { get; set; } = "the notebook's prelude";

            public static string OutputDirectory { get; set; } = "output";

            public static T Display<T>(this T value)
            {
                Write(value);
                return value;
            }

            public static void Write(object? value)
            {
                if (value is NotebookHtml html)
                {
                    bool svg = html.Html.TrimStart().StartsWith("<svg", System.StringComparison.Ordinal);
                    System.IO.Directory.CreateDirectory(OutputDirectory);
                    string path = System.IO.Path.Combine(OutputDirectory, $"figure-{++s_figures:00}{(svg ? ".svg" : ".html")}");
                    System.IO.File.WriteAllText(path, html.Html);
                    System.Console.WriteLine($"[{(svg ? "svg" : "html")}: {html.Html.Length} chars -> {path}]");
                }
                else if (value is System.Collections.IEnumerable sequence and not string)
                {
                    foreach (object? item in sequence)
                    {
                        System.Console.WriteLine(System.Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    System.Console.WriteLine(System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        """;

    private static string TranslateReference(string directive, string repoRoot, string outDir, string where)
    {
        Match match = ReferenceDirective().Match(directive);
        if (!match.Success)
        {
            throw new NotebookFormatException($"{where}: cannot parse '{directive}'");
        }

        string target = match.Groups["target"].Value.Trim();
        if (target.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotebookFormatException($"{where}: '{directive}' downloads a package; reference a project's assembly instead");
        }

        string assemblyName = Path.GetFileNameWithoutExtension(target);
        string[] projects = Directory.GetFiles(Path.Combine(repoRoot, "src"), assemblyName + ".csproj", SearchOption.AllDirectories);
        return projects.Length switch
        {
            1 => $"#:project {Path.GetRelativePath(outDir, projects[0]).Replace('\\', '/')}",
            // Not one of ours (NetTopologySuite.dll next to our dlls in the CLI's bin folder): the kernel needs the
            // file, the generated program gets it through the project references' own package references.
            0 => string.Empty,
            _ => throw new NotebookFormatException($"{where}: '{target}' maps to {projects.Length} projects named {assemblyName}.csproj under src/"),
        };
    }

    private static string ReadSource(JsonElement cell)
    {
        JsonElement source = cell.GetProperty("source");
        return source.ValueKind == JsonValueKind.Array
            ? string.Concat(source.EnumerateArray().Select(s => s.GetString()))
            : source.GetString() ?? string.Empty;
    }

    private static string? TryGetString(JsonElement element, params string[] path)
    {
        foreach (string name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }

    [GeneratedRegex("""^#r\s+"(?<target>[^"]+)"\s*$""")]
    private static partial Regex ReferenceDirective();

    [GeneratedRegex(@"^using\s+(static\s+)?[\w.]+(\s*=\s*[\w.<>, ]+)?\s*;$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^\s*(\[[^\]]*\]\s*)*((public|internal|file|sealed|static|abstract|readonly|partial|ref)\s+)*(class|record|struct|interface|enum)\b")]
    private static partial Regex TypeDeclaration();
}
