using System.Runtime.InteropServices;
using AdintAudit.Mobility;

namespace AdintAudit.Benchmarks.Mobility;

/// <summary>A hash of every output column of stays, places and home/work: equal digests mean bit-identical results.</summary>
internal static class MobilityDigest
{
    public static ulong Of(StayTable stays, PlaceTable places, HomeWorkTable homes)
    {
        ulong hash = 14_695_981_039_346_656_037UL;
        Add(ref hash, stays.DeviceStart);
        Add(ref hash, stays.Lat);
        Add(ref hash, stays.Lon);
        Add(ref hash, stays.StartMs);
        Add(ref hash, stays.EndMs);
        Add(ref hash, stays.PingCount);
        Add(ref hash, stays.FirstPing);
        Add(ref hash, stays.LastPing);
        Add(ref hash, stays.Nights);
        Add(ref hash, stays.BridgedGapMs);
        Add(ref hash, places.DeviceStart);
        Add(ref hash, places.PlaceId);
        Add(ref hash, places.Lat);
        Add(ref hash, places.Lon);
        Add(ref hash, places.StayCount);
        Add(ref hash, places.DurationMs);
        Add(ref hash, places.PlaceOfStay);
        Add(ref hash, homes.HomeLat);
        Add(ref hash, homes.HomeLon);
        Add(ref hash, homes.HomeConfidence);
        Add(ref hash, homes.WorkLat);
        Add(ref hash, homes.WorkLon);
        Add(ref hash, homes.WorkConfidence);
        Add(ref hash, homes.HomePlace);
        Add(ref hash, homes.WorkPlace);
        Add(ref hash, homes.HomeNights);
        Add(ref hash, homes.WorkDays);
        Add(ref hash, homes.EvidencePings);
        return hash;
    }

    /// <summary>FNV-1a over the length and the bytes of the values (stable across processes, unlike <see cref="HashCode"/>).</summary>
    private static void Add<T>(ref ulong hash, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        hash = (hash ^ (ulong)values.Length) * 1_099_511_628_211UL;
        foreach (byte b in MemoryMarshal.AsBytes(values))
        {
            hash = (hash ^ b) * 1_099_511_628_211UL;
        }
    }
}
