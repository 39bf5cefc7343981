using AdintAudit.Synthetic.Devices;
using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Population;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Emission;

/// <summary>
/// Emits every row of one generation unit (spec §1.2–1.7): per day, whether the device is active and how many pings
/// it sends; their times (app sessions with a diurnal rhythm, background motion bursts); where the person truly is
/// (the day plan); what the chosen location source reports; the ID each row carries; and the row artefacts.
/// One emitter per thread; it reuses its buffers between units.
/// </summary>
internal sealed class PingEmitter
{
    private const int DayMs = 86_400_000;
    private const int MaxSessions = 2047;
    private const int SessionPingTarget = 60;
    private const double IndoorJitterMeters = 5;
    private const int IosReducedMinGapMs = 15 * 60_000;

    private readonly SyntheticModel _model;
    private readonly GeneratorOptions _options;
    private readonly LocationSources _sources;
    private readonly PersonaSchedule _schedule;
    private readonly LocalProjection _projection;
    private readonly DayPlan _plan = new();
    private readonly PingBuffer _rows = new(4096);
    private readonly int[] _sessionStart = new int[MaxSessions + 1];
    private readonly int[] _sessionLength = new int[MaxSessions + 1];
    private readonly int[] _sessionApp = new int[MaxSessions + 1];
    private readonly uint[] _sessionIp = new uint[MaxSessions + 1];
    private readonly List<(int PoiId, long ArrivalMs, long DepartureMs, int Slot, int Pings, long FirstMs, long LastMs)> _visits = [];
    private readonly int[] _stayVisit = new int[128];
    private readonly (int Start, int End)[] _travel = new (int, int)[32];
    private readonly long[] _slotPings = new long[16];
    private long[] _keys = new long[1024];
    private int[] _order = new int[1024];

    public PingEmitter(SyntheticModel model)
    {
        _model = model;
        _options = model.Options;
        _sources = new LocationSources(model);
        _schedule = new PersonaSchedule(model.Options, model.Pois);
        _projection = model.Metro.Projection;
    }

    /// <summary>Generates unit <paramref name="unit"/> and appends its rows and truth to <paramref name="chunk"/>.</summary>
    public void Emit(int unit, GeneratedChunk chunk)
    {
        DeviceProfile device = _model.Devices.Create(unit);
        Person person = _model.Persons.Create(device.Person);
        _rows.Clear();
        _visits.Clear();
        var rng = new SplitMix64(SplitMix64.Derive(_options.Seed, StreamTag.DeviceDay, (ulong)unit));
        double[] mix = _sources.CumulativeMix(device.Os == DeviceOs.Ios);
        var state = new EmitState { LastIosReducedMs = long.MinValue };
        for (int day = device.FirstDay; day <= device.LastDay; day++)
        {
            int count;
            if (device.IsEphemeral)
            {
                count = 1 + rng.NextPoisson(_options.EphemeralPingsMean);
            }
            else if (rng.Chance(device.ActiveProbability))
            {
                double g = rng.NextGamma(_options.DayMultiplierShape, 1.0 / _options.DayMultiplierShape);
                count = (int)Math.Min(_options.MaxPingsPerDay, 1L + rng.NextPoisson(device.DailyRate * g));
            }
            else
            {
                continue;
            }

            _schedule.Build(person, day, _model.Weekdays[day], _plan);
            EmitDay(device, person, day, count, mix, ref rng, ref state);
        }

        Finish(device, person, chunk);
    }

    private struct EmitState
    {
        public long LastIosReducedMs;
        public int ResetCursor;
    }

