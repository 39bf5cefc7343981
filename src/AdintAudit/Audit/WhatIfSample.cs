using System.Buffers;
using System.Text;
using AdintAudit.Data;
using AdintAudit.Mobility;
using AdintAudit.Risk.Unicity;

namespace AdintAudit.Audit;

/// <summary>
/// The devices the mitigation what-ifs run on: a deterministic sample chosen by a hash of each device id, with all of a
/// sampled device's cleaned pings (and their IP-like flags). Every mitigation re-runs the mobility stages, so the
/// what-ifs bound their cost by <see cref="AuditOptions.WhatIfMaxPings"/> instead of scaling with the dataset.
/// </summary>
/// <remarks>
/// <para>
/// A device is sampled when <c>SplitMix64(Seed, FNV-1a-64(UTF-8 id))</c>, read as a fraction of 2^64, is below the
/// rate <c>min(1, WhatIfMaxPings / input rows)</c>. The choice depends on the id alone, never on the partition or the
/// row order, so a partitioned audit samples the same devices as the in-memory one. The expected number of sampled
/// pings is about <see cref="AuditOptions.WhatIfMaxPings"/> (cleaning removes some).
/// </para>
/// <para>Collected per partition with <see cref="CollectPartial"/> and merged with <see cref="Merge"/>; the in-memory
/// audit uses one partition with the identity map (<see cref="FromRun"/>).</para>
/// </remarks>
public sealed class WhatIfSample
{
    /// <summary>Seed of the device hash (fixed, so the sample of a dataset never changes between runs).</summary>
    public const ulong Seed = 0x5EED_A11D_0F_5A3B1EUL;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    private WhatIfSample(PingTable pings, bool[] ipLike, LocalTime localTime, double rate, int totalDevices, long totalPings)
    {
        Pings = pings;
        IpLikeArray = ipLike;
        LocalTime = localTime;
        Rate = rate;
        TotalDevices = totalDevices;
        TotalPings = totalPings;
    }

    /// <summary>The sampled devices' cleaned pings; devices in ordinal order of their ids (their global order).</summary>
    public PingTable Pings { get; }

    /// <summary>One flag per row of <see cref="Pings"/>: the quality screen's IP-like flag (no stay or home evidence).</summary>
    public ReadOnlySpan<bool> IpLike => IpLikeArray;

    /// <summary>The audit's local clock (the baseline's, the same for every partition).</summary>
    public LocalTime LocalTime { get; }

    /// <summary>Sampling rate in (0, 1]; 1 when every device is in the sample.</summary>
    public double Rate { get; }

    /// <summary>Devices of the whole dataset.</summary>
    public int TotalDevices { get; }

    /// <summary>Cleaned pings of the whole dataset.</summary>
    public long TotalPings { get; }

    /// <summary>True when every device is in the sample.</summary>
    public bool IsComplete => Pings.DeviceCount == TotalDevices;

    internal bool[] IpLikeArray { get; }

