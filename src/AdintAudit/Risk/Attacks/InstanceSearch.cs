namespace AdintAudit.Risk.Attacks;

/// <summary>
/// The search for one target's most revealing background knowledge: a depth-first walk over distinct instances that
/// keeps, at each step, the devices still matching; the smallest final set gives the risk.
/// </summary>
internal sealed class InstanceSearch
{
    private readonly AttackIndex _index;
    private readonly AttackOptions _options;
    private readonly int _target;
    private readonly int _knowledge;
    private int _best = int.MaxValue;
    private bool _stop;

    // Target's items, rarest first: key and how many of the target's records hold it (its capacity in an instance).
    private int[] _itemKeys = [];
    private int[] _itemCapacity = [];
    private int[] _suffixCapacity = [];
    private readonly List<int> _chosenKeys = [];
    private SearchScratch _scratch = null!; // set by Run before any search step

    public InstanceSearch(AttackIndex index, AttackOptions options, int target)
    {
        _index = index;
        _options = options;
        _target = target;
        int available = options.Kind switch
        {
            AttackKind.Location or AttackKind.LocationTime or AttackKind.LocationSequence => index.Records(target),
            _ => index.DeviceKeyStart[target + 1] - index.DeviceKeyStart[target],
        };
        _knowledge = Math.Min(options.KnowledgeLength, available);
    }

    public long Instances { get; private set; }

    public bool Truncated { get; private set; }

    public double Run(SearchScratch scratch)
    {
        _scratch = scratch;
        if (HoldsPrivateKey())
        {
            // Any instance holding this key matches the target alone (the target always matches its own knowledge).
            Count();
            Record(1);
        }
        else if (_options.Kind == AttackKind.LocationSequence)
        {
            SearchSequences();
        }
        else
        {
            PrepareItems();
            SearchElements(0, 0, 0, [], unrestricted: true);
        }

        return _best == int.MaxValue ? 0 : 1.0 / _best;
    }

    /// <summary>Whether one of the target's keys is held by no other device: then some instance singles it out.</summary>
    private bool HoldsPrivateKey()
    {
        for (int e = _index.DeviceKeyStart[_target]; e < _index.DeviceKeyStart[_target + 1]; e++)
        {
            if (_index.DevicesWith(_index.DeviceKeys[e]) == 1)
            {
                return true;
            }
        }

        return false;
    }

    private void PrepareItems()
    {
        int start = _index.DeviceKeyStart[_target];
        int end = _index.DeviceKeyStart[_target + 1];
        bool multiset = _options.Kind is AttackKind.Location or AttackKind.LocationTime;
        var items = new List<(int Devices, int Key, int Capacity)>();
        for (int e = start; e < end; e++)
        {
            int key = _index.DeviceKeys[e];
            items.Add((_index.DevicesWith(key), key, multiset ? _index.DeviceCounts[e] : 1));
        }

        items.Sort();
        _itemKeys = [.. items.Select(i => i.Key)];
        _itemCapacity = [.. items.Select(i => i.Capacity)];
        _suffixCapacity = new int[items.Count + 1];
        for (int i = items.Count - 1; i >= 0; i--)
        {
            _suffixCapacity[i] = _suffixCapacity[i + 1] + _itemCapacity[i];
        }
    }

    /// <summary>
    /// Chooses, for item <paramref name="item"/> onwards, how many records of each key the instance holds. The devices
    /// matching the prefix chosen so far are <paramref name="candidates"/> (all devices when <paramref name="unrestricted"/>),
    /// so extending the instance by one key costs one intersection.
    /// </summary>
    private void SearchElements(int item, int chosen, int depth, ReadOnlySpan<int> candidates, bool unrestricted)
    {
        if (_stop)
        {
            return;
        }

        if (chosen == _knowledge)
        {
            Count();
            int matches = _options.Kind == AttackKind.Proportion ? ProportionMatches(candidates) : candidates.Length;
            Record(matches);
            return;
        }

        if (item == _itemKeys.Length || chosen + _suffixCapacity[item] < _knowledge)
        {
            return;
        }

        int most = Math.Min(_itemCapacity[item], _knowledge - chosen);
        for (int n = most; n >= 1 && !_stop; n--)
        {
            Count();
            ReadOnlySpan<int> narrowed = Narrow(candidates, unrestricted, _itemKeys[item], n, depth + 1);
            _chosenKeys.Add(_itemKeys[item]);
            if (narrowed.Length == 1)
            {
                // Only the target is left, and completing the instance cannot add devices: nothing beats risk 1.
                Record(1);
            }
            else
            {
                SearchElements(item + 1, chosen + n, depth + 1, narrowed, unrestricted: false);
            }

            _chosenKeys.RemoveAt(_chosenKeys.Count - 1);
        }

        SearchElements(item + 1, chosen, depth, candidates, unrestricted);
    }

