using System.Text;
using AdintAudit.Scale;

namespace AdintAudit.Tests.Scale;

public sealed class DeviceIdHashTests
{
    private const ulong PinnedEmpty = 0xF52A15E9A9B5E89BUL;
    private const ulong PinnedId = 0x5FDEC7DE5E7B155CUL; // both also computed by an independent Python transcription of the definition

    [Fact]
    public void Hash_is_fnv1a_then_the_splitmix64_finalizer()
    {
        // FNV-1a of "a": (0xCBF29CE484222325 ^ 0x61) * 0x100000001B3 = 0xAF63DC4C8601EC8C (the published FNV-1a 64 test vector).
        ulong h = 0xAF63DC4C8601EC8CUL;
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9UL;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBUL;
        h ^= h >> 31;

        Assert.Equal(h, DeviceIdHash.Hash("a"u8));
        Assert.Equal(h, DeviceIdHash.Hash("a"));
    }

    [Fact]
    public void Hash_values_are_pinned()
    {
        // Partition files written by one version must be readable by the next: these values may never change.
        Assert.Equal(PinnedEmpty, DeviceIdHash.Hash(""u8));
        Assert.Equal(PinnedId, DeviceIdHash.Hash("38400000-8cf0-11bd-b23e-10b96e40000d"));
    }

    [Fact]
    public void Partition_of_text_and_of_its_utf8_agree_and_stay_in_range()
    {
        foreach (string id in new[] { "", "a", "é", "日本", "38400000-8cf0-11bd-b23e-10b96e40000d" })
        {
            foreach (int partitions in new[] { 1, 2, 7, 64 })
            {
                int p = DeviceIdHash.Partition(id, partitions);

                Assert.InRange(p, 0, partitions - 1);
                Assert.Equal(p, DeviceIdHash.Partition(Encoding.UTF8.GetBytes(id), partitions));
            }
        }
    }
}
