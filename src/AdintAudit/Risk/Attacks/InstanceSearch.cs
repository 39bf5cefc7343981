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

    public double Run()
    {
        if (_options.Kind == AttackKind.LocationSequence)
        {
            SearchSequences();
        }
        else
        {
            PrepareItems();
            SearchElements(0, 0, null);
        }

        return _best == int.MaxValue ? 0 : 1.0 / _best;
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
            items.Add((_index.PostingStart[key + 1] - _index.PostingStart[key], key, multiset ? _index.DeviceCounts[e] : 1));
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

    /// <summary>Chooses, for item <paramref name="item"/> onwards, how many records of each key the instance holds.</summary>
    private void SearchElements(int item, int chosen, int[]? candidates)
    {
        if (_stop)
        {
            return;
        }

        if (chosen == _knowledge)
        {
            Count();
            int matches = _options.Kind == AttackKind.Proportion ? ProportionMatches(candidates!) : candidates!.Length;
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
            int[] narrowed = Narrow(candidates, _itemKeys[item], n);
            _chosenKeys.Add(_itemKeys[item]);
            if (narrowed.Length == 1 && _options.Kind != AttackKind.Proportion)
            {
                // Only the target is left, and completing the instance cannot add devices: nothing beats risk 1.
                Record(1);
            }
            else
            {
                SearchElements(item + 1, chosen + n, narrowed);
            }

            _chosenKeys.RemoveAt(_chosenKeys.Count - 1);
        }

        SearchElements(item + 1, chosen, candidates);
    }

    /// <summary>The candidates that also match "at least <paramref name="needed"/> records at <paramref name="key"/>" (or its value test).</summary>
    private int[] Narrow(int[]? candidates, int key, int needed)
    {
        int start = _index.PostingStart[key];
        int end = _index.PostingStart[key + 1];
        var result = new List<int>(candidates is null ? end - start : Math.Min(candidates.Length, end - start));
        if (candidates is null)
        {
            for (int p = start; p < end; p++)
            {
                if (Accepts(_index.PostingDevice[p], _index.PostingCount[p], key, needed))
                {
                    result.Add(_index.PostingDevice[p]);
                }
            }

            return [.. result];
        }

        // Merge the two ascending device lists.
        int c = 0;
        int q = start;
        while (c < candidates.Length && q < end)
        {
            int device = candidates[c];
            int posted = _index.PostingDevice[q];
            if (device == posted)
            {
                if (Accepts(device, _index.PostingCount[q], key, needed))
                {
                    result.Add(device);
                }

                c++;
                q++;
            }
            else if (device < posted)
            {
                c++;
            }
            else
            {
                q = LowerBound(_index.PostingDevice, q, end, device);
            }
        }

        return [.. result];
    }

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

    private int ProportionMatches(int[] candidates)
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
        int[] sequence = _index.RecordKey[start..(start + length)];
        ExtendSequence(sequence, 0, 0, null, null);
    }

    private void ExtendSequence(int[] sequence, int from, int depth, int[]? devices, int[]? positions)
    {
        if (depth == _knowledge)
        {
            Count();
            Record(devices!.Length);
            return;
        }

        var seen = new HashSet<int>();
        for (int j = from; j <= sequence.Length - (_knowledge - depth) && !_stop; j++)
        {
            int key = sequence[j];
            if (!seen.Add(key))
            {
                continue;
            }

            Count();
            var nextDevices = new List<int>();
            var nextPositions = new List<int>();
            if (devices is null)
            {
                for (int p = _index.PostingStart[key]; p < _index.PostingStart[key + 1]; p++)
                {
                    int device = _index.PostingDevice[p];
                    nextDevices.Add(device);
                    nextPositions.Add(_index.NextPosition(device, key, -1));
                }
            }
            else
            {
                for (int c = 0; c < devices.Length; c++)
                {
                    int position = _index.NextPosition(devices[c], key, positions![c]);
                    if (position >= 0)
                    {
                        nextDevices.Add(devices[c]);
                        nextPositions.Add(position);
                    }
                }
            }

            if (nextDevices.Count == 1)
            {
                Record(1);
                return;
            }

            ExtendSequence(sequence, j + 1, depth + 1, [.. nextDevices], [.. nextPositions]);
        }
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

    private static int LowerBound(int[] values, int from, int to, int value)
    {
        int found = Array.BinarySearch(values, from, to - from, value);
        return found >= 0 ? found : ~found;
    }
}
