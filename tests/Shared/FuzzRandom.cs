namespace AdintAudit.TestSupport;

/// <summary>SplitMix64: the fuzzers' deterministic random numbers (the same sequence on every machine and runtime).</summary>
internal sealed class FuzzRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns a number in [0, <paramref name="bound"/>); 0 when the bound is 1 or less.</summary>
    public int Next(int bound)
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return bound <= 1 ? 0 : (int)(z % (ulong)bound);
    }
}
