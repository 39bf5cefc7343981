using System.Diagnostics;
using System.Globalization;
using AdintAudit.Data;
using AdintAudit.Parquet.Columns;
using AdintAudit.Parquet.Reading;
using AdintAudit.Parquet.Schema;

namespace AdintAudit.Benchmarks.Parquet;

/// <summary>
/// <c>read-columns --file F [--threads T] [--runs R] [--warmup W]</c>: decodes the five ping columns (device id,
/// timestamp, latitude, longitude, accuracy; found by the audit's own <see cref="ColumnMapping"/> aliases) of every row
/// group of a Parquet file with our reader and sums them (<see cref="PingColumnChecksum"/>), the counterpart of the
/// DuckDB read floor in <c>scripts/duckdb-floor-bench.mjs</c>. With T &gt; 1 the row groups are decoded in parallel
/// through one shared <see cref="ParquetFileReader"/>, which is documented safe for different row groups on several
/// threads. Prints each run (wall and process CPU time), the medians and a last line of JSON for <c>scripts/e2e-summary.mjs</c>.
/// </summary>
internal static class ReadColumnsStopwatch
{
    public static int Run(string[] args)
    {
        string? file = null;
        var rest = new List<string> { args[0] };
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--file" && i + 1 < args.Length)
            {
                file = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var options = new Dictionary<string, int> { ["threads"] = 1, ["runs"] = 3, ["warmup"] = 1 };
        if (!StopwatchArguments.TryRead([.. rest], options) || file is null || options["threads"] < 1 || options["runs"] < 1)
        {
            Console.Error.WriteLine("usage: read-columns --file F.parquet [--threads T >= 1] [--runs R >= 1] [--warmup W]");
            return 2;
        }

        int threads = options["threads"];
        using ParquetFileReader reader = ParquetFileReader.Open(file);
        ColumnDescriptor?[] columns = PingColumns(reader);
        string names = string.Join(", ", columns.Select(c => c?.DottedPath ?? "(none)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read-columns: {file}: {reader.RowCount:N0} rows in {reader.RowGroupCount} row groups; columns {names}; {threads} threads; "
            + $"runtime {Environment.Version}, {Environment.ProcessorCount} cores"));

        var seconds = new List<double>();
        var cpuSeconds = new List<double>();
        PingColumnChecksum checksum = default;
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < options["warmup"] + options["runs"]; r++)
        {
            process.Refresh();
            TimeSpan cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            checksum = ReadAll(reader, columns, threads);
            double elapsed = clock.Elapsed.TotalSeconds;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            bool timed = r >= options["warmup"];
            if (timed)
            {
                seconds.Add(elapsed);
                cpuSeconds.Add(cpu);
            }

            string label = timed ? $"run {r - options["warmup"] + 1}" : $"warm-up {r + 1}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}: {elapsed:F3} s ({cpu:F3} s CPU), {checksum.Rows / elapsed / 1e6:F2} M rows/s"));
        }

        double median = StopwatchArguments.Median(seconds);
        double cpuMedian = StopwatchArguments.Median(cpuSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median {median:F3} s ({cpuMedian:F3} s CPU), {checksum.Rows / median / 1e6:F2} M rows/s "
            + $"({threads} threads, {seconds.Count} runs)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"query\":\"read_columns\",\"threads\":{threads},\"runs_s\":[{Join(seconds)}],\"median_s\":{median:F3},"
            + $"\"cpu_runs_s\":[{Join(cpuSeconds)}],\"cpu_median_s\":{cpuMedian:F3},{checksum.ToJsonMembers()}}}"));
        return 0;
    }

    private static string Join(List<double> seconds) =>
        string.Join(",", seconds.Select(s => s.ToString("F3", CultureInfo.InvariantCulture)));

    /// <summary>Device id, timestamp, latitude, longitude (required) and accuracy (null when absent), mapped as the audit does.</summary>
    private static ColumnDescriptor?[] PingColumns(ParquetFileReader reader)
    {
        ColumnDescriptor[] flat = [.. reader.Schema.Columns.Where(c => c.IsFlat)];
        int[] map = new ColumnMapping().Resolve([.. flat.Select(c => c.Path[0])]);
        return [.. map.Select(index => index < 0 ? null : flat[index])];
    }

    /// <summary>Decodes and sums the columns of every row group; <paramref name="threads"/> workers claim row groups in turn.</summary>
    private static PingColumnChecksum ReadAll(ParquetFileReader reader, ColumnDescriptor?[] columns, int threads)
    {
        var perGroup = new PingColumnChecksum[reader.RowGroupCount];
        int next = -1;
        void Work()
        {
            for (int g = Interlocked.Increment(ref next); g < perGroup.Length; g = Interlocked.Increment(ref next))
            {
                ColumnData? accuracy = columns[4] is { } accuracyColumn ? reader.ReadColumn(g, accuracyColumn) : null;
                perGroup[g] = PingColumnChecksum.Of(
                    reader.ReadColumn(g, columns[0]!), // columns 0-3 are required: ColumnMapping.Resolve threw otherwise
                    reader.ReadColumn(g, columns[1]!),
                    reader.ReadColumn(g, columns[2]!),
                    reader.ReadColumn(g, columns[3]!),
                    accuracy);
            }
        }

        var workers = new Thread[threads - 1];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(Work) { IsBackground = true };
            workers[t].Start();
        }

        Work();
        foreach (Thread worker in workers)
        {
            worker.Join();
        }

        PingColumnChecksum total = default;
        foreach (PingColumnChecksum group in perGroup)
        {
            total = total.Add(group);
        }

        return total;
    }
}
