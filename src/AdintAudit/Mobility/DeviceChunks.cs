namespace AdintAudit.Mobility;

/// <summary>
/// Splits devices into chunks by a fixed budget of rows (never by thread count) and runs a function over the chunks in
/// parallel; results come back in chunk order, so outputs do not depend on the number of threads.
/// </summary>
internal static class DeviceChunks
{
    public const int RowsPerChunk = 1 << 16;

    /// <summary>Rows per chunk for stages over stays (about one stay per 12 pings): chunks of similar work to pings'.</summary>
    public const int StayRowsPerChunk = 1 << 13;

    public static T[] Run<T>(ReadOnlySpan<int> deviceStart, int maxDegreeOfParallelism, Func<int, int, T> work, int rowsPerChunk = RowsPerChunk)
    {
        int devices = deviceStart.Length - 1;
        var bounds = new List<int> { 0 };
        int chunkStartRow = deviceStart[0];
        for (int d = 1; d < devices; d++)
        {
            if (deviceStart[d] - chunkStartRow >= rowsPerChunk)
            {
                bounds.Add(d);
                chunkStartRow = deviceStart[d];
            }
        }

        bounds.Add(Math.Max(devices, 0));
        int chunks = bounds.Count - 1;
        var results = new T[chunks];
        if (chunks <= 1 || maxDegreeOfParallelism == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                results[c] = work(bounds[c], bounds[c + 1]);
            }

            return results;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism > 0 ? maxDegreeOfParallelism : -1 };
        int[] b = [.. bounds];
        Parallel.For(0, chunks, options, c => results[c] = work(b[c], b[c + 1]));
        return results;
    }
}
