using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AdintAudit.Data;
using AdintAudit.Geo;

namespace AdintAudit.Mobility;

/// <summary>Infers each device's home and work (ALGORITHMS.md §3).</summary>
/// <remarks>
/// <para><b>Default.</b> Evidence per place: every local night (22:00–07:00, both ends inclusive, numbered by the
/// evening's date) that a stay at the place overlaps (with the overlap as night dwell), and every night with an
/// eligible ping (accuracy ≤ <see cref="HomeWorkOptions.MaxAccuracyMeters"/>, not excluded) within
/// <see cref="HomeWorkOptions.PingEvidenceRadiusMeters"/> of the place (nearest place wins); likewise weekdays
/// (Mon–Fri) with work-window (09:00–17:00) overlap or pings. Home = the place with the most distinct nights, ties by
/// night dwell, then night pings, then the lower place id; none when fewer than <see cref="HomeWorkOptions.MinHomeNights"/>.
/// Work = another place with at least <see cref="HomeWorkOptions.MinWorkDays"/> distinct weekdays, the most work-window
/// dwell, ties by days then the lower place id; when no place qualifies (shift work), another place with stays of at least
/// <see cref="HomeWorkOptions.FallbackWorkStayHours"/> (any hour, any day) on at least as many distinct days, the most
/// such dwell. Confidence = share of the device's evidence nights (days) that point to
/// the place × min(1, nights (days) / 5).</para>
/// <para><b>skmob.</b> scikit-mobility <c>home_location</c> on raw pings: night pings counted per exact (lat, lon),
/// argmax, ties to the smallest (lat, lon); all pings when there is no night ping. Confidence = share of counted pings.</para>
/// <para><b>freq.</b> trackintel FREQ: the place with the longest total stay duration is home, the second is work
/// (ties by place id). Confidence = share of total duration.</para>
/// <para><b>osna.</b> trackintel OSNA: each stay is labelled by its midpoint's local time, weekends dropped; rest
/// 02:00 ≤ h &lt; 08:00, work 08:00 ≤ h &lt; 19:00, leisure otherwise; home score = 0.739·rest + 0.358·leisure duration,
/// work score = work duration; the same place for both keeps home and work takes the next best. Confidence = the
/// winner's share of the device's score.</para>
/// </remarks>
public static class HomeWorkInference
{
    /// <summary>Widest range of night or day numbers that evidence is aggregated over in bitsets (about 45 years).</summary>
    private const long BitsetKeyRange = 1 << 14;

