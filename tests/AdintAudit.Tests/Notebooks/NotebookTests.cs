using System.Text.Json;

namespace AdintAudit.Tests.Notebooks;

/// <summary>
/// Executes every notebook under notebooks/ through tools/nbexec.cs, and checks that the runner fails, naming the
/// notebook cell, when a notebook does not compile, throws, or asks for a package download.
/// </summary>
public sealed class NotebookTests
{
    // Each notebook runs in under 10 s warm; the first run also builds the library and each generated program.
    private static readonly TimeSpan s_limitPerNotebook = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Notebooks { get; } = new(
        Directory.GetFiles(Path.Combine(SharedData.RepoRoot, "notebooks"), "*.ipynb").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal));

    [Fact]
    public void Every_notebook_runs_without_error()
    {
        SkipWhenIntrinsicsAreOff();
        string[] notebooks = [.. Notebooks.Select(row => Path.Combine("notebooks", row.Data))];

        NotebookRunner.Result result = NotebookRunner.Run(s_limitPerNotebook * notebooks.Length, ["--timeout", "180", .. notebooks]);

        Assert.True(result.ExitCode == 0, $"a notebook failed (exit {result.ExitCode}):{Environment.NewLine}{result.Output}");
        Assert.Contains($"notebooks: {notebooks.Length} passed, 0 failed", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_is_committed_without_outputs_and_only_csharp(string fileName)
    {
        using JsonDocument notebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepoRoot, "notebooks", fileName)));

        foreach (JsonElement cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() == "code")
            {
                Assert.Equal(0, cell.GetProperty("outputs").GetArrayLength());
                Assert.Equal(JsonValueKind.Null, cell.GetProperty("execution_count").ValueKind);
                Assert.Equal("csharp", cell.GetProperty("metadata").GetProperty("polyglot_notebook").GetProperty("kernelName").GetString());
            }
        }
    }

    [Fact]
    public void Runner_fails_broken_notebooks_and_names_the_cell()
    {
        SkipWhenIntrinsicsAreOff();
        string folder = Path.Combine(Path.GetTempPath(), "adint-notebook-tests");
        Directory.CreateDirectory(folder);
        // Cell 1 is markdown, so the faulty code is in cell 2 of each notebook.
        string compileError = Write(folder, "broken-compile.ipynb", "int x = 1\ndisplay(x);"); // missing ';' after 1
        string runtimeError = Write(folder, "broken-runtime.ipynb", "display(\"before\");\nthrow new InvalidOperationException(\"deliberate failure\");");
        string download = Write(folder, "broken-nuget.ipynb", "#r \"nuget: Newtonsoft.Json, 13.0.3\"\ndisplay(1);");

        NotebookRunner.Result result = NotebookRunner.Run(s_limitPerNotebook * 2, ["--timeout", "180", compileError, runtimeError, download]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("notebooks: 0 passed, 3 failed", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"broken-compile\.ipynb cell 2\(1,10\): error CS\d+", result.Output);
        Assert.Matches(@"error in \S*broken-runtime\.ipynb cell 2: System\.InvalidOperationException: deliberate failure", result.Output);
        Assert.Contains("before", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"broken-nuget\.ipynb cell 2: .*downloads a package", result.Output);
    }

    [Fact]
    public void Runner_extracts_cells_in_order_with_line_directives()
    {
        string folder = Path.Combine(Path.GetTempPath(), "adint-notebook-tests");
        Directory.CreateDirectory(folder);
        string notebook = Write(folder, "extract-only.ipynb", "using System.Text;\nvar text = new StringBuilder(\"a\");\ndisplay(text);");
        string generated = Path.Combine(SharedData.RepoRoot, "artifacts", "notebooks", "extract-only", "extract-only.cs");

        NotebookRunner.Result result = NotebookRunner.Run(s_limitPerNotebook, "--extract-only", notebook);

        Assert.True(result.ExitCode == 0, result.Output);
        string program = File.ReadAllText(generated);
        int usingAt = program.IndexOf("using System.Text;", StringComparison.Ordinal);
        int lineAt = program.IndexOf("extract-only.ipynb cell 2\"", StringComparison.Ordinal);
        int bodyAt = program.IndexOf("var text = new StringBuilder(\"a\");", StringComparison.Ordinal);
        Assert.True(usingAt >= 0 && usingAt < lineAt && lineAt < bodyAt, program);
        Assert.Contains("#line 2 \"", program, StringComparison.Ordinal); // the using line was hoisted: the body starts at line 2
    }

    private static string Write(string folder, string fileName, string code)
    {
        var notebook = new
        {
            cells = new object[]
            {
                new { cell_type = "markdown", metadata = new { }, source = new[] { "A deliberately broken notebook." } },
                new
                {
                    cell_type = "code",
                    execution_count = (int?)null,
                    metadata = new { polyglot_notebook = new { kernelName = "csharp" } },
                    outputs = Array.Empty<object>(),
                    source = new[] { code },
                },
            },
            metadata = new { polyglot_notebook = new { kernelInfo = new { defaultKernelName = "csharp" } } },
            nbformat = 4,
            nbformat_minor = 5,
        };
        string path = Path.Combine(folder, fileName);
        File.WriteAllText(path, JsonSerializer.Serialize(notebook));
        return path;
    }

    // The suite runs a second time with hardware intrinsics off to test the scalar kernels; the notebooks exercise no
    // kernel of their own and would only double the CI time (the child builds would also run without intrinsics).
    private static void SkipWhenIntrinsicsAreOff()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0")
        {
            Assert.Skip("notebooks run once, in the pass with hardware intrinsics on");
        }
    }
}