    /// <summary>
    /// The candidates that also match "at least <paramref name="needed"/> records at <paramref name="key"/>" (or its value
    /// test), written to the buffer of <paramref name="depth"/>: a merge of two ascending device lists that walks the
    /// shorter one and gallops in the longer, O(min · log max).
    /// </summary>
    private ReadOnlySpan<int> Narrow(ReadOnlySpan<int> candidates, bool unrestricted, int key, int needed, int depth)
    {
        int start = _index.PostingStart[key];
        int end = _index.PostingStart[key + 1];
        ReadOnlySpan<int> posted = _index.PostingDevice.AsSpan(start, end - start);
        if (unrestricted && AcceptsEveryHolder(needed))
        {
            return posted;
        }

        int[] output = _scratch.Devices(depth, unrestricted ? posted.Length : Math.Min(candidates.Length, posted.Length));
        int written = 0;
        if (unrestricted)
        {
            for (int p = 0; p < posted.Length; p++)
            {
                if (Accepts(posted[p], _index.PostingCount[start + p], key, needed))
                {
                    output[written++] = posted[p];
                }
            }
        }
        else if (candidates.Length <= posted.Length)
        {
            int q = 0;
            foreach (int device in candidates)
            {
                q = Gallop(posted, q, device);
                if (q == posted.Length)
                {
                    break;
                }

                if (posted[q] == device && Accepts(device, _index.PostingCount[start + q], key, needed))
                {
                    output[written++] = device;
                }
            }
        }
        else
        {
            int c = 0;
            for (int p = 0; p < posted.Length; p++)
            {
                int device = posted[p];
                c = Gallop(candidates, c, device);
                if (c == candidates.Length)
                {
                    break;
                }

                if (candidates[c] == device && Accepts(device, _index.PostingCount[start + p], key, needed))
                {
                    output[written++] = device;
                }
            }
        }

        return output.AsSpan(0, written);
    }

    /// <summary>Whether every device holding a key passes the test for <paramref name="needed"/> records of it.</summary>
    private bool AcceptsEveryHolder(int needed) => _options.Kind switch
    {
        AttackKind.Location or AttackKind.LocationTime => needed <= 1,
        AttackKind.UniqueLocation or AttackKind.Proportion => true,
        _ => false,
    };

    private bool Accepts(int device, int count, int key, int needed)
    {
        switch (_options.Kind)
        {
            case AttackKind.Location or AttackKind.LocationTime:
                return count >= needed;
            case AttackKind.Frequency:
                return WithinTolerance(_index.CountOf(_target, key), count);
            case AttackKind.Probability:
                return WithinTolerance(
                    (double)_index.CountOf(_target, key) / _index.Records(_target),
                    (double)count / _index.Records(device));
            default:
                return true;
        }
    }

    /// <summary>scikit-mobility's test: the known value b lies within the candidate's value v ± v·tolerance.</summary>
    private bool WithinTolerance(double known, double candidate)
    {
        double t = _options.Tolerance;
        return known >= candidate - (candidate * t) && known <= candidate + (candidate * t);
    }

    private int ProportionMatches(ReadOnlySpan<int> candidates)
    {
        int maxKnown = 0;
        foreach (int key in _chosenKeys)
        {
            maxKnown = Math.Max(maxKnown, _index.CountOf(_target, key));
        }

        int matches = 0;
        foreach (int device in candidates)
        {
            int maxCandidate = 0;
            foreach (int key in _chosenKeys)
            {
                maxCandidate = Math.Max(maxCandidate, _index.CountOf(device, key));
            }

            bool all = true;
            foreach (int key in _chosenKeys)
            {
                double known = (double)_index.CountOf(_target, key) / maxKnown;
                double candidate = (double)_index.CountOf(device, key) / maxCandidate;
                if (!WithinTolerance(known, candidate))
                {
                    all = false;
                    break;
                }
            }

            matches += all ? 1 : 0;
        }

        return matches;
    }