    private void EmitDay(DeviceProfile device, Person person, int day, int count, double[] mix, ref SplitMix64 rng, ref EmitState state)
    {
        long dayStart = _model.DayStartUtcMs[day];
        ReadOnlySpan<Stay> stays = _plan.Stays;
        RegisterVisits(device, stays, dayStart);

        // Times: background motion bursts along travel, the rest in app sessions.
        EnsureKeys(count);
        int keys = 0;
        if (device.Mode == CollectionMode.SdkBackground)
        {
            keys = PlaceBursts(count, ref rng);
        }

        int remaining = count - keys;
        if (remaining > 0)
        {
            int sessions = 1 + rng.NextPoisson(_options.SessionsPerDayMean);
            sessions = Math.Min(MaxSessions, Math.Max(sessions, (remaining + SessionPingTarget - 1) / SessionPingTarget));
            for (int s = 0; s < sessions; s++)
            {
                _sessionStart[s] = DiurnalRhythm.DrawTimeOfDayMs(ref rng);
                _sessionLength[s] = 1 + (int)Math.Min(3_600_000, rng.NextLogNormal(240_000, 0.8));
                _sessionApp[s] = rng.NextInt(device.Apps.Length);
                _sessionIp[s] = CarrierIp(device.Carrier, rng.NextUInt64());
            }

            for (int i = 0; i < remaining; i++)
            {
                int s = rng.NextInt(sessions);
                long t = Math.Min(DayMs - 1, _sessionStart[s] + (long)rng.NextInt(_sessionLength[s]));
                _keys[keys++] = (t << 12) | ((long)s << 1);
            }
        }

        Span<long> sorted = _keys.AsSpan(0, keys);
        sorted.Sort();
        _sessionIp[MaxSessions] = CarrierIp(device.Carrier, rng.NextUInt64());
        int teleportAt = device.TeleportDay == day ? keys / 2 : -1;
        int cursor = 0;
        App[] apps = _model.Apps.Apps;
        IdType advertising = device.AdvertisingIdType;
        byte modeForeground = (byte)(device.Mode == CollectionMode.SdkBackground ? CollectionMode.SdkForeground : device.Mode);
        double bogusShare = _options.BogusPointShare;
        double badTimeShare = bogusShare + _options.BadTimestampShare;
        double duplicateShare = _options.DuplicateShare;
        double nearDuplicateShare = duplicateShare + _options.NearDuplicateShare;
        for (int i = 0; i < keys; i++)
        {
            long key = sorted[i];
            int t = (int)(key >> 12);
            bool burst = (key & 1) != 0;
            int session = (int)((key >> 1) & MaxSessions);
            (double x, double y) = _plan.PositionAt(t, ref cursor, out int stayIndex);
            if (stayIndex >= 0)
            {
                (double jx, double jy) = rng.NextNormalPair();
                x += jx * IndoorJitterMeters;
                y += jy * IndoorJitterMeters;
            }

            int appIndex = device.Apps[burst ? 0 : _sessionApp[session]];
            App app = apps[appIndex];
            long utc = dayStart + t;
            SourceClass source = LocationSources.Draw(mix, rng.NextDouble());
            if (source == SourceClass.IosReduced)
            {
                if (utc - state.LastIosReducedMs < IosReducedMinGapMs)
                {
                    source = SourceClass.Coarse;
                }
                else
                {
                    state.LastIosReducedMs = utc;
                }
            }

            ObservedPoint observed = _sources.Observe(source, x, y, app.Decimals, ref rng);

            int slot;
            IdType idType;
            if (device.IdfvSlot >= 0 && app.Vendor == device.IdfvVendor)
            {
                slot = device.IdfvSlot;
                idType = IdType.Idfv;
            }
            else
            {
                while (state.ResetCursor < device.ResetTimesMs.Length && utc >= device.ResetTimesMs[state.ResetCursor])
                {
                    state.ResetCursor++;
                }

                slot = state.ResetCursor;
                idType = advertising;
                if (idType == IdType.Idfa && rng.Chance(_options.ZeroedIdfaShare))
                {
                    slot = PingBuffer.ZeroedIdSlot;
                }
            }

            bool atHome = stayIndex >= 0 && stays[stayIndex].Kind == StayKind.Home;
            int row = _rows.AddRow();
            _rows.IdSlot[row] = slot;
            _rows.IdType[row] = (byte)idType;
            _rows.TimestampMs[row] = utc;
            _rows.Latitude[row] = observed.Latitude;
            _rows.Longitude[row] = observed.Longitude;
            _rows.Accuracy[row] = observed.AccuracyMeters;
            _rows.Mode[row] = burst ? (byte)CollectionMode.SdkBackground : modeForeground;
            _rows.Ip[row] = atHome ? person.HomeIp : _sessionIp[burst ? MaxSessions : session];
            _rows.Os[row] = (byte)device.Os;
            _rows.App[row] = (short)appIndex;
            _rows.Supplier[row] = (byte)app.Supplier;
            _rows.TrueLatitude[row] = _projection.Latitude(y);
            _rows.TrueLongitude[row] = _projection.Longitude(x);
            _rows.Source[row] = (byte)source;
            _rows.Artifact[row] = (byte)observed.Artifact;
            _rows.Unit[row] = device.Unit;

            if (stayIndex >= 0 && _stayVisit[stayIndex] >= 0)
            {
                CountVisitPing(_stayVisit[stayIndex], slot, observed, utc);
            }

            double u = rng.NextDouble();
            if (u < bogusShare)
            {
                ArtefactInjector.Bogus(_rows, row, ref rng);
            }
            else if (u < badTimeShare)
            {
                ArtefactInjector.BadTimestamp(_rows, row, ref rng);
            }
            else if (i == teleportAt)
            {
                ArtefactInjector.Teleport(_rows, row, ref rng);
            }

            u = rng.NextDouble();
            if (u < duplicateShare)
            {
                ArtefactInjector.Duplicate(_rows, row);
            }
            else if (u < nearDuplicateShare)
            {
                ArtefactInjector.NearDuplicate(_rows, row, AppCatalog.SupplierCount, _projection.MetersPerDegreeLongitude, ref rng);
            }
        }
    }

