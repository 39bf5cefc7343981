using System.Runtime.ExceptionServices;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// Generates the units in fixed chunks on worker threads and hands the chunks to one consumer strictly in order, with
/// at most a bounded number generated ahead. The output never depends on the number of threads: a chunk is a pure
/// function of (options, first unit, unit count).
/// </summary>
internal static class ChunkPipeline
{
    /// <summary>Units per chunk: small enough to balance the heavy-tailed devices, large enough to amortise hand-over.</summary>
    public const int UnitsPerChunk = 256;

    public static void Run(SyntheticModel model, int maxParallelism, Action<GeneratedChunk> consume, CancellationToken cancellationToken)
    {
        long units = model.Devices.Units;
        int chunks = (int)((units + UnitsPerChunk - 1) / UnitsPerChunk);
        int workers = Math.Clamp(maxParallelism, 1, 64);
        if (workers == 1 || chunks <= 1)
        {
            var emitter = new PingEmitter(model);
            for (int c = 0; c < chunks; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                consume(Generate(model, emitter, c));
            }

            return;
        }

        var results = new TaskCompletionSource<GeneratedChunk>[chunks];
        for (int c = 0; c < chunks; c++)
        {
            results[c] = new TaskCompletionSource<GeneratedChunk>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        using var window = new SemaphoreSlim(workers * 3);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int next = -1;
        Exception? failure = null;
        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(() =>
            {
                var emitter = new PingEmitter(model);
                while (true)
                {
                    try
                    {
                        window.Wait(stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    int c = Interlocked.Increment(ref next);
                    if (c >= chunks)
                    {
                        return;
                    }

                    try
                    {
                        results[c].SetResult(Generate(model, emitter, c));
                    }
                    catch (Exception ex)
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                        results[c].SetException(ex);
                        stop.Cancel();
                        return;
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        try
        {
            for (int c = 0; c < chunks; c++)
            {
                Task<GeneratedChunk> task = results[c].Task;
                while (!task.Wait(200, CancellationToken.None))
                {
                    if (stop.IsCancellationRequested && c > Volatile.Read(ref next))
                    {
                        break; // no worker took this chunk, and none will
                    }
                }

                if (!task.IsCompleted)
                {
                    if (Volatile.Read(ref failure) is { } error)
                    {
                        ExceptionDispatchInfo.Throw(error);
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    throw new InvalidOperationException("generation stopped before every chunk was produced");
                }

                GeneratedChunk chunk = task.GetAwaiter().GetResult();
                results[c] = null!; // release the chunk's memory as soon as it is consumed
                consume(chunk);
                window.Release();
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll(tasks, CancellationToken.None);
        }
    }

    private static GeneratedChunk Generate(SyntheticModel model, PingEmitter emitter, int chunkIndex)
    {
        int first = chunkIndex * UnitsPerChunk;
        int count = (int)Math.Min(UnitsPerChunk, model.Devices.Units - first);
        var chunk = new GeneratedChunk { FirstUnit = first, UnitCount = count };
        for (int u = 0; u < count; u++)
        {
            emitter.Emit(first + u, chunk);
        }

        return chunk;
    }
}
