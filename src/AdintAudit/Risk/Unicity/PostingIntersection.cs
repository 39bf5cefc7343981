using System.Diagnostics;

namespace AdintAudit.Risk.Unicity;

/// <summary>Intersections of ascending device lists (posting lists of the unicity index).</summary>
internal static class PostingIntersection
{
    /// <summary>Above this length ratio the shorter list is looked up in the longer by binary search instead of merged.</summary>
    private const int GallopRatio = 16;

    /// <summary>
    /// Counts the devices in both lists, stopping at <paramref name="limit"/>, and writes them ascending to
    /// <paramref name="destination"/> unless it is empty.
    /// </summary>
    /// <param name="a">Ascending, distinct.</param>
    /// <param name="b">Ascending, distinct.</param>
    /// <param name="destination">Empty (count only) or at least as long as the shorter list.</param>
    /// <param name="limit">Stop once this many common devices are found (&gt;= 1).</param>
    /// <returns>The number of common devices, at most <paramref name="limit"/>.</returns>
    /// <remarks>
    /// Linear merge when the lengths are similar, O(a + b); otherwise binary search of each element of the shorter
    /// list in the remaining part of the longer one, O(a log b).
    /// </remarks>
    public static int Intersect(ReadOnlySpan<int> a, ReadOnlySpan<int> b, Span<int> destination, int limit = int.MaxValue)
    {
        if (a.Length > b.Length)
        {
            ReadOnlySpan<int> shorter = b;
            b = a;
            a = shorter;
        }

        bool write = !destination.IsEmpty;
        Debug.Assert(!write || destination.Length >= a.Length);
        int count = 0;
        if (a.Length * GallopRatio < b.Length)
        {
            int low = 0;
            foreach (int device in a)
            {
                int found = b[low..].BinarySearch(device);
                if (found >= 0)
                {
                    if (write)
                    {
                        destination[count] = device;
                    }

                    if (++count == limit)
                    {
                        return count;
                    }

                    low += found + 1;
                }
                else
                {
                    low += ~found;
                }

                if (low == b.Length)
                {
                    break;
                }
            }

            return count;
        }

        int i = 0;
        int j = 0;
        while (i < a.Length && j < b.Length)
        {
            int x = a[i];
            int y = b[j];
            if (x == y)
            {
                if (write)
                {
                    destination[count] = x;
                }

                if (++count == limit)
                {
                    return count;
                }

                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return count;
    }
}
