using AdintAudit.Parquet.Metadata;
using AdintAudit.Parquet.Writing;

namespace AdintAudit.Synthetic.Output;

/// <summary>Writes <c>truth_devices.parquet</c> and <c>truth_visits.parquet</c> in row groups of 65,536 rows as they arrive, and <c>pois.parquet</c>.</summary>
internal sealed class TruthTableWriter : IDisposable
{
    public static readonly WriterSchema DeviceSchema = new(
        WriterColumn.String("device_id", isRequired: true),
        WriterColumn.String("id_type", isRequired: true),
        WriterColumn.Int32("person_id", isRequired: true),
        WriterColumn.String("persona", isRequired: true),
        WriterColumn.String("os", isRequired: true),
        WriterColumn.String("collection_mode", isRequired: true),
        WriterColumn.Timestamp("id_valid_from", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.Timestamp("id_valid_to", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.String("successor_device_id"),
        WriterColumn.Double("home_lat", isRequired: true),
        WriterColumn.Double("home_lon", isRequired: true),
        WriterColumn.Double("work_lat"),
        WriterColumn.Double("work_lon"),
        WriterColumn.String("home_geohash7", isRequired: true),
        WriterColumn.String("work_geohash7"),
        WriterColumn.Boolean("is_ephemeral", isRequired: true),
        WriterColumn.Int32("physical_device", isRequired: true),
        WriterColumn.Int64("pings", isRequired: true));

    public static readonly WriterSchema VisitSchema = new(
        WriterColumn.Int32("person_id", isRequired: true),
        WriterColumn.String("device_id", isRequired: true),
        WriterColumn.Int32("poi_id", isRequired: true),
        WriterColumn.String("category", isRequired: true),
        WriterColumn.String("sensitive_category"),
        WriterColumn.Timestamp("arrival", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.Timestamp("departure", TimeUnit.Millis, isAdjustedToUtc: true, isRequired: true),
        WriterColumn.Int32("pings_in_polygon", isRequired: true),
        WriterColumn.Boolean("veraset_rule", isRequired: true));

    public static readonly WriterSchema PoiSchema = new(
        WriterColumn.Int32("poi_id", isRequired: true),
        WriterColumn.String("name", isRequired: true),
        WriterColumn.String("category", isRequired: true),
        WriterColumn.String("sensitive_category"),
        WriterColumn.Boolean("is_critical_site", isRequired: true),
        WriterColumn.Double("center_lat", isRequired: true),
        WriterColumn.Double("center_lon", isRequired: true),
        WriterColumn.Binary("polygon_wkb", isRequired: true),
        WriterColumn.String("polygon_wkt", isRequired: true));

    private const int GroupRows = 1 << 16;
    private readonly ParquetFileWriter _devices;
    private readonly ParquetFileWriter _visits;
    private readonly List<TruthDevice> _pendingDevices = [];
    private readonly List<TruthVisit> _pendingVisits = [];
    private readonly IReadOnlyList<SyntheticPoi> _pois;

    public TruthTableWriter(string devicesPath, string visitsPath, ParquetWriterOptions options, IReadOnlyList<SyntheticPoi> pois)
    {
        _devices = ParquetFileWriter.Create(devicesPath, DeviceSchema, options with { RowGroupSize = GroupRows });
        _visits = ParquetFileWriter.Create(visitsPath, VisitSchema, options with { RowGroupSize = GroupRows });
        _pois = pois;
    }

    public long Devices { get; private set; }

    public long Visits { get; private set; }

    public void Add(IReadOnlyList<TruthDevice> devices, IReadOnlyList<TruthVisit> visits)
    {
        foreach (TruthDevice d in devices)
        {
            _pendingDevices.Add(d);
            if (_pendingDevices.Count == GroupRows)
            {
                FlushDevices();
            }
        }

        foreach (TruthVisit v in visits)
        {
            _pendingVisits.Add(v);
            if (_pendingVisits.Count == GroupRows)
            {
                FlushVisits();
            }
        }
    }

    public void Complete()
    {
        FlushDevices();
        FlushVisits();
        _devices.Complete();
        _visits.Complete();
    }

    public void Dispose()
    {
        _devices.Dispose();
        _visits.Dispose();
    }

    public static void WritePois(string path, IReadOnlyList<SyntheticPoi> pois, ParquetWriterOptions options)
    {
        using ParquetFileWriter writer = ParquetFileWriter.Create(path, PoiSchema, options);
        int n = pois.Count;
        writer.BeginRowGroup(n);
        writer.WriteInt32([.. pois.Select(p => p.PoiId)]);
        writer.WriteStrings([.. pois.Select(p => p.Name)]);
        writer.WriteStrings([.. pois.Select(p => p.Category)]);
        writer.WriteStrings([.. pois.Select(p => p.SensitiveCategory)]);
        writer.WriteBoolean([.. pois.Select(p => p.IsCriticalSite)]);
        writer.WriteDouble([.. pois.Select(p => Math.Round(p.Polygon.Average(c => c.Latitude), 7))]);
        writer.WriteDouble([.. pois.Select(p => Math.Round(p.Polygon.Average(c => c.Longitude), 7))]);
        byte[][] wkb = [.. pois.Select(p => PolygonText.Wkb(p.Polygon))];
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            offsets[i + 1] = offsets[i] + wkb[i].Length;
        }

        writer.WriteByteArrays([.. wkb.SelectMany(b => b)], offsets);
        writer.WriteStrings([.. pois.Select(p => PolygonText.Wkt(p.Polygon))]);
        writer.EndRowGroup();
        writer.Complete();
    }

    private void FlushDevices()
    {
        if (_pendingDevices.Count == 0)
        {
            return;
        }

        List<TruthDevice> rows = _pendingDevices;
        _devices.BeginRowGroup(rows.Count);
        _devices.WriteStrings([.. rows.Select(r => r.DeviceId)]);
        _devices.WriteStrings([.. rows.Select(r => r.IdType)]);
        _devices.WriteInt32([.. rows.Select(r => r.PersonId)]);
        _devices.WriteStrings([.. rows.Select(r => r.Persona)]);
        _devices.WriteStrings([.. rows.Select(r => r.Os)]);
        _devices.WriteStrings([.. rows.Select(r => r.CollectionMode)]);
        _devices.WriteInt64([.. rows.Select(r => r.ValidFromMs)]);
        _devices.WriteInt64([.. rows.Select(r => r.ValidToMs)]);
        _devices.WriteStrings([.. rows.Select(r => r.SuccessorDeviceId)]);
        _devices.WriteDouble([.. rows.Select(r => r.HomeLatitude)]);
        _devices.WriteDouble([.. rows.Select(r => r.HomeLongitude)]);
        bool[] noWork = [.. rows.Select(r => r.WorkLatitude is null)];
        _devices.WriteDouble([.. rows.Select(r => r.WorkLatitude ?? 0)], noWork);
        _devices.WriteDouble([.. rows.Select(r => r.WorkLongitude ?? 0)], noWork);
        _devices.WriteStrings([.. rows.Select(r => r.HomeGeohash7)]);
        _devices.WriteStrings([.. rows.Select(r => r.WorkGeohash7)]);
        _devices.WriteBoolean([.. rows.Select(r => r.IsEphemeral)]);
        _devices.WriteInt32([.. rows.Select(r => r.PhysicalDevice)]);
        _devices.WriteInt64([.. rows.Select(r => r.Pings)]);
        _devices.EndRowGroup();
        Devices += rows.Count;
        rows.Clear();
    }

    private void FlushVisits()
    {
        if (_pendingVisits.Count == 0)
        {
            return;
        }

        List<TruthVisit> rows = _pendingVisits;
        _visits.BeginRowGroup(rows.Count);
        _visits.WriteInt32([.. rows.Select(r => r.PersonId)]);
        _visits.WriteStrings([.. rows.Select(r => r.DeviceId)]);
        _visits.WriteInt32([.. rows.Select(r => r.PoiId)]);
        _visits.WriteStrings([.. rows.Select(r => _pois[r.PoiId].Category)]);
        _visits.WriteStrings([.. rows.Select(r => _pois[r.PoiId].SensitiveCategory)]);
        _visits.WriteInt64([.. rows.Select(r => r.ArrivalMs)]);
        _visits.WriteInt64([.. rows.Select(r => r.DepartureMs)]);
        _visits.WriteInt32([.. rows.Select(r => r.PingsInPolygon)]);
        _visits.WriteBoolean([.. rows.Select(r => r.VerasetRule)]);
        _visits.EndRowGroup();
        Visits += rows.Count;
        rows.Clear();
    }
}
