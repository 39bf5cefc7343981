using AdintAudit.Synthetic.Emission;
using AdintAudit.Synthetic.Output;

namespace AdintAudit.Synthetic;

/// <summary>
/// The generated ping table in memory, column by column, in file order (devices in generation order, each sorted by
/// time; the zeroed IDFA last), with the per-row truth of <c>truth_pings.parquet</c>.
/// </summary>
public sealed class SyntheticPings
{
    private readonly PingBuffer _rows;
    private readonly RowText _text;

    internal SyntheticPings(PingBuffer rows, List<string> ids, RowText text)
    {
        _rows = rows;
        Ids = ids;
        _text = text;
    }

    /// <summary>Number of rows.</summary>
    public int Count => _rows.Count;

    /// <summary>The distinct identifiers; <see cref="IdIndices"/> points into this list.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Per row: index of its <c>device_id</c> in <see cref="Ids"/>.</summary>
    public ReadOnlySpan<int> IdIndices => _rows.IdSlot.AsSpan(0, Count);

    /// <summary>Per row: <c>timestamp</c>, UTC epoch milliseconds.</summary>
    public ReadOnlySpan<long> TimestampsMs => _rows.TimestampMs.AsSpan(0, Count);

    /// <summary>Per row: reported <c>latitude</c>, degrees.</summary>
    public ReadOnlySpan<double> Latitudes => _rows.Latitude.AsSpan(0, Count);

    /// <summary>Per row: reported <c>longitude</c>, degrees.</summary>
    public ReadOnlySpan<double> Longitudes => _rows.Longitude.AsSpan(0, Count);

    /// <summary>Per row: <c>horizontal_accuracy</c> in metres; NaN where the column is null.</summary>
    public ReadOnlySpan<float> AccuracyMeters => _rows.Accuracy.AsSpan(0, Count);

    /// <summary>Per row: the true latitude, degrees (truth).</summary>
    public ReadOnlySpan<double> TrueLatitudes => _rows.TrueLatitude.AsSpan(0, Count);

    /// <summary>Per row: the true longitude, degrees (truth).</summary>
    public ReadOnlySpan<double> TrueLongitudes => _rows.TrueLongitude.AsSpan(0, Count);

    /// <summary>Per row: the physical device (or ephemeral ID) that emitted it (truth; see <see cref="TruthDevice.PhysicalDevice"/>).</summary>
    public ReadOnlySpan<int> PhysicalDevices => _rows.Unit.AsSpan(0, Count);

    /// <summary>Returns the <c>device_id</c> of a row.</summary>
    /// <param name="row">Row index, 0 to <see cref="Count"/> − 1.</param>
    public string DeviceId(int row) => Ids[_rows.IdSlot[row]];

    /// <summary>Returns the <c>id_type</c> of a row: <c>aaid</c>, <c>idfa</c> or <c>idfv</c>.</summary>
    /// <param name="row">Row index.</param>
    public string IdType(int row) => RowText.IdTypes[_rows.IdType[row]];

    /// <summary>Returns the <c>collection_mode</c> of a row.</summary>
    /// <param name="row">Row index.</param>
    public string CollectionMode(int row) => RowText.Modes[_rows.Mode[row]];

    /// <summary>Returns the <c>ip_address</c> of a row (IPv4 text).</summary>
    /// <param name="row">Row index.</param>
    public string IpAddress(int row) => RowText.Ipv4(_rows.Ip[row]);

    /// <summary>Returns the <c>app_id</c> of a row.</summary>
    /// <param name="row">Row index.</param>
    public string AppId(int row) => System.Text.Encoding.UTF8.GetString(_text.AppId(_rows.App[row], _rows.Os[row]));

    /// <summary>Returns the true location source of a row: <c>gps</c>, <c>wifi</c>, <c>coarse</c>, <c>ios_reduced</c> or <c>ip</c>.</summary>
    /// <param name="row">Row index.</param>
    public string SourceClass(int row) => SourceClassNames.All[_rows.Source[row]];

    /// <summary>Returns the artefact of a row: <c>none</c>, <c>duplicate</c>, <c>near_duplicate</c>, <c>bad_ts</c>, <c>bogus</c>, <c>teleport</c> or <c>repeated_digit</c>.</summary>
    /// <param name="row">Row index.</param>
    public string Artifact(int row) => ArtifactNames.All[_rows.Artifact[row]];

    internal PingBuffer Rows => _rows;
}
