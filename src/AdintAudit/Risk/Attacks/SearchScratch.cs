namespace AdintAudit.Risk.Attacks;

/// <summary>
/// Buffers one thread reuses across the targets it searches: candidate devices (and their match positions) per depth of
/// the search, and per-target arrays. Nothing is allocated per instance.
/// </summary>
internal sealed class SearchScratch
{
    private int[][] _devices = [];
    private int[][] _positions = [];
    private int[] _previous = [];
    private int[] _lastSeen = [];

    /// <summary>The device buffer of <paramref name="depth"/>, at least <paramref name="size"/> long.</summary>
    public int[] Devices(int depth, int size) => Level(ref _devices, depth, size);

    /// <summary>The position buffer of <paramref name="depth"/>, at least <paramref name="size"/> long.</summary>
    public int[] Positions(int depth, int size) => Level(ref _positions, depth, size);

    /// <summary>A per-target buffer of previous occurrences, at least <paramref name="size"/> long.</summary>
    public int[] Previous(int size) => Grow(ref _previous, size);

    /// <summary>A per-target buffer of last occurrences, at least <paramref name="size"/> long.</summary>
    public int[] LastSeen(int size) => Grow(ref _lastSeen, size);

    private static int[] Level(ref int[][] levels, int depth, int size)
    {
        if (depth >= levels.Length)
        {
            int old = levels.Length;
            Array.Resize(ref levels, Math.Max(depth + 1, old * 2));
            for (int i = old; i < levels.Length; i++)
            {
                levels[i] = [];
            }
        }

        return Grow(ref levels[depth], size);
    }

    private static int[] Grow(ref int[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = new int[Math.Max(size, buffer.Length * 2)];
        }

        return buffer;
    }
}