    /// <summary>Places about <see cref="GeneratorOptions.BackgroundBurstShare"/> of the day's pings along travel, 5–60 s apart.</summary>
    private int PlaceBursts(int count, ref SplitMix64 rng)
    {
        int segments = _plan.TravelIntervals(_travel);
        long total = 0;
        for (int k = 0; k < segments; k++)
        {
            total += _travel[k].End - _travel[k].Start;
        }

        int wanted = (int)Math.Round(count * _options.BackgroundBurstShare);
        if (total <= 0 || wanted <= 0)
        {
            return 0;
        }

        int placed = 0;
        int minGap = (int)(_options.MovingIntervalMinSeconds * 1000);
        int maxGap = (int)(_options.MovingIntervalMaxSeconds * 1000);
        for (int k = 0; k < segments && placed < wanted; k++)
        {
            (int start, int end) = _travel[k];
            int duration = end - start;
            int share = (int)Math.Min(wanted - placed, Math.Round((double)wanted * duration / total));
            if (share <= 0)
            {
                continue;
            }

            int gap = Math.Clamp(duration / share, minGap, maxGap);
            share = Math.Min(share, Math.Max(1, duration / gap));
            long t = start + rng.NextInt(Math.Max(1, duration - (share * gap) + 1));
            for (int j = 0; j < share; j++)
            {
                long at = Math.Min(end - 1, t + rng.NextInt(gap / 5 + 1));
                _keys[placed++] = (Math.Min(DayMs - 1, at) << 12) | 1L;
                t += gap;
            }
        }

        return placed;
    }

    private void RegisterVisits(DeviceProfile device, ReadOnlySpan<Stay> stays, long dayStart)
    {
        for (int s = 0; s < stays.Length && s < _stayVisit.Length; s++)
        {
            _stayVisit[s] = -1;
            Stay stay = stays[s];
            if (stay.PoiId < 0 || stay.EndMs <= stay.StartMs)
            {
                continue;
            }

            long arrival = dayStart + stay.StartMs;
            int slot = 0;
            while (slot < device.ResetTimesMs.Length && arrival >= device.ResetTimesMs[slot])
            {
                slot++;
            }

            _stayVisit[s] = _visits.Count;
            _visits.Add((stay.PoiId, arrival, dayStart + stay.EndMs, slot, 0, 0, 0));
        }
    }

    private void CountVisitPing(int visit, int slot, in ObservedPoint observed, long utc)
    {
        var v = _visits[visit];
        if (v.Slot != slot)
        {
            return;
        }

        Poi poi = _model.Pois.Pois[v.PoiId];
        if (!poi.Contains(_projection.X(observed.Longitude), _projection.Y(observed.Latitude)))
        {
            return;
        }

        _visits[visit] = v with { Pings = v.Pings + 1, FirstMs = v.Pings == 0 ? utc : v.FirstMs, LastMs = utc };
    }

