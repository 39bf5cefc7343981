using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Population;

/// <summary>
/// Builds a person's day plan (spec §1.3, §2 "Home dwell", "Work schedule", visit rates): the night location, work or
/// campus by persona, errands, religious, medical and other sensitive visits, joined by travel. The plan of
/// (person, day) comes from its own random stream, so every device of the person sees the same day.
/// </summary>
internal sealed class PersonaSchedule
{
    /// <summary>The everyday POI kinds of errands, with their weights.</summary>
    public static readonly PoiKind[] ErrandKinds =
        [PoiKind.Supermarket, PoiKind.Restaurant, PoiKind.Retail, PoiKind.Cafe, PoiKind.Gym, PoiKind.Park, PoiKind.School];

    private const int Minute = 60_000;
    private const int Hour = 60 * Minute;
    private const int Day = 24 * Hour;
    private static readonly double[] s_errandCumulative = [0.30, 0.50, 0.68, 0.80, 0.88, 0.96, 1.0];

    private readonly GeneratorOptions _options;
    private readonly PoiCatalog _pois;
    private readonly bool[] _protestDays;
    private readonly double _protestProbability;
    private readonly (int Start, int End, double X, double Y, StayKind Kind, int Poi)[] _appointments = new (int, int, double, double, StayKind, int)[16];
    private int _appointmentCount;

    public PersonaSchedule(GeneratorOptions options, PoiCatalog pois)
    {
        _options = options;
        _pois = pois;
        _protestDays = new bool[options.Days];
        int events = Math.Max(1, options.Days / 14);
        var rng = new SplitMix64(SplitMix64.Derive(options.Seed, StreamTag.ProtestDays));
        for (int i = 0; i < events; i++)
        {
            _protestDays[rng.NextInt(options.Days)] = true;
        }

        int distinct = 0;
        foreach (bool isEvent in _protestDays)
        {
            distinct += isEvent ? 1 : 0;
        }

        _protestProbability = Math.Min(1, options.SensitiveVisits.Protest * options.Days / 30.0 / distinct);
    }

    /// <summary>Whether the person sleeps away from home in the night that starts on local day <paramref name="day"/>.</summary>
    public bool SleepsAway(Person person, int day) =>
        SplitMix64.HashUnit(_options.Seed, StreamTag.NightAway, ((ulong)person.Index << 10) | (uint)(day & 1023)) < _options.NightAwayShare;

