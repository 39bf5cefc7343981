using System.Runtime.CompilerServices;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// Growable columnar rows of the ping table plus their truth columns; one array per column (house style rule 7).
/// Strings are kept as small codes and expanded only when a row group is written.
/// </summary>
internal sealed class PingBuffer(int capacity = 1024)
{
    private int _capacity = Math.Max(16, capacity);

    /// <summary>Index of the row's identifier in the owner's ID table; <see cref="ZeroedIdSlot"/> for the zeroed IDFA.</summary>
    public int[] IdSlot = new int[Math.Max(16, capacity)];
    public byte[] IdType = new byte[Math.Max(16, capacity)];
    public long[] TimestampMs = new long[Math.Max(16, capacity)];
    public double[] Latitude = new double[Math.Max(16, capacity)];
    public double[] Longitude = new double[Math.Max(16, capacity)];

    /// <summary>Reported accuracy in metres; NaN for null.</summary>
    public float[] Accuracy = new float[Math.Max(16, capacity)];
    public byte[] Mode = new byte[Math.Max(16, capacity)];
    public uint[] Ip = new uint[Math.Max(16, capacity)];
    public byte[] Os = new byte[Math.Max(16, capacity)];
    public short[] App = new short[Math.Max(16, capacity)];
    public byte[] Supplier = new byte[Math.Max(16, capacity)];
    public double[] TrueLatitude = new double[Math.Max(16, capacity)];
    public double[] TrueLongitude = new double[Math.Max(16, capacity)];
    public byte[] Source = new byte[Math.Max(16, capacity)];
    public byte[] Artifact = new byte[Math.Max(16, capacity)];

    /// <summary>The generation unit (physical device or ephemeral ID) that emitted the row: the truth link of zeroed and IDFV rows.</summary>
    public int[] Unit = new int[Math.Max(16, capacity)];

    public const int ZeroedIdSlot = -1;

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Reserves one row at the end and returns its index; the caller fills every column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AddRow()
    {
        if (Count == _capacity)
        {
            Grow(Count + 1);
        }

        return Count++;
    }

    /// <summary>Appends a copy of row <paramref name="row"/> of <paramref name="source"/>, with its ID slot shifted by <paramref name="slotOffset"/>.</summary>
    public void CopyRow(PingBuffer source, int row, int slotOffset)
    {
        int i = AddRow();
        int slot = source.IdSlot[row];
        IdSlot[i] = slot == ZeroedIdSlot ? ZeroedIdSlot : slot + slotOffset;
        IdType[i] = source.IdType[row];
        TimestampMs[i] = source.TimestampMs[row];
        Latitude[i] = source.Latitude[row];
        Longitude[i] = source.Longitude[row];
        Accuracy[i] = source.Accuracy[row];
        Mode[i] = source.Mode[row];
        Ip[i] = source.Ip[row];
        Os[i] = source.Os[row];
        App[i] = source.App[row];
        Supplier[i] = source.Supplier[row];
        TrueLatitude[i] = source.TrueLatitude[row];
        TrueLongitude[i] = source.TrueLongitude[row];
        Source[i] = source.Source[row];
        Artifact[i] = source.Artifact[row];
        Unit[i] = source.Unit[row];
    }

    /// <summary>Appends rows [start, start + count) of <paramref name="source"/> with their ID slots shifted by <paramref name="slotOffset"/>.</summary>
    public void CopyRange(PingBuffer source, int start, int count, int slotOffset)
    {
        if (Count + count > _capacity)
        {
            Grow(Count + count);
        }

        int at = Count;
        for (int k = 0; k < count; k++)
        {
            int slot = source.IdSlot[start + k];
            IdSlot[at + k] = slot == ZeroedIdSlot ? ZeroedIdSlot : slot + slotOffset;
        }

        source.IdType.AsSpan(start, count).CopyTo(IdType.AsSpan(at));
        source.TimestampMs.AsSpan(start, count).CopyTo(TimestampMs.AsSpan(at));
        source.Latitude.AsSpan(start, count).CopyTo(Latitude.AsSpan(at));
        source.Longitude.AsSpan(start, count).CopyTo(Longitude.AsSpan(at));
        source.Accuracy.AsSpan(start, count).CopyTo(Accuracy.AsSpan(at));
        source.Mode.AsSpan(start, count).CopyTo(Mode.AsSpan(at));
        source.Ip.AsSpan(start, count).CopyTo(Ip.AsSpan(at));
        source.Os.AsSpan(start, count).CopyTo(Os.AsSpan(at));
        source.App.AsSpan(start, count).CopyTo(App.AsSpan(at));
        source.Supplier.AsSpan(start, count).CopyTo(Supplier.AsSpan(at));
        source.TrueLatitude.AsSpan(start, count).CopyTo(TrueLatitude.AsSpan(at));
        source.TrueLongitude.AsSpan(start, count).CopyTo(TrueLongitude.AsSpan(at));
        source.Source.AsSpan(start, count).CopyTo(Source.AsSpan(at));
        source.Artifact.AsSpan(start, count).CopyTo(Artifact.AsSpan(at));
        source.Unit.AsSpan(start, count).CopyTo(Unit.AsSpan(at));
        Count += count;
    }

    private void Grow(int needed)
    {
        int capacity = Math.Max(needed, _capacity * 2);
        Array.Resize(ref IdSlot, capacity);
        Array.Resize(ref IdType, capacity);
        Array.Resize(ref TimestampMs, capacity);
        Array.Resize(ref Latitude, capacity);
        Array.Resize(ref Longitude, capacity);
        Array.Resize(ref Accuracy, capacity);
        Array.Resize(ref Mode, capacity);
        Array.Resize(ref Ip, capacity);
        Array.Resize(ref Os, capacity);
        Array.Resize(ref App, capacity);
        Array.Resize(ref Supplier, capacity);
        Array.Resize(ref TrueLatitude, capacity);
        Array.Resize(ref TrueLongitude, capacity);
        Array.Resize(ref Source, capacity);
        Array.Resize(ref Artifact, capacity);
        Array.Resize(ref Unit, capacity);
        _capacity = capacity;
    }
}