    /// <summary>Infers home and work for every device.</summary>
    /// <param name="pings">The pings (cleaned for the default; as loaded for skmob).</param>
    /// <param name="stays">Stays of <paramref name="pings"/> (unused by skmob; may be null then).</param>
    /// <param name="places">Places of <paramref name="stays"/> (unused by skmob; may be null then).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="localTime">The local clock; null for the median-longitude offset of <paramref name="pings"/>.</param>
    /// <param name="excluded">Default: pings that are no evidence (for example IP-derived); empty for none.</param>
    /// <returns>One row per device.</returns>
    /// <exception cref="ArgumentException">Stays or places are missing for a method that needs them, or sizes disagree.</exception>
    public static HomeWorkTable Infer(PingTable pings, StayTable? stays, PlaceTable? places, HomeWorkOptions? options = null,
        LocalTime? localTime = null, ReadOnlySpan<bool> excluded = default)
    {
        ArgumentNullException.ThrowIfNull(pings);
        options ??= new HomeWorkOptions();
        LocalTime local = localTime ?? LocalTime.FromMedianLongitude(pings);
        if (options.Method != HomeWorkMethod.Skmob && (stays is null || places is null || stays.DeviceCount != pings.DeviceCount
            || places.PlaceOfStay.Length != stays.Count))
        {
            throw new ArgumentException("stays and places of the same pings are needed");
        }

        if (!excluded.IsEmpty && excluded.Length != pings.Count)
        {
            throw new ArgumentException("one flag per ping is needed", nameof(excluded));
        }

        bool[]? mask = excluded.IsEmpty ? null : excluded.ToArray();
        var result = new HomeWorkTable(pings.DeviceIdArray, options.Method, local.Description);
        // Chunks by the rows that cost: pings for skmob and the default (evidence pings), stays for the others.
        bool byPings = options.Method is HomeWorkMethod.Skmob or HomeWorkMethod.Default;
        ReadOnlySpan<int> rowsByDevice = byPings ? pings.DeviceStart : stays!.DeviceStart;
        DeviceChunks.Run(rowsByDevice, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var scratch = new Scratch();
            for (int d = from; d < to; d++)
            {
                switch (options.Method)
                {
                    case HomeWorkMethod.Skmob:
                        SkmobHome(pings, d, options, local, result, scratch);
                        break;
                    case HomeWorkMethod.Freq:
                        Freq(stays!, places!, d, result);
                        break;
                    case HomeWorkMethod.Osna:
                        Osna(stays!, places!, d, options, local, result, scratch);
                        break;
                    default:
                        Default(pings, stays!, places!, d, options, local, mask, result, scratch);
                        break;
                }
            }

            return 0;
        }, byPings ? DeviceChunks.RowsPerChunk : DeviceChunks.StayRowsPerChunk);
        return result;
    }

    private static void SkmobHome(PingTable p, int d, HomeWorkOptions o, LocalTime local, HomeWorkTable result, Scratch scratch)
    {
        int start = p.DeviceStartArray[d];
        int end = p.DeviceStartArray[d + 1];
        if (end == start)
        {
            return;
        }

        List<(double Lat, double Lon)> coords = scratch.Coords;
        coords.Clear();
        for (int i = start; i < end; i++)
        {
            if (NightClock.NightOf(local.ToLocalMs(p.TimeArray[i]), o.NightStartHour, o.NightEndHour) != NightClock.NotNight)
            {
                coords.Add((p.LatArray[i], p.LonArray[i]));
            }
        }

        if (coords.Count == 0)
        {
            for (int i = start; i < end; i++)
            {
                coords.Add((p.LatArray[i], p.LonArray[i]));
            }
        }

        coords.Sort();
        int best = 0;
        int bestCount = 0;
        for (int i = 0; i < coords.Count;)
        {
            int j = i + 1;
            while (j < coords.Count && coords[j].Lat.Equals(coords[i].Lat) && coords[j].Lon.Equals(coords[i].Lon))
            {
                j++;
            }

            if (j - i > bestCount)
            {
                bestCount = j - i;
                best = i;
            }

            i = j;
        }

        result.HomeLatArray[d] = coords[best].Lat;
        result.HomeLonArray[d] = coords[best].Lon;
        result.HomeConfidenceArray[d] = (double)bestCount / coords.Count;
        result.EvidencePingsArray[d] = bestCount;
    }

    private static void Freq(StayTable stays, PlaceTable places, int d, HomeWorkTable result)
    {
        int first = places.DeviceStartArray[d];
        int count = places.DeviceStartArray[d + 1] - first;
        if (count == 0)
        {
            return;
        }

        // Place rows are in place-id order; durations are per place.
        int home = -1;
        int work = -1;
        long total = 0;
        for (int k = 0; k < count; k++)
        {
            long dur = places.DurationArray[first + k];
            total += dur;
            if (home < 0 || dur > places.DurationArray[first + home])
            {
                work = home;
                home = k;
            }
            else if (work < 0 || dur > places.DurationArray[first + work])
            {
                work = k;
            }
        }

        SetHome(result, places, d, first, home, total > 0 ? (double)places.DurationArray[first + home] / total : 1.0);
        if (work >= 0)
        {
            SetWork(result, places, d, first, work, total > 0 ? (double)places.DurationArray[first + work] / total : 0.0);
        }

        _ = stays;
    }

    private static void Osna(StayTable stays, PlaceTable places, int d, HomeWorkOptions o, LocalTime local, HomeWorkTable result, Scratch scratch)
    {
        int first = places.DeviceStartArray[d];
        int count = places.DeviceStartArray[d + 1] - first;
        if (count == 0)
        {
            return;
        }

        Span<double> homeScore = scratch.Doubles(0, count);
        Span<double> workScore = scratch.Doubles(1, count);
        homeScore.Clear();
        workScore.Clear();
        for (int s = stays.DeviceStartArray[d]; s < stays.DeviceStartArray[d + 1]; s++)
        {
            int place = places.PlaceOfStayArray[s];
            if (place < 0)
            {
                continue;
            }

            long startMs = stays.Columns.Start[s];
            long duration = stays.Columns.End[s] - startMs;
            long mid = local.ToLocalMs(startMs + (duration / 2));
            if (NightClock.DayOfWeek(mid) >= 5)
            {
                continue;
            }

            long hour = NightClock.TimeOfDay(mid) / NightClock.HourMs;
            if (hour is >= 2 and < 8)
            {
                homeScore[place] += o.OsnaRestWeight * duration;
            }
            else if (hour is >= 8 and < 19)
            {
                workScore[place] += o.OsnaWorkWeight * duration;
            }
            else
            {
                homeScore[place] += o.OsnaLeisureWeight * duration;
            }
        }

        int home = ArgMax(homeScore, -1);
        int work = ArgMax(workScore, -1);
        if (work >= 0 && work == home)
        {
            work = ArgMax(workScore, home);
        }

        double homeTotal = Sum(homeScore);
        double workTotal = Sum(workScore);
        if (home >= 0)
        {
            SetHome(result, places, d, first, home, homeScore[home] / homeTotal);
        }

        if (work >= 0)
        {
            SetWork(result, places, d, first, work, workScore[work] / workTotal);
        }
    }

    private static int ArgMax(ReadOnlySpan<double> scores, int skip)
    {
        int best = -1;
        for (int k = 0; k < scores.Length; k++)
        {
            if (k != skip && scores[k] > 0 && (best < 0 || scores[k] > scores[best]))
            {
                best = k;
            }
        }

        return best;
    }

    private static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Default(PingTable p, StayTable stays, PlaceTable places, int d, HomeWorkOptions o, LocalTime local, bool[]? excluded,
        HomeWorkTable result, Scratch scratch)
    {
        int first = places.DeviceStartArray[d];
        int placeCount = places.DeviceStartArray[d + 1] - first;
        int pingStart = p.DeviceStartArray[d];
        int pingEnd = p.DeviceStartArray[d + 1];
        if (pingEnd == pingStart)
        {
            return;
        }

        // Candidates: the device's places, then clusters of evidence pings far from every place.
        List<(double Lat, double Lon, int PlaceRow)> candidates = scratch.Candidates;
        candidates.Clear();
        for (int k = 0; k < placeCount; k++)
        {
            candidates.Add((places.LatArray[first + k], places.LonArray[first + k], first + k));
        }

        long nightStart = o.NightStartHour * NightClock.HourMs;
        long nightEnd = o.NightEndHour * NightClock.HourMs;
        long workStart = o.WorkStartHour * NightClock.HourMs;
        long workEnd = o.WorkEndHour * NightClock.HourMs;
        List<Evidence> nights = scratch.Nights;
        List<Evidence> days = scratch.Days;
        List<Evidence> longStays = scratch.LongStays;
        nights.Clear();
        days.Clear();
        longStays.Clear();
        long longStayMs = (long)(o.FallbackWorkStayHours * NightClock.HourMs);

        // Stays: overlap with night and weekday work windows.
        for (int s = stays.DeviceStartArray[d]; s < stays.DeviceStartArray[d + 1]; s++)
        {
            int place = places.PlaceOfStayArray[s];
            if (place < 0)
            {
                continue;
            }

            long ls = local.ToLocalMs(stays.Columns.Start[s]);
            long le = local.ToLocalMs(stays.Columns.End[s]);
            if (le - ls >= longStayMs)
            {
                longStays.Add(new Evidence(place, NightClock.DayOf(ls), le - ls, 0));
            }
            for (long day = NightClock.DayOf(ls) - 1; day <= NightClock.DayOf(le); day++)
            {
                long winStart = (day * NightClock.DayMs) + nightStart;
                long winEnd = ((day + 1) * NightClock.DayMs) + nightEnd;
                long overlap = Math.Min(le, winEnd) - Math.Max(ls, winStart);
                if (overlap > 0 || (overlap == 0 && ls >= winStart && le <= winEnd))
                {
                    nights.Add(new Evidence(place, day, overlap, 0));
                }

                if (day >= NightClock.DayOf(ls) && NightClock.DayOfWeek(day * NightClock.DayMs) < 5)
                {
                    long ws = (day * NightClock.DayMs) + workStart;
                    long we = (day * NightClock.DayMs) + workEnd;
                    long workOverlap = Math.Min(le, we) - Math.Max(ls, ws);
                    if (workOverlap > 0 || (workOverlap == 0 && ls >= ws && le <= we))
                    {
                        days.Add(new Evidence(place, day, workOverlap, 0));
                    }
                }
            }
        }

        // Pings: nearest place within the evidence radius.
        List<(int Row, long Night, long Day, bool IsWork)> orphans = scratch.Orphans;
        orphans.Clear();
        Span<double> candidateLat = scratch.Doubles(0, placeCount);
        Span<double> candidateLon = scratch.Doubles(1, placeCount);
        for (int k = 0; k < placeCount; k++)
        {
            candidateLat[k] = candidates[k].Lat;
            candidateLon[k] = candidates[k].Lon;
        }

        // The cosine only scales distances to places: a device without places needs none.
        double cosLat = placeCount > 0 ? Math.Cos(p.LatArray[pingStart] * Haversine.DegreesToRadians) : 0;
        var window = new EvidenceWindow(o, cosLat);
        int pingCount = pingEnd - pingStart;
        window.CollectPings(pingStart, p.AccuracyArray.AsSpan(pingStart, pingCount), excluded is null ? default : excluded.AsSpan(pingStart, pingCount),
            p.TimeArray.AsSpan(pingStart, pingCount), p.LatArray.AsSpan(pingStart, pingCount), p.LonArray.AsSpan(pingStart, pingCount), candidateLat,
            candidateLon, ref scratch.Clock(local), nights, days, orphans);

        // Without places, only orphan clusters can win, and none can when the orphans together have too few distinct
        // nights and weekdays: their clustering is skipped (exact; most devices of a real dataset have no place).
        if (placeCount == 0 && !OrphansMayDecide(orphans, o))
        {
            return;
        }

        if (orphans.Count > 0 && o.OrphanEpsMeters > 0)
        {
            int m = orphans.Count;
            Span<double> x = scratch.Doubles(0, m);
            Span<double> y = scratch.Doubles(1, m);
            for (int j = 0; j < m; j++)
            {
                x[j] = p.LatArray[orphans[j].Row];
                y[j] = p.LonArray[orphans[j].Row];
            }

            int[] labels = scratch.Labels(m);
            int clusters = PlaceClusterer.Dbscan(x, y, PlaceMethod.Default, o.OrphanEpsMeters / Haversine.EarthRadiusMeters, 1, labels.AsSpan(0, m),
                scratch.Dbscan);
            int baseIndex = candidates.Count;
            for (int c = 0; c < clusters; c++)
            {
                candidates.Add((0, 0, -1));
            }

            Span<int> members = scratch.Members(clusters);
            members.Clear();
            for (int j = 0; j < m; j++)
            {
                int k = baseIndex + labels[j];
                candidates[k] = (candidates[k].Lat + x[j], candidates[k].Lon + y[j], -1);
                members[labels[j]]++;
                (int _, long night, long day, bool isWork) = orphans[j];
                if (night != NightClock.NotNight)
                {
                    nights.Add(new Evidence(k, night, 0, 1));
                }

                if (isWork)
                {
                    days.Add(new Evidence(k, day, 0, 1));
                }
            }

            for (int c = 0; c < clusters; c++)
            {
                (double sumLat, double sumLon, _) = candidates[baseIndex + c];
                candidates[baseIndex + c] = (sumLat / members[c], sumLon / members[c], -1);
            }
        }

        int count = candidates.Count;
        if (count == 0)
        {
            return;
        }

        Span<PlaceScore> homeScores = scratch.Scores(0, count);
        Span<PlaceScore> workScores = scratch.Scores(1, count);
        int totalNights = Aggregate(nights, homeScores, scratch);
        int totalDays = Aggregate(days, workScores, scratch);

        int home = -1;
        for (int k = 0; k < count; k++)
        {
            if (homeScores[k].Distinct >= o.MinHomeNights && (home < 0 || homeScores[k].BetterHomeThan(homeScores[home])))
            {
                home = k;
            }
        }

        if (home >= 0)
        {
            PlaceScore h = homeScores[home];
            SetHome(result, places, d, candidates[home], (double)h.Distinct / totalNights * Math.Min(1.0, h.Distinct / 5.0));
            result.HomeNightsArray[d] = h.Distinct;
            result.EvidencePingsArray[d] = h.Pings;
        }

        int work = -1;
        for (int k = 0; k < count; k++)
        {
            if (k != home && workScores[k].Distinct >= o.MinWorkDays && (work < 0 || workScores[k].BetterWorkThan(workScores[work])))
            {
                work = k;
            }
        }

        if (work < 0 && o.FallbackWorkStayHours > 0)
        {
            // Shift work: another place with long stays (any hour) on enough distinct days.
            Span<PlaceScore> longScores = scratch.Scores(2, count);
            int totalLongDays = Aggregate(longStays, longScores, scratch);
            for (int k = 0; k < count; k++)
            {
                if (k != home && longScores[k].Distinct >= o.MinWorkDays && (work < 0 || longScores[k].BetterWorkThan(longScores[work])))
                {
                    work = k;
                }
            }

            if (work >= 0)
            {
                workScores[work] = longScores[work];
                totalDays = totalLongDays;
            }
        }

        if (work >= 0)
        {
            PlaceScore w = workScores[work];
            SetWork(result, places, d, candidates[work], (double)w.Distinct / totalDays * Math.Min(1.0, w.Distinct / 5.0));
            result.WorkDaysArray[d] = w.Distinct;
        }
    }

    /// <summary>
    /// Whether the orphans have enough distinct nights for a home or weekdays for a work place, counted as changes of
    /// key in time order (never fewer than the distinct keys, so false is exact: no cluster of them can qualify).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OrphansMayDecide(List<(int Row, long Night, long Day, bool IsWork)> orphans, HomeWorkOptions o)
    {
        int nights = 0;
        int days = 0;
        long lastNight = NightClock.NotNight;
        long lastDay = NightClock.NotNight;
        foreach ((int _, long night, long day, bool isWork) in orphans)
        {
            if (night != NightClock.NotNight && night != lastNight)
            {
                nights++;
                lastNight = night;
            }

            if (isWork && day != lastDay)
            {
                days++;
                lastDay = day;
            }
        }

        return nights >= o.MinHomeNights || days >= o.MinWorkDays;
    }

    /// <summary>Adds one ping of evidence, merged into the previous entry when it has the same place and key (pings come in time order).</summary>
    private static void AddPing(List<Evidence> evidence, int place, long key)
    {
        Span<Evidence> items = CollectionsMarshal.AsSpan(evidence);
        if (items.Length > 0)
        {
            ref Evidence last = ref items[^1];
            if (last.Place == place && last.Key == key && last.Dwell == 0)
            {
                last = last with { Pings = last.Pings + 1 };
                return;
            }
        }

        evidence.Add(new Evidence(place, key, 0, 1));
    }

    /// <summary>Sums evidence per place; returns the number of distinct keys (nights or days) over all places.</summary>
    /// <remarks>
    /// Distinct keys are counted in bitsets over the keys' range (one per place and one for all), without sorting; the
    /// sums are integers, so the order does not matter. A range wider than <see cref="BitsetKeyRange"/> keys falls back
    /// to <see cref="AggregateSorted"/>, which gives the same counts.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Aggregate(List<Evidence> evidence, Span<PlaceScore> scores, Scratch scratch)
    {
        scores.Clear();
        int n = evidence.Count;
        if (n == 0)
        {
            return 0;
        }

        ReadOnlySpan<Evidence> items = CollectionsMarshal.AsSpan(evidence);
        long min = long.MaxValue;
        long max = long.MinValue;
        foreach (Evidence e in items)
        {
            min = Math.Min(min, e.Key);
            max = Math.Max(max, e.Key);
        }

        if (max - min >= BitsetKeyRange)
        {
            return AggregateSorted(evidence, scores, scratch.Keys);
        }

        int words = (int)((max - min + 64) >> 6);
        Span<ulong> bits = scratch.Bits((scores.Length + 1) * words);
        bits.Clear();
        Span<ulong> any = bits[(scores.Length * words)..];
        foreach (Evidence e in items)
        {
            int offset = (int)(e.Key - min);
            ulong mask = 1UL << offset;
            ref ulong word = ref bits[(e.Place * words) + (offset >> 6)];
            ref PlaceScore score = ref scores[e.Place];
            if ((word & mask) == 0)
            {
                word |= mask;
                score.Distinct++;
            }

            score.Dwell += e.Dwell;
            score.Pings += e.Pings;
            any[offset >> 6] |= mask;
        }

        int distinct = 0;
        foreach (ulong w in any)
        {
            distinct += BitOperations.PopCount(w);
        }

        return distinct;
    }

    /// <summary>As <see cref="Aggregate"/>, by sorting the evidence (any key range).</summary>
    private static int AggregateSorted(List<Evidence> evidence, Span<PlaceScore> scores, List<long> keys)
    {
        scores.Clear();
        evidence.Sort();
        for (int i = 0; i < evidence.Count; i++)
        {
            Evidence e = evidence[i];
            ref PlaceScore s = ref scores[e.Place];
            if (i == 0 || evidence[i - 1].Place != e.Place || evidence[i - 1].Key != e.Key)
            {
                s.Distinct++;
            }

            s.Dwell += e.Dwell;
            s.Pings += e.Pings;
        }

        // Distinct keys across places.
        keys.Clear();
        foreach (Evidence e in evidence)
        {
            keys.Add(e.Key);
        }

        keys.Sort();
        int distinct = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            distinct += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
        }

        return distinct;
    }

    private static void SetHome(HomeWorkTable result, PlaceTable places, int d, (double Lat, double Lon, int PlaceRow) candidate, double confidence)
    {
        result.HomeLatArray[d] = candidate.Lat;
        result.HomeLonArray[d] = candidate.Lon;
        result.HomePlaceArray[d] = candidate.PlaceRow >= 0 ? places.PlaceIdArray[candidate.PlaceRow] : -1;
        result.HomeConfidenceArray[d] = Math.Clamp(confidence, 0, 1);
    }

    private static void SetWork(HomeWorkTable result, PlaceTable places, int d, (double Lat, double Lon, int PlaceRow) candidate, double confidence)
    {
        result.WorkLatArray[d] = candidate.Lat;
        result.WorkLonArray[d] = candidate.Lon;
        result.WorkPlaceArray[d] = candidate.PlaceRow >= 0 ? places.PlaceIdArray[candidate.PlaceRow] : -1;
        result.WorkConfidenceArray[d] = Math.Clamp(confidence, 0, 1);
    }

    private static void SetHome(HomeWorkTable result, PlaceTable places, int d, int first, int k, double confidence)
    {
        result.HomeLatArray[d] = places.LatArray[first + k];
        result.HomeLonArray[d] = places.LonArray[first + k];
        result.HomePlaceArray[d] = places.PlaceIdArray[first + k];
        result.HomeConfidenceArray[d] = Math.Clamp(confidence, 0, 1);
    }

    private static void SetWork(HomeWorkTable result, PlaceTable places, int d, int first, int k, double confidence)
    {
        result.WorkLatArray[d] = places.LatArray[first + k];
        result.WorkLonArray[d] = places.LonArray[first + k];
        result.WorkPlaceArray[d] = places.PlaceIdArray[first + k];
        result.WorkConfidenceArray[d] = Math.Clamp(confidence, 0, 1);
    }

    /// <summary>
    /// The per-ping part of the default method's evidence: the night and weekday work windows of each eligible ping and
    /// its nearest place within the evidence radius (the later place on equal distances); pings near no place become orphans.
    /// </summary>
    private readonly struct EvidenceWindow
    {
        private readonly double _maxAccuracy;
        private readonly double _orphanMaxAccuracy;
        private readonly double _radiusSquared;
        private readonly double _cosLat;
        private readonly long _nightStartMs;
        private readonly long _nightEndMs;
        private readonly long _workStartMs;
        private readonly long _workEndMs;

        public EvidenceWindow(HomeWorkOptions o, double cosLat)
        {
            _maxAccuracy = o.MaxAccuracyMeters;
            _orphanMaxAccuracy = o.OrphanMaxAccuracyMeters;
            _radiusSquared = o.PingEvidenceRadiusMeters * o.PingEvidenceRadiusMeters;
            _cosLat = cosLat;
            _nightStartMs = o.NightStartHour * NightClock.HourMs;
            _nightEndMs = o.NightEndHour * NightClock.HourMs;
            _workStartMs = o.WorkStartHour * NightClock.HourMs;
            _workEndMs = o.WorkEndHour * NightClock.HourMs;
        }

        /// <summary>Adds the evidence of one device's pings (rows <paramref name="firstRow"/> on) to the lists.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void CollectPings(int firstRow, ReadOnlySpan<float> accuracy, ReadOnlySpan<bool> excluded, ReadOnlySpan<long> time,
            ReadOnlySpan<double> pingLat, ReadOnlySpan<double> pingLon, ReadOnlySpan<double> candidateLat, ReadOnlySpan<double> candidateLon,
            ref LocalDayCursor sharedClock, List<Evidence> nights, List<Evidence> days, List<(int Row, long Night, long Day, bool IsWork)> orphans)
        {
            // A local copy keeps the cursor in registers; it goes back at the end.
            LocalDayCursor clock = sharedClock;
            bool checkExcluded = !excluded.IsEmpty;
            double maxAccuracy = _maxAccuracy;
            long nightStartMs = _nightStartMs;
            long nightEndMs = _nightEndMs;
            long workStartMs = _workStartMs;
            long workEndMs = _workEndMs;
            for (int j = 0; j < time.Length; j++)
            {
                // NaN accuracy (unknown) compares false: eligible.
                float a = accuracy[j];
                if (a > maxAccuracy || (checkExcluded && excluded[j]))
                {
                    continue;
                }

                long lt = clock.ToLocalMs(time[j], out long day);
                long tod = lt - (day * NightClock.DayMs);
                long night = tod >= nightStartMs ? day : tod <= nightEndMs ? day - 1 : NightClock.NotNight;
                bool isWork = tod >= workStartMs && tod <= workEndMs && clock.DayOfWeek < 5;
                if (night == NightClock.NotNight && !isWork)
                {
                    continue;
                }

                int nearest = candidateLat.IsEmpty ? -1 : Nearest(pingLat[j], pingLon[j], candidateLat, candidateLon);
                if (nearest < 0)
                {
                    if (!(a > _orphanMaxAccuracy))
                    {
                        orphans.Add((firstRow + j, night, day, isWork));
                    }

                    continue;
                }

                if (night != NightClock.NotNight)
                {
                    AddPing(nights, nearest, night);
                }

                if (isWork)
                {
                    AddPing(days, nearest, day);
                }
            }

            sharedClock = clock;
        }

        /// <summary>The candidate nearest to the point within the evidence radius (the later one on equal distances); -1 for none.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int Nearest(double lat, double lon, ReadOnlySpan<double> candidateLat, ReadOnlySpan<double> candidateLon)
        {
            int nearest = -1;
            double bestSquared = _radiusSquared;
            for (int k = 0; k < candidateLat.Length; k++)
            {
                double dist = Haversine.EquirectangularSquaredMeters(lat, lon, candidateLat[k], candidateLon[k], _cosLat);
                if (dist <= bestSquared)
                {
                    bestSquared = dist;
                    nearest = k;
                }
            }

            return nearest;
        }
    }

    private readonly record struct Evidence(int Place, long Key, long Dwell, int Pings) : IComparable<Evidence>
    {
        public int CompareTo(Evidence other)
        {
            int c = Place.CompareTo(other.Place);
            return c != 0 ? c : Key.CompareTo(other.Key);
        }
    }

    private struct PlaceScore
    {
        public int Distinct;
        public long Dwell;
        public int Pings;

        public readonly bool BetterHomeThan(PlaceScore other) =>
            Distinct != other.Distinct ? Distinct > other.Distinct : Dwell != other.Dwell ? Dwell > other.Dwell : Pings > other.Pings;

        public readonly bool BetterWorkThan(PlaceScore other) =>
            Dwell != other.Dwell ? Dwell > other.Dwell : Distinct != other.Distinct ? Distinct > other.Distinct : Pings > other.Pings;
    }

    private sealed class Scratch
    {
        private LocalDayCursor _clock;

        /// <summary>The cursor over <paramref name="local"/> (one per scratch, so one per chunk).</summary>
        public ref LocalDayCursor Clock(LocalTime local)
        {
            if (!_clock.Converts(local))
            {
                _clock = new LocalDayCursor(local);
            }

            return ref _clock;
        }

        private readonly double[][] _doubles = [new double[16], new double[16]];
        private readonly PlaceScore[][] _scores = [new PlaceScore[16], new PlaceScore[16], new PlaceScore[16]];

        public List<(double Lat, double Lon)> Coords { get; } = [];

        public List<Evidence> Nights { get; } = [];

        public List<Evidence> Days { get; } = [];

        public List<long> Keys { get; } = [];

        public List<Evidence> LongStays { get; } = [];

        public List<(double Lat, double Lon, int PlaceRow)> Candidates { get; } = [];

        public List<(int Row, long Night, long Day, bool IsWork)> Orphans { get; } = [];

        public PlaceClusterer.DbscanScratch Dbscan { get; } = new();

        private ulong[] _bits = new ulong[64];

        public Span<ulong> Bits(int n) => (_bits.Length >= n ? _bits : _bits = new ulong[Math.Max(n, _bits.Length * 2)]).AsSpan(0, n);

        private int[] _labels = new int[64];
        private int[] _members = new int[16];

        public int[] Labels(int n) => _labels.Length >= n ? _labels : _labels = new int[Math.Max(n, _labels.Length * 2)];

        public Span<int> Members(int n) => (_members.Length >= n ? _members : _members = new int[Math.Max(n, _members.Length * 2)]).AsSpan(0, n);

        public Span<double> Doubles(int slot, int n)
        {
            if (_doubles[slot].Length < n)
            {
                _doubles[slot] = new double[Math.Max(n, _doubles[slot].Length * 2)];
            }

            return _doubles[slot].AsSpan(0, n);
        }

        public Span<PlaceScore> Scores(int slot, int n)
        {
            if (_scores[slot].Length < n)
            {
                _scores[slot] = new PlaceScore[Math.Max(n, _scores[slot].Length * 2)];
            }

            return _scores[slot].AsSpan(0, n);
        }
    }
}