    /// <summary>Fills <paramref name="plan"/> with the person's stays on local day <paramref name="day"/>.</summary>
    public void Build(Person person, int day, DayOfWeek weekday, DayPlan plan)
    {
        var rng = new SplitMix64(SplitMix64.Derive(_options.Seed, StreamTag.PersonDay, ((ulong)person.Index << 10) | (uint)day));
        _appointmentCount = 0;
        plan.Clear();
        bool workDay = person.HasWork && (person.WorkDays & (1 << (int)weekday)) != 0;
        bool workedYesterday = person.HasWork && (person.WorkDays & (1 << (((int)weekday + 6) % 7))) != 0;
        StayKind workKind = person.WorkPoi >= 0 ? StayKind.Visit : StayKind.Work;

        switch (person.Persona)
        {
            case Persona.Worker9To5 when workDay:
                {
                    int start = (9 * Hour) + (int)(rng.NextNormal() * _options.WorkTimeSdMinutes * Minute);
                    int end = (17 * Hour) + (int)(rng.NextNormal() * _options.WorkTimeSdMinutes * Minute);
                    Appoint(Math.Clamp(start, 6 * Hour, 12 * Hour), Math.Clamp(end, 14 * Hour, 21 * Hour), person.WorkX, person.WorkY, workKind, person.WorkPoi);
                    break;
                }

            case Persona.ShiftWorker:
                if (person.Shift == ShiftKind.Night)
                {
                    if (workedYesterday)
                    {
                        Appoint(0, 6 * Hour, person.WorkX, person.WorkY, workKind, person.WorkPoi);
                    }

                    if (workDay)
                    {
                        Appoint(22 * Hour, Day, person.WorkX, person.WorkY, workKind, person.WorkPoi);
                    }
                }
                else if (workDay)
                {
                    int start = person.Shift == ShiftKind.Early ? 6 * Hour : 14 * Hour;
                    int jitter = (int)(rng.NextNormal() * 10 * Minute);
                    Appoint(start + jitter, start + (8 * Hour) + jitter, person.WorkX, person.WorkY, workKind, person.WorkPoi);
                }

                break;

            case Persona.Student when workDay:
                {
                    int start = (int)((8.5 * Hour) + (rng.NextNormal() * 30 * Minute));
                    int end = (15 * Hour) + (int)(rng.NextNormal() * 60 * Minute);
                    Appoint(start, Math.Max(end, start + (3 * Hour)), person.WorkX, person.WorkY, StayKind.Work, -1);
                    break;
                }
        }

        // Sensitive and special visits first, so that errands never crowd them out.
        if (person.ReligiousPoi >= 0 && weekday == person.ReligiousDay && rng.Chance(person.ReligiousProbability))
        {
            int start = (person.ReligiousHour * Hour) + rng.NextInt(20 * Minute);
            AppointPoi(person.ReligiousPoi, start, start + (int)rng.Uniform(60 * Minute, 120 * Minute));
        }

        if (weekday != DayOfWeek.Sunday && rng.Chance(_options.MedicalVisitsPerYear / 365.0 * 7 / 6))
        {
            PoiKind kind = rng.Chance(0.1) ? PoiKind.Hospital : PoiKind.MedicalOffice;
            int start = (int)rng.Uniform(8 * Hour, 17 * Hour);
            AppointPoi(_pois.PickNear(kind, person.HomeX, person.HomeY, 3, ref rng), start, start + (int)rng.Uniform(30 * Minute, 90 * Minute));
        }

        SensitiveVisitRates rates = _options.SensitiveVisits;
        TrySensitive(ref rng, person, PoiKind.ReproductiveClinic, rates.ReproductiveHealth);
        TrySensitive(ref rng, person, PoiKind.MentalHealthService, rates.MentalHealth);
        TrySensitive(ref rng, person, PoiKind.Shelter, rates.Shelter);
        TrySensitive(ref rng, person, PoiKind.UnionOffice, rates.Union);
        TrySensitive(ref rng, person, PoiKind.LgbtqVenue, rates.Lgbtq);
        TrySensitive(ref rng, person, PoiKind.CorrectionalFacility, rates.Correctional);
        if (_protestDays[day] && rng.Chance(_protestProbability))
        {
            int start = (15 * Hour) + rng.NextInt(60 * Minute);
            AppointPoi(_pois.PickNear(PoiKind.ProtestSquare, 0, 0, 1, ref rng), start, start + (int)rng.Uniform(60 * Minute, 150 * Minute));
        }

        AddErrands(ref rng, person, weekday, workDay);
        Assemble(person, day, plan);
    }

    private void AddErrands(ref SplitMix64 rng, Person person, DayOfWeek weekday, bool workDay)
    {
        bool weekend = weekday is DayOfWeek.Saturday or DayOfWeek.Sunday;
        (int count, int from, int to) = person.Persona switch
        {
            Persona.Worker9To5 or Persona.ShiftWorker when workDay => (rng.Chance(0.4) ? 1 : 0, 8 * Hour, 21 * Hour),
            Persona.Student when workDay => (rng.Chance(0.6) ? 1 : 0, 16 * Hour, 23 * Hour),
            Persona.HomeBased or Persona.Retiree => (1 + rng.NextPoisson(0.5), 9 * Hour, 19 * Hour),
            _ => (weekend ? 1 + rng.NextPoisson(0.8) : 1 + rng.NextPoisson(0.3), 10 * Hour, 20 * Hour),
        };
        for (int i = 0; i < count; i++)
        {
            double u = rng.NextDouble();
            int k = 0;
            while (k < s_errandCumulative.Length - 1 && u >= s_errandCumulative[k])
            {
                k++;
            }

            int poi = rng.Chance(0.7) ? person.FavouritePois[k] : _pois.PickNear(ErrandKinds[k], person.HomeX, person.HomeY, 2, ref rng);
            int start = (int)rng.Uniform(from, to);
            int duration = (int)Math.Min(3 * Hour, rng.NextLogNormal(40 * Minute, 0.5));
            AppointPoi(poi, start, start + duration);
        }
    }

    private void TrySensitive(ref SplitMix64 rng, Person person, PoiKind kind, double ratePer30Days)
    {
        if (rng.Chance(ratePer30Days / 30.0))
        {
            int start = (int)rng.Uniform(9 * Hour, 19 * Hour);
            AppointPoi(_pois.PickNear(kind, person.HomeX, person.HomeY, 3, ref rng), start, start + (int)rng.Uniform(30 * Minute, 120 * Minute));
        }
    }

    private void AppointPoi(int poiId, int start, int end)
    {
        Poi poi = _pois.Pois[poiId];
        Appoint(start, end, poi.XMeters, poi.YMeters, StayKind.Visit, poiId);
    }

