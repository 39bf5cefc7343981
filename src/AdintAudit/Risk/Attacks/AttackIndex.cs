namespace AdintAudit.Risk.Attacks;

/// <summary>
/// Per-device distinct keys with counts and positions, and the inverted index key -> devices, built once per attack.
/// A key is a place, or a (place, time bucket) pair for the location-time attack.
/// </summary>
internal sealed class AttackIndex
{
    public AttackIndex(AttackInput input, int[] recordKey, int keyCount)
    {
        int devices = input.DeviceCount;
        KeyCount = keyCount;
        RecordKey = recordKey;
        DeviceStart = input.DeviceStart;

        // Per device: distinct keys ascending with counts, and each key's positions in the device's time order.
        DeviceKeyStart = new int[devices + 1];
        var keys = new List<int>();
        var counts = new List<int>();
        var positionStart = new List<int>();
        var positions = new List<int>();
        var scratch = new List<(int Key, int Position)>();
        for (int d = 0; d < devices; d++)
        {
            scratch.Clear();
            int start = input.DeviceStart[d];
            int end = input.DeviceStart[d + 1];
            for (int r = start; r < end; r++)
            {
                scratch.Add((recordKey[r], r - start));
            }

            scratch.Sort();
            for (int i = 0; i < scratch.Count; i++)
            {
                if (i == 0 || scratch[i].Key != scratch[i - 1].Key)
                {
                    keys.Add(scratch[i].Key);
                    counts.Add(0);
                    positionStart.Add(positions.Count);
                }

                counts[^1]++;
                positions.Add(scratch[i].Position);
            }

            DeviceKeyStart[d + 1] = keys.Count;
        }

        positionStart.Add(positions.Count);
        DeviceKeys = [.. keys];
        DeviceCounts = [.. counts];
        KeyPositionStart = [.. positionStart];
        Positions = [.. positions];

        // Inverted index: for each key, the devices holding it (ascending) with their counts.
        PostingStart = new int[keyCount + 1];
        foreach (int key in DeviceKeys)
        {
            PostingStart[key + 1]++;
        }

        for (int k = 0; k < keyCount; k++)
        {
            PostingStart[k + 1] += PostingStart[k];
        }

        PostingDevice = new int[DeviceKeys.Length];
        PostingCount = new int[DeviceKeys.Length];
        PostingEntry = new int[DeviceKeys.Length];
        PostingFirstPosition = new int[DeviceKeys.Length];
        int[] fill = (int[])PostingStart.Clone();
        for (int d = 0; d < devices; d++)
        {
            for (int e = DeviceKeyStart[d]; e < DeviceKeyStart[d + 1]; e++)
            {
                int slot = fill[DeviceKeys[e]]++;
                PostingDevice[slot] = d;
                PostingCount[slot] = DeviceCounts[e];
                PostingEntry[slot] = e;
                PostingFirstPosition[slot] = Positions[KeyPositionStart[e]];
            }
        }
    }

    public int KeyCount { get; }

    public int[] RecordKey { get; }

    public int[] DeviceStart { get; }

    public int[] DeviceKeyStart { get; }

    public int[] DeviceKeys { get; }

    public int[] DeviceCounts { get; }

    public int[] KeyPositionStart { get; }

    public int[] Positions { get; }

    public int[] PostingStart { get; }

    public int[] PostingDevice { get; }

    public int[] PostingCount { get; }

    /// <summary>For each posting slot, the device's entry (index into <see cref="DeviceKeys"/>) of that key.</summary>
    public int[] PostingEntry { get; }

    /// <summary>For each posting slot, the first position of the key in the device's time order.</summary>
    public int[] PostingFirstPosition { get; }

    /// <summary>Number of devices holding <paramref name="key"/>.</summary>
    public int DevicesWith(int key) => PostingStart[key + 1] - PostingStart[key];

    /// <summary>First position of entry <paramref name="entry"/>'s key after <paramref name="after"/>, or -1.</summary>
    public int NextPositionOfEntry(int entry, int after)
    {
        int start = KeyPositionStart[entry];
        int end = KeyPositionStart[entry + 1];
        int found = Array.BinarySearch(Positions, start, end - start, after + 1);
        int index = found >= 0 ? found : ~found;
        return index < end ? Positions[index] : -1;
    }

    public int Records(int device) => DeviceStart[device + 1] - DeviceStart[device];

    /// <summary>Entry index of <paramref name="key"/> among <paramref name="device"/>'s distinct keys, or -1.</summary>
    public int FindEntry(int device, int key)
    {
        int found = Array.BinarySearch(DeviceKeys, DeviceKeyStart[device], DeviceKeyStart[device + 1] - DeviceKeyStart[device], key);
        return found < 0 ? -1 : found;
    }

    /// <summary>Count of <paramref name="key"/> in <paramref name="device"/>'s records (0 when absent).</summary>
    public int CountOf(int device, int key)
    {
        int entry = FindEntry(device, key);
        return entry < 0 ? 0 : DeviceCounts[entry];
    }

    /// <summary>First position of <paramref name="key"/> in <paramref name="device"/>'s time order after <paramref name="after"/>, or -1.</summary>
    public int NextPosition(int device, int key, int after)
    {
        int entry = FindEntry(device, key);
        return entry < 0 ? -1 : NextPositionOfEntry(entry, after);
    }
}
