namespace AdintAudit.Data;

/// <summary>
/// Decodes numbered blocks on the thread pool, a few ahead, while the calling thread consumes them strictly in order:
/// decoding uses the spare cores, and the result cannot depend on the number of threads.
/// </summary>
internal static class ChunkPipeline
{
    /// <summary>Decodes in flight at once: one per core besides the consumer, at least one.</summary>
    internal static int DefaultAhead => Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Calls <paramref name="decode"/>(i, chunk) for i = 0..<paramref name="count"/>-1 on pool threads (at most
    /// <paramref name="ahead"/> at once) and <paramref name="consume"/>(i, chunk) on this thread in ascending i.
    /// </summary>
    /// <remarks>
    /// Each decode gets its own chunk; a chunk is reused once consumed, so <paramref name="ahead"/> + 1 chunks exist. The
    /// first exception (in block order) is rethrown after every decode in flight has finished.
    /// </remarks>
    public static void Run(int count, int ahead, Action<int, PingChunk> decode, Action<int, PingChunk> consume, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        ahead = Math.Clamp(ahead, 1, count);
        var free = new Stack<PingChunk>();
        for (int i = 0; i <= ahead; i++)
        {
            free.Push(new PingChunk());
        }

        var inFlight = new Queue<(Task Task, PingChunk Chunk)>();
        int next = 0;
        try
        {
            for (int i = 0; i < count; i++)
            {
                while (next < count && inFlight.Count < ahead)
                {
                    int index = next++;
                    PingChunk chunk = free.Pop();
                    inFlight.Enqueue((Task.Run(() => decode(index, chunk), cancellationToken), chunk));
                }

                (Task task, PingChunk current) = inFlight.Dequeue();
                task.GetAwaiter().GetResult();
                cancellationToken.ThrowIfCancellationRequested();
                consume(i, current);
                free.Push(current);
            }
        }
        finally
        {
            foreach ((Task task, _) in inFlight)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The first failure is already being rethrown; later blocks' failures are secondary.
                }
            }
        }
    }
}
