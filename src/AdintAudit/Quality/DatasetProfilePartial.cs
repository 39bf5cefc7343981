namespace AdintAudit.Quality;

/// <summary>
/// The profile of one partition of a dataset split by device (<see cref="DatasetProfile.ComputePartial"/>): per-device
/// pings, active days and accuracy subtotals keyed by global device, and the partition's histograms. Opaque: merge the
/// partials of all partitions with <see cref="DatasetProfile.Merge"/>.
/// </summary>
public sealed class DatasetProfilePartial
{
    internal DatasetProfilePartial(int[] globalDevice, long pings, string localTime)
    {
        GlobalDeviceArray = globalDevice;
        Pings = pings;
        LocalTime = localTime;
        DevicePings = new int[globalDevice.Length];
        ActiveDays = new int[globalDevice.Length];
        AccuracySum = new double[globalDevice.Length];
    }

    /// <summary>Pings of the partition.</summary>
    public long Pings { get; }

    /// <summary>Devices of the partition (with or without pings).</summary>
    public int Devices => GlobalDeviceArray.Length;

    /// <summary>Description of the local time used (every partial of one profile must use the same).</summary>
    public string LocalTime { get; }

    internal int[] GlobalDeviceArray { get; }

    internal int[] DevicePings { get; }

    internal int[] ActiveDays { get; }

    /// <summary>Sum of each device's known accuracies, added in row order.</summary>
    internal double[] AccuracySum { get; }

    internal long[] ByHour { get; } = new long[24];

    internal long[] AccuracyBins { get; } = new long[DatasetProfile.AccuracyBinCount];

    internal long AccuracyKnown { get; set; }

    internal double AccuracyMin { get; set; } = double.PositiveInfinity;

    internal double AccuracyMax { get; set; } = double.NegativeInfinity;

    internal long FirstMs { get; set; } = long.MaxValue;

    internal long LastMs { get; set; } = long.MinValue;

    /// <summary>Distinct local days with a ping (local day numbers).</summary>
    internal long[] LocalDays { get; private set; } = [];

    /// <summary>Whole-meter accuracy bins with a count, ascending (sparse form of the dense histogram).</summary>
    internal int[] MeterBins { get; private set; } = [];

    /// <summary>Counts of <see cref="MeterBins"/>.</summary>
    internal long[] MeterCounts { get; private set; } = [];

    internal void SetLocalDays(long[] days) => LocalDays = days;

    internal void SetAccuracyMeters(long[] dense)
    {
        int nonZero = 0;
        foreach (long c in dense)
        {
            nonZero += c == 0 ? 0 : 1;
        }

        MeterBins = new int[nonZero];
        MeterCounts = new long[nonZero];
        int k = 0;
        for (int m = 0; m < dense.Length; m++)
        {
            if (dense[m] != 0)
            {
                MeterBins[k] = m;
                MeterCounts[k++] = dense[m];
            }
        }
    }
}