    /// <summary>Returns the sampling rate: min(1, <paramref name="maxPings"/> / <paramref name="inputRows"/>).</summary>
    /// <param name="inputRows">Rows of the input (before cleaning), ≥ 0.</param>
    /// <param name="maxPings">The cap, &gt; 0 (<see cref="AuditOptions.WhatIfMaxPings"/>).</param>
    public static double RateFor(long inputRows, int maxPings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPings);
        return inputRows <= maxPings ? 1 : maxPings / (double)inputRows;
    }

    /// <summary>Returns whether the device is in a sample of rate <paramref name="rate"/> (a pure function of the id).</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="rate">Sampling rate; 1 or more samples every device.</param>
    public static bool IsSampled(string deviceId, double rate)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        if (rate >= 1)
        {
            return true;
        }

        ulong hash = SplitMix64.Derive(Seed, Fnv1a(deviceId), 0);
        return (hash >> 11) * (1.0 / (1UL << 53)) < rate;
    }

    /// <summary>Collects the sampled devices of one partition.</summary>
    /// <param name="cleaned">The partition's cleaned pings (the quality screen's output), devices numbered locally.</param>
    /// <param name="ipLike">One flag per row of <paramref name="cleaned"/> (the screen's IP-like flags), or empty for none.</param>
    /// <param name="globalDevice">Global index of each local device, ascending (the identity for the whole dataset).</param>
    /// <param name="rate">The sampling rate (<see cref="RateFor"/> of the whole input), the same for every partition.</param>
    /// <returns>The partial; memory O(sampled pings).</returns>
    /// <exception cref="ArgumentException">The flags or the device map do not match the table.</exception>
    public static WhatIfSamplePartial CollectPartial(PingTable cleaned, ReadOnlySpan<bool> ipLike, ReadOnlySpan<int> globalDevice, double rate)
    {
        ArgumentNullException.ThrowIfNull(cleaned);
        if (globalDevice.Length != cleaned.DeviceCount || (!ipLike.IsEmpty && ipLike.Length != cleaned.Count))
        {
            throw new ArgumentException("one global index per device and one flag per ping (or none) are needed", nameof(globalDevice));
        }

        var sampled = new List<int>();
        for (int d = 0; d < cleaned.DeviceCount; d++)
        {
            if (IsSampled(cleaned.DeviceIdArray[d], rate))
            {
                sampled.Add(d);
            }
        }

        PingTable pings = SelectDevices(cleaned, ipLike, sampled, out bool[] flags);
        int[] global = new int[sampled.Count];
        for (int k = 0; k < global.Length; k++)
        {
            global[k] = globalDevice[sampled[k]];
        }

        return new WhatIfSamplePartial(pings, flags, global, cleaned.DeviceCount, cleaned.Count);
    }

    /// <summary>Merges the partials of every partition into the sample of the whole dataset.</summary>
    /// <param name="parts">One partial per partition, all with the same rate.</param>
    /// <param name="globalDeviceCount">Number of devices of the whole dataset.</param>
    /// <param name="localTime">The audit's local clock.</param>
    /// <param name="rate">The rate the partials were collected with.</param>
    /// <returns>The sample; identical for any assignment of devices to partitions.</returns>
    /// <exception cref="ArgumentException">No partial, or a global device occurs twice or out of range.</exception>
    public static WhatIfSample Merge(IReadOnlyList<WhatIfSamplePartial> parts, int globalDeviceCount, LocalTime localTime, double rate)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(localTime);
        if (parts.Count == 0)
        {
            throw new ArgumentException("at least one partial is needed", nameof(parts));
        }

        int[][] globalDevice = [.. parts.Select(p => p.GlobalDevice)];
        PingTable pings = PingTableMerge.Merge([.. parts.Select(p => p.Pings)], globalDevice, globalDeviceCount, out _);
        var map = PartitionDeviceMap.Create(globalDevice, globalDeviceCount, p => parts[p].GlobalDevice.Length, coverAll: false).Compact(out _);
        int[][] starts = [.. parts.Select(p => p.Pings.DeviceStartArray)];
        bool[] ipLike = map.Gather(starts, p => parts[p].IpLike, map.MergedStarts(starts));
        return new WhatIfSample(pings, ipLike, localTime, Math.Min(1, rate), globalDeviceCount, parts.Sum(p => p.PartitionPings));
    }

    /// <summary>
    /// Returns the sample of an in-memory audit (one partition, identity map): the baseline's cleaned pings and IP-like
    /// flags, at the rate for <see cref="MobilityRun.Input"/>'s row count. A complete sample shares the baseline's table.
    /// </summary>
    /// <param name="baseline">The audit's mobility run.</param>
    /// <param name="maxPings">The cap (<see cref="AuditOptions.WhatIfMaxPings"/>), &gt; 0.</param>
    public static WhatIfSample FromRun(MobilityRun baseline, int maxPings)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        double rate = RateFor(baseline.Input.Count, maxPings);
        PingTable used = baseline.Used;
        bool[] ipLike = baseline.Quality?.IpLike ?? new bool[used.Count];
        if (rate >= 1)
        {
            return new WhatIfSample(used, ipLike, baseline.LocalTime, 1, used.DeviceCount, used.Count);
        }

        WhatIfSamplePartial partial = CollectPartial(used, ipLike, PartitionDeviceMap.Identity(used.DeviceCount), rate);
        return Merge([partial], used.DeviceCount, baseline.LocalTime, rate);
    }

    /// <summary>Returns a table of the listed devices (all their rows), renumbered 0, 1, … in list order.</summary>
    private static PingTable SelectDevices(PingTable table, ReadOnlySpan<bool> rowFlags, List<int> devices, out bool[] flags)
    {
        int[] start = new int[devices.Count + 1];
        for (int k = 0; k < devices.Count; k++)
        {
            start[k + 1] = start[k] + (table.DeviceStartArray[devices[k] + 1] - table.DeviceStartArray[devices[k]]);
        }

        int n = start[^1];
        var ids = new string[devices.Count];
        var device = new int[n];
        var time = new long[n];
        var lat = new double[n];
        var lon = new double[n];
        var accuracy = new float[n];
        flags = new bool[n];
        for (int k = 0; k < devices.Count; k++)
        {
            int d = devices[k];
            ids[k] = table.DeviceIdArray[d];
            int from = table.DeviceStartArray[d];
            int length = start[k + 1] - start[k];
            device.AsSpan(start[k], length).Fill(k);
            table.TimeArray.AsSpan(from, length).CopyTo(time.AsSpan(start[k]));
            table.LatArray.AsSpan(from, length).CopyTo(lat.AsSpan(start[k]));
            table.LonArray.AsSpan(from, length).CopyTo(lon.AsSpan(start[k]));
            table.AccuracyArray.AsSpan(from, length).CopyTo(accuracy.AsSpan(start[k]));
            if (!rowFlags.IsEmpty)
            {
                rowFlags.Slice(from, length).CopyTo(flags.AsSpan(start[k]));
            }
        }

        return new PingTable(ids, start, device, time, lat, lon, accuracy);
    }

    /// <summary>FNV-1a 64 of the UTF-8 bytes of <paramref name="text"/>.</summary>
    private static ulong Fnv1a(string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = max > 256 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[256];
        try
        {
            int length = Encoding.UTF8.GetBytes(text, buffer);
            ulong hash = FnvOffset;
            foreach (byte b in buffer[..length])
            {
                hash = (hash ^ b) * FnvPrime;
            }

            return hash;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
