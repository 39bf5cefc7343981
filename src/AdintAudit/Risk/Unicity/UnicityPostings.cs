namespace AdintAudit.Risk.Unicity;

/// <summary>
/// One partition's posting lists for the points of a <see cref="UnicityQuery"/>: for each needed point, the global
/// indices of this partition's devices that hold it. From <see cref="UnicityEstimator.CollectPostings"/>; merged by
/// <see cref="UnicityEstimator.Estimate(UnicityQuery, IReadOnlyList{UnicityPostings}, IProgress{long}?, CancellationToken)"/>.
/// </summary>
/// <remarks>4 bytes per posting (an <see cref="int"/> device index) and 4 bytes per query point.</remarks>
public sealed class UnicityPostings
{
    internal UnicityPostings(UnicityQuery query, int[][] postingStart, int[][] postingDevice)
    {
        Query = query;
        PostingStart = postingStart;
        PostingDevice = postingDevice;
    }

    /// <summary>The query the postings answer.</summary>
    public UnicityQuery Query { get; }

    /// <summary>(Point, device) pairs held, summed over the resolutions.</summary>
    public long PostingCount => PostingDevice.Sum(devices => (long)devices.Length);

    /// <summary>Per resolution: point p's devices are <c>PostingDevice[r][PostingStart[r][p]..PostingStart[r][p + 1]]</c>.</summary>
    internal int[][] PostingStart { get; }

    /// <summary>Per resolution: global device indices of every posting list, ascending within a list.</summary>
    internal int[][] PostingDevice { get; }
}