    /// <summary>Moves the unit's rows into the chunk (time order; IDFV rows after the advertising IDs; zeroed rows aside) with their truth.</summary>
    private void Finish(DeviceProfile device, Person person, GeneratedChunk chunk)
    {
        int n = _rows.Count;
        int slotOffset = chunk.Ids.Count;
        chunk.Ids.AddRange(device.Ids);
        Array.Clear(_slotPings);

        bool sorted = true;
        bool plain = true;
        long[] times = _rows.TimestampMs;
        int[] slots = _rows.IdSlot;
        for (int i = 0; i < n; i++)
        {
            if (i > 0 && times[i] < times[i - 1])
            {
                sorted = false;
            }

            int slot = slots[i];
            if (slot == PingBuffer.ZeroedIdSlot || slot == device.IdfvSlot)
            {
                plain = false;
            }

            if (slot >= 0)
            {
                _slotPings[slot]++;
            }
        }

        if (sorted && plain)
        {
            chunk.Rows.CopyRange(_rows, 0, n, slotOffset);
        }
        else
        {
            if (_order.Length < n)
            {
                _order = new int[Math.Max(n, _order.Length * 2)];
            }

            Span<int> order = _order.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                order[i] = i;
            }

            if (!sorted)
            {
                order.Sort((a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));
            }

            foreach (int i in order)
            {
                if (slots[i] == PingBuffer.ZeroedIdSlot)
                {
                    chunk.ZeroedRows.CopyRow(_rows, i, 0);
                }
                else if (slots[i] != device.IdfvSlot)
                {
                    chunk.Rows.CopyRow(_rows, i, slotOffset);
                }
            }

            if (device.IdfvSlot >= 0)
            {
                foreach (int i in order)
                {
                    if (slots[i] == device.IdfvSlot)
                    {
                        chunk.Rows.CopyRow(_rows, i, slotOffset);
                    }
                }
            }
        }

        AddTruth(device, person, chunk);
    }

    private void AddTruth(DeviceProfile device, Person person, GeneratedChunk chunk)
    {
        LocalProjection p = _projection;
        double homeLat = p.Latitude(person.HomeY), homeLon = p.Longitude(person.HomeX);
        double? workLat = person.HasWork ? p.Latitude(person.WorkY) : null;
        double? workLon = person.HasWork ? p.Longitude(person.WorkX) : null;
        string homeHash = Geohash.Encode(homeLat, homeLon, 7);
        string? workHash = person.HasWork ? Geohash.Encode(workLat!.Value, workLon!.Value, 7) : null; // HasWork implies both set
        string persona = PersonaNames.Of(person.Persona);
        string os = device.Os == DeviceOs.Ios ? "ios" : "android";
        string mode = CollectionModeName(device.Mode);
        long windowStart = _model.WindowStartMs, windowEnd = _model.WindowEndMs;
        if (device.IsEphemeral)
        {
            windowStart = _model.DayStartUtcMs[device.FirstDay];
            windowEnd = _model.DayStartUtcMs[device.LastDay + 1];
        }

        int advertisingIds = device.ResetTimesMs.Length + 1;
        for (int slot = 0; slot < device.Ids.Length; slot++)
        {
            bool idfv = slot == device.IdfvSlot;
            long from = idfv || slot == 0 ? windowStart : device.ResetTimesMs[slot - 1];
            long to = idfv || slot == advertisingIds - 1 ? windowEnd : device.ResetTimesMs[slot];
            string? successor = !idfv && slot < advertisingIds - 1 ? device.Ids[slot + 1] : null;
            chunk.Devices.Add(new TruthDevice(
                device.Ids[slot],
                idfv ? "idfv" : device.Os == DeviceOs.Ios ? "idfa" : "aaid",
                person.Index,
                persona,
                os,
                mode,
                from,
                to,
                successor,
                homeLat,
                homeLon,
                workLat,
                workLon,
                homeHash,
                workHash,
                device.IsEphemeral,
                device.Unit,
                _slotPings[slot]));
        }

        foreach (var v in _visits)
        {
            chunk.Visits.Add(new TruthVisit(
                person.Index, device.Ids[v.Slot], v.PoiId, v.ArrivalMs, v.DepartureMs, v.Pings, v.Pings >= 2 && v.LastMs - v.FirstMs >= 240_000));
        }
    }

    internal static string CollectionModeName(CollectionMode mode) => mode switch
    {
        CollectionMode.SdkBackground => "sdk_background",
        CollectionMode.SdkForeground => "sdk_foreground",
        _ => "bidstream",
    };

    /// <summary>An address from a carrier's CGNAT egress pool (4,096 addresses per carrier), shared by many devices.</summary>
    private static uint CarrierIp(int carrier, ulong bits)
    {
        ReadOnlySpan<uint> prefixes = [0x2E720000u, 0x50BB0000u, 0xB0000000u]; // 46.114/16, 80.187/16, 176.0/16
        return prefixes[carrier] | (uint)(((bits % 4096) * 13) + 1);
    }

    private void EnsureKeys(int count)
    {
        if (_keys.Length < count)
        {
            _keys = new long[Math.Max(count, _keys.Length * 2)];
        }
    }
}