    /// <summary>
    /// Distinct subsequences of length k of the target's time-ordered keys: at each step every distinct next key is
    /// taken at its first occurrence, which yields each distinct subsequence exactly once; candidates keep the
    /// position where their greedy match of the prefix ends.
    /// </summary>
    private void SearchSequences()
    {
        int start = _index.DeviceStart[_target];
        int length = _index.DeviceStart[_target + 1] - start;
        ReadOnlySpan<int> sequence = _index.RecordKey.AsSpan(start, length);

        // previous[j] = the last position before j holding the same key (-1 if none): j is the first occurrence of its
        // key in sequence[from..] exactly when previous[j] < from.
        int keyStart = _index.DeviceKeyStart[_target];
        int[] previous = _scratch.Previous(length);
        int[] lastSeen = _scratch.LastSeen(_index.DeviceKeyStart[_target + 1] - keyStart);
        lastSeen.AsSpan(0, _index.DeviceKeyStart[_target + 1] - keyStart).Fill(-1);
        for (int j = 0; j < length; j++)
        {
            int local = _index.FindEntry(_target, sequence[j]) - keyStart;
            previous[j] = lastSeen[local];
            lastSeen[local] = j;
        }

        ExtendSequence(sequence, previous, 0, 0, [], [], unrestricted: true);
    }

    private void ExtendSequence(ReadOnlySpan<int> sequence, int[] previous, int from, int depth, ReadOnlySpan<int> devices,
        ReadOnlySpan<int> positions, bool unrestricted)
    {
        if (depth == _knowledge)
        {
            Count();
            Record(devices.Length);
            return;
        }

        for (int j = from; j <= sequence.Length - (_knowledge - depth) && !_stop; j++)
        {
            if (previous[j] >= from)
            {
                continue;
            }

            Count();
            int key = sequence[j];
            int start = _index.PostingStart[key];
            int end = _index.PostingStart[key + 1];
            ReadOnlySpan<int> nextDevices;
            ReadOnlySpan<int> nextPositions;
            if (unrestricted)
            {
                // Depth 1 is the posting list itself, with each device's first position of the key.
                nextDevices = _index.PostingDevice.AsSpan(start, end - start);
                nextPositions = _index.PostingFirstPosition.AsSpan(start, end - start);
            }
            else
            {
                int written = Advance(devices, positions, start, end, depth + 1);
                nextDevices = _scratch.Devices(depth + 1, 0).AsSpan(0, written);
                nextPositions = _scratch.Positions(depth + 1, 0).AsSpan(0, written);
            }

            if (nextDevices.Length == 1)
            {
                Record(1);
                return;
            }

            ExtendSequence(sequence, previous, j + 1, depth + 1, nextDevices, nextPositions, unrestricted: false);
        }
    }

    /// <summary>
    /// Keeps the candidates that hold the key of posting slots [<paramref name="start"/>, <paramref name="end"/>) after
    /// their matched position, with the new position; written to the buffers of <paramref name="depth"/>.
    /// </summary>
    private int Advance(ReadOnlySpan<int> devices, ReadOnlySpan<int> positions, int start, int end, int depth)
    {
        ReadOnlySpan<int> posted = _index.PostingDevice.AsSpan(start, end - start);
        int size = Math.Min(devices.Length, posted.Length);
        int[] outDevices = _scratch.Devices(depth, size);
        int[] outPositions = _scratch.Positions(depth, size);
        int written = 0;
        int c = 0;
        int q = 0;
        bool walkCandidates = devices.Length <= posted.Length;
        while (c < devices.Length && q < posted.Length)
        {
            if (walkCandidates)
            {
                q = Gallop(posted, q, devices[c]);
            }
            else
            {
                c = Gallop(devices, c, posted[q]);
            }

            if (c == devices.Length || q == posted.Length)
            {
                break;
            }

            if (devices[c] == posted[q])
            {
                int position = _index.NextPositionOfEntry(_index.PostingEntry[start + q], positions[c]);
                if (position >= 0)
                {
                    outDevices[written] = devices[c];
                    outPositions[written++] = position;
                }

                c++;
                q++;
            }
            else if (walkCandidates)
            {
                c++;
            }
            else
            {
                q++;
            }
        }

        return written;
    }

    private void Count()
    {
        if (++Instances > _options.MaxInstancesPerDevice)
        {
            Truncated = true;
            _stop = true;
        }
    }

    private void Record(int matches)
    {
        if (matches < _best)
        {
            _best = Math.Max(1, matches);
        }

        if (_best == 1)
        {
            _stop = true;
        }
    }

    /// <summary>First index at or after <paramref name="from"/> whose value is at least <paramref name="value"/> (exponential then binary search).</summary>
    private static int Gallop(ReadOnlySpan<int> values, int from, int value)
    {
        if (from >= values.Length || values[from] >= value)
        {
            return from;
        }

        // values[low] < value throughout; high is the first probe found at or above value (or the end).
        int low = from;
        int step = 1;
        int high = from + 1;
        while (high < values.Length && values[high] < value)
        {
            low = high;
            step <<= 1;
            high = from + step;
        }

        high = Math.Min(high, values.Length);
        int found = values[(low + 1)..high].BinarySearch(value);
        return low + 1 + (found >= 0 ? found : ~found);
    }
}
