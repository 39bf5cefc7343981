namespace AdintAudit.Risk.Unicity;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014): a tiny pseudo-random stream that is a pure function of its seed on every
/// runtime, so each device's draws can be derived from (seed, device) and computed on any thread.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>Returns the next 64 random bits.</summary>
    public ulong NextUInt64() => Mix(_state += Golden);

    /// <summary>Returns a uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift (bias below 2^-32).</summary>
    public int NextInt(int bound) => (int)(((NextUInt64() >> 32) * (ulong)(uint)bound) >> 32);

    /// <summary>Returns the seed of an independent stream for (seed, a, b).</summary>
    public static ulong Derive(ulong seed, ulong a, ulong b) => Mix(Mix(Mix(seed ^ Golden) + (a * 0xD1B54A32D192ED03UL)) + (b * 0xD1B54A32D192ED03UL));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
