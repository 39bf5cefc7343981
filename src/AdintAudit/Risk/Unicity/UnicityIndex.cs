namespace AdintAudit.Risk.Unicity;

/// <summary>
/// The sampled devices' traces at one resolution as point ids, and the inverted index point -> devices holding it (over
/// ALL devices), both flat CSR arrays. Built by <see cref="UnicityEstimator"/> from a <see cref="UnicityQuery"/> and the
/// merged <see cref="UnicityPostings"/>.
/// </summary>
/// <remarks>
/// Point ids ascend with <see cref="UnicityPointKey"/> order, so each trace lists its point ids in ascending order.
/// Posting lists hold global device indices, ascending. Memory: 4 bytes per trace entry and per posting, 4 per point.
/// </remarks>
internal sealed class UnicityIndex
{
    /// <summary>Wraps the CSR arrays (not copied).</summary>
    /// <param name="traceStart">Row r's points are <c>tracePoint[traceStart[r]..traceStart[r + 1]]</c>.</param>
    /// <param name="tracePoint">Point ids of every trace, ascending within a trace.</param>
    /// <param name="postingStart">Point p's devices are <c>postingDevice[postingStart[p]..postingStart[p + 1]]</c>.</param>
    /// <param name="postingDevice">Devices of every posting list, ascending within a list.</param>
    public UnicityIndex(int[] traceStart, int[] tracePoint, int[] postingStart, int[] postingDevice)
    {
        TraceStart = traceStart;
        TracePoint = tracePoint;
        PostingStart = postingStart;
        PostingDevice = postingDevice;
        int longest = 0;
        for (int p = 0; p + 1 < postingStart.Length; p++)
        {
            longest = Math.Max(longest, postingStart[p + 1] - postingStart[p]);
        }

        LongestPosting = longest;
    }

    /// <summary>Row r's distinct points are <c>TracePoint[TraceStart[r]..TraceStart[r + 1]]</c>, ascending.</summary>
    public int[] TraceStart { get; }

    /// <summary>Point ids of every trace.</summary>
    public int[] TracePoint { get; }

    /// <summary>Point p's devices are <c>PostingDevice[PostingStart[p]..PostingStart[p + 1]]</c>, ascending.</summary>
    public int[] PostingStart { get; }

    /// <summary>Devices of every posting list.</summary>
    public int[] PostingDevice { get; }

    /// <summary>Number of distinct points.</summary>
    public int PointCount => PostingStart.Length - 1;

    /// <summary>Length of the longest posting list (the size scratch buffers need).</summary>
    public int LongestPosting { get; }

    /// <summary>Returns the distinct points of a trace row.</summary>
    public ReadOnlySpan<int> Trace(int row) => TracePoint.AsSpan(TraceStart[row], TraceStart[row + 1] - TraceStart[row]);

    /// <summary>Returns the devices holding a point, ascending.</summary>
    public ReadOnlySpan<int> Posting(int point) => PostingDevice.AsSpan(PostingStart[point], PostingStart[point + 1] - PostingStart[point]);

    /// <summary>Returns how many devices hold a point.</summary>
    public int PostingLength(int point) => PostingStart[point + 1] - PostingStart[point];

    /// <summary>
    /// The index of one resolution: the query's traces and the parts' posting lists concatenated per point and sorted by
    /// global device (devices are disjoint between parts, so the order does not depend on the partitioning).
    /// </summary>
    public static UnicityIndex Merge(UnicityQueryResolution resolution, IReadOnlyList<UnicityPostings> parts, int r, int[] sample)
    {
        int pointCount = resolution.Points.Length;
        int[] start = new int[pointCount + 1];
        for (int p = 0; p < pointCount; p++)
        {
            int length = 0;
            foreach (UnicityPostings part in parts)
            {
                length += part.PostingStart[r][p + 1] - part.PostingStart[r][p];
            }

            start[p + 1] = start[p] + length;
        }

        int[] devices = new int[start[pointCount]];
        for (int p = 0; p < pointCount; p++)
        {
            int w = start[p];
            int contributing = 0;
            foreach (UnicityPostings part in parts)
            {
                int from = part.PostingStart[r][p];
                int length = part.PostingStart[r][p + 1] - from;
                if (length > 0)
                {
                    part.PostingDevice[r].AsSpan(from, length).CopyTo(devices.AsSpan(w));
                    w += length;
                    contributing++;
                }
            }

            if (contributing > 1)
            {
                devices.AsSpan(start[p], w - start[p]).Sort();
            }
        }

        var index = new UnicityIndex(resolution.TraceStart, resolution.TracePoint, start, devices);
        for (int row = 0; row < sample.Length; row++)
        {
            foreach (int point in index.Trace(row))
            {
                if (index.Posting(point).BinarySearch(sample[row]) < 0)
                {
                    throw new ArgumentException("the postings miss points of sampled devices: pass the postings of every partition", nameof(parts));
                }
            }
        }

        return index;
    }
}