    /// <summary>Adds an appointment unless it overlaps one already planned (with a 20-minute margin).</summary>
    private void Appoint(int start, int end, double x, double y, StayKind kind, int poi)
    {
        start = Math.Clamp(start, 0, Day);
        end = Math.Clamp(end, 0, Day);
        if (end - start < 10 * Minute || _appointmentCount == _appointments.Length)
        {
            return;
        }

        for (int i = 0; i < _appointmentCount; i++)
        {
            var a = _appointments[i];
            if (start < a.End + (20 * Minute) && a.Start < end + (20 * Minute))
            {
                return;
            }
        }

        int at = _appointmentCount++;
        while (at > 0 && _appointments[at - 1].Start > start)
        {
            _appointments[at] = _appointments[at - 1];
            at--;
        }

        _appointments[at] = (start, end, x, y, kind, poi);
    }

    /// <summary>Joins the appointments with stays at home (or away) and travel; the stays cover the whole day in order.</summary>
    private void Assemble(Person person, int day, DayPlan plan)
    {
        (double nightEndX, double nightEndY, StayKind endKind) = NightPlace(person, day);
        (double x, double y, StayKind kind) = NightPlace(person, day - 1);
        int poi = -1;
        int arrive = 0;
        int fixedEnd = -1; // departure time when the current place is an appointment; -1 while at home or away
        for (int i = 0; i < _appointmentCount; i++)
        {
            var a = _appointments[i];
            if (a.Start == 0 && plan.Count == 0 && fixedEnd < 0)
            {
                // At work since midnight (night shift): no night stay this morning.
                (x, y, kind, poi, arrive, fixedEnd) = (a.X, a.Y, a.Kind, a.Poi, 0, a.End);
                continue;
            }

            if (fixedEnd >= 0)
            {
                int toHome = TravelMs(x, y, person.HomeX, person.HomeY);
                if (a.Start - fixedEnd > toHome + TravelMs(person.HomeX, person.HomeY, a.X, a.Y) + (45 * Minute))
                {
                    plan.Add(new Stay(arrive, fixedEnd, x, y, kind, poi));
                    (x, y, kind, poi, arrive, fixedEnd) = (person.HomeX, person.HomeY, StayKind.Home, -1, fixedEnd + toHome, -1);
                }
            }

            int travel = TravelMs(x, y, a.X, a.Y);
            int leave = Math.Max(arrive, fixedEnd >= 0 ? fixedEnd : a.Start - travel);
            int start = Math.Max(a.Start, leave + travel);
            if (a.End - start < 10 * Minute)
            {
                continue;
            }

            plan.Add(new Stay(arrive, leave, x, y, kind, poi));
            (x, y, kind, poi, arrive, fixedEnd) = (a.X, a.Y, a.Kind, a.Poi, start, a.End);
        }

        if (fixedEnd >= Day)
        {
            plan.Add(new Stay(arrive, Day, x, y, kind, poi));
            return;
        }

        if (fixedEnd < 0 && x == nightEndX && y == nightEndY)
        {
            plan.Add(new Stay(arrive, Day, x, y, kind, poi));
            return;
        }

        int depart = fixedEnd >= 0 ? fixedEnd : Math.Max(arrive, 19 * Hour);
        plan.Add(new Stay(arrive, depart, x, y, kind, poi));
        int home = Math.Min(Day - 1, depart + TravelMs(x, y, nightEndX, nightEndY));
        plan.Add(new Stay(home, Day, nightEndX, nightEndY, endKind, -1));
    }

    private (double X, double Y, StayKind Kind) NightPlace(Person person, int day)
    {
        if (!SleepsAway(person, day))
        {
            return (person.HomeX, person.HomeY, StayKind.Home);
        }

        var rng = new SplitMix64(SplitMix64.Derive(_options.Seed, StreamTag.NightAway, ((ulong)person.Index << 10) | (uint)(day & 1023)));
        double angle = rng.Uniform(0, 2 * Math.PI);
        double distance = rng.Uniform(3_000, 30_000);
        return (person.HomeX + (distance * Math.Cos(angle)), person.HomeY + (distance * Math.Sin(angle)), StayKind.Away);
    }

    /// <summary>Door-to-door travel time: 3 minutes plus distance at 9 m/s, at most 2 hours.</summary>
    private static int TravelMs(double x0, double y0, double x1, double y1)
    {
        double distance = Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0)));
        return (int)Math.Min(2 * Hour, (3 * Minute) + (distance / 9.0 * 1000));
    }
}
