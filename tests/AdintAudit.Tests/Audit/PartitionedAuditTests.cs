using AdintAudit.Audit;
using AdintAudit.Mobility;

namespace AdintAudit.Tests.Audit;

/// <summary>The out-of-core audit (device partitions spilled to disk) against the in-memory audit of the same input.</summary>
public sealed class PartitionedAuditTests(AuditFixture fixture) : IClassFixture<AuditFixture>
{
    [Theory]
    [InlineData(8, 2)]
    [InlineData(3, 1)]
    public void Partitioned_audit_equals_the_in_memory_audit(int partitions, int threads)
    {
        string work = fixture.NewFolder($"work-{partitions}-{threads}");
        Directory.CreateDirectory(work);
        AuditResult inMemory = fixture.Result;

        AuditResult partitioned = AuditRunner.Run(fixture.Input, fixture.Options with
        {
            Partitions = partitions,
            MaxDegreeOfParallelism = threads,
            WorkDirectory = work,
        }, null, TestContext.Current.CancellationToken);

        Assert.True(inMemory.Plan.InMemory);
        Assert.Equal(partitions, partitioned.Plan.Partitions);
        Assert.Equal(AuditRunnerTests.Stable(inMemory), AuditRunnerTests.Stable(partitioned));
        AssertSameDevices(inMemory.Mobility, partitioned.Mobility);
        Assert.Equal(inMemory.Attacks.Count, partitioned.Attacks.Count);
        for (int a = 0; a < inMemory.Attacks.Count; a++)
        {
            Assert.Equal(inMemory.Attacks[a].Risk, partitioned.Attacks[a].Risk);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    [Fact]
    public void Cancelled_partitioned_audit_leaves_no_spill()
    {
        string work = fixture.NewFolder("work-cancelled");
        Directory.CreateDirectory(work);
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOn(2, cancel);

        Assert.ThrowsAny<OperationCanceledException>(() => AuditRunner.Run(fixture.Input, fixture.Options with
        {
            Partitions = 4,
            WorkDirectory = work,
        }, progress, cancel.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(work));
    }

    private static void AssertSameDevices(AuditMobility expected, AuditMobility actual)
    {
        Assert.Equal(expected.DeviceIds, actual.DeviceIds);
        Assert.Equal(expected.KeptPings, actual.KeptPings);
        StayTable a = expected.Stays;
        StayTable b = actual.Stays;
        Assert.Equal(a.Device.ToArray(), b.Device.ToArray());
        Assert.Equal(a.Lat.ToArray(), b.Lat.ToArray());
        Assert.Equal(a.Lon.ToArray(), b.Lon.ToArray());
        Assert.Equal(a.StartMs.ToArray(), b.StartMs.ToArray());
        Assert.Equal(a.EndMs.ToArray(), b.EndMs.ToArray());
        Assert.Equal(expected.Places.Count, actual.Places.Count);
        Assert.Equal(expected.Homes.HomeLat.ToArray(), actual.Homes.HomeLat.ToArray());
        Assert.Equal(expected.Homes.HomeLon.ToArray(), actual.Homes.HomeLon.ToArray());
        Assert.Equal(expected.Homes.WorkLat.ToArray(), actual.Homes.WorkLat.ToArray());
        Assert.Equal(expected.Homes.WorkLon.ToArray(), actual.Homes.WorkLon.ToArray());
    }

    /// <summary>Cancels when the audit reaches stage <paramref name="stage"/> (inside the partition sweeps).</summary>
    private sealed class CancelOn(int stage, CancellationTokenSource cancel) : IProgress<AuditProgress>
    {
        public void Report(AuditProgress value)
        {
            if (value.StageIndex >= stage)
            {
                cancel.Cancel();
            }
        }
    }
}
