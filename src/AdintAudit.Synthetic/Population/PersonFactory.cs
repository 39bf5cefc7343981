using AdintAudit.Synthetic.Geography;
using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Population;

/// <summary>Creates the person of a given index from its own random stream (spec §1.2–1.3, §2 personas and schedules).</summary>
internal sealed class PersonFactory(GeneratorOptions options, MetroArea metro, PoiCatalog pois)
{
    private readonly double[] _personaCumulative = Cumulative(options.Personas);

    public Person Create(int index)
    {
        var rng = new SplitMix64(SplitMix64.Derive(options.Seed, StreamTag.Person, (ulong)index));
        double u = rng.NextDouble();
        int p = 0;
        while (p < _personaCumulative.Length - 1 && u >= _personaCumulative[p])
        {
            p++;
        }

        var persona = (Persona)p;
        (double homeX, double homeY) = metro.SampleHome(ref rng);
        bool hasWork = persona is Persona.Worker9To5 or Persona.ShiftWorker or Persona.Student;
        double workX = 0, workY = 0;
        int workPoi = -1;
        if (hasWork)
        {
            if (persona != Persona.Student && rng.Chance(options.CriticalSiteWorkerShare))
            {
                workPoi = pois.OfKind(rng.Chance(0.5) ? PoiKind.MilitaryBase : PoiKind.GovernmentCompound)[0];
                Poi site = pois.Pois[workPoi];
                workX = site.XMeters + rng.Uniform(-0.8, 0.8) * site.HalfWidthMeters;
                workY = site.YMeters + rng.Uniform(-0.8, 0.8) * site.HalfHeightMeters;
            }
            else
            {
                (workX, workY) = DrawWorkplace(ref rng, homeX, homeY);
            }
        }

        ShiftKind shift = (ShiftKind)rng.NextInt(3);
        int workDays = persona == Persona.ShiftWorker ? DrawShiftDays(ref rng) : 0b0111110;

        double religious = rng.NextDouble();
        double religiousProbability =
            religious < options.ReligiousWeeklyShare ? 1.0
            : religious < options.ReligiousWeeklyShare + options.ReligiousAlmostWeeklyShare ? 0.75
            : religious < options.ReligiousWeeklyShare + options.ReligiousAlmostWeeklyShare + options.ReligiousMonthlyShare ? 0.25
            : 0.0;
        DayOfWeek religiousDay = rng.NextDouble() switch
        {
            < 0.6 => DayOfWeek.Sunday,
            < 0.8 => DayOfWeek.Saturday,
            _ => DayOfWeek.Friday,
        };
        int religiousHour = religiousDay == DayOfWeek.Sunday ? 9 + rng.NextInt(3) : 17 + rng.NextInt(3);

        var favourites = new int[PersonaSchedule.ErrandKinds.Length];
        for (int i = 0; i < favourites.Length; i++)
        {
            favourites[i] = pois.PickNear(PersonaSchedule.ErrandKinds[i], homeX, homeY, 4, ref rng);
        }

        return new Person
        {
            Index = index,
            Persona = persona,
            HomeX = homeX,
            HomeY = homeY,
            HasWork = hasWork,
            WorkX = workX,
            WorkY = workY,
            WorkPoi = workPoi,
            Shift = shift,
            WorkDays = workDays,
            ReligiousProbability = religiousProbability,
            ReligiousDay = religiousDay,
            ReligiousHour = religiousHour,
            ReligiousPoi = pois.PickNear(PoiKind.PlaceOfWorship, homeX, homeY, 3, ref rng),
            FavouritePois = favourites,
            HomeIp = ResidentialIp(rng.NextUInt64()),
        };
    }

    /// <summary>A residential address in one of four ISP ranges (fictional but well-formed public IPv4).</summary>
    private static uint ResidentialIp(ulong bits)
    {
        ReadOnlySpan<uint> prefixes = [0x54000000u, 0x5B000000u, 0x4D000000u, 0xD9000000u]; // 84/8, 91/8, 77/8, 217/8
        uint prefix = prefixes[(int)(bits & 3)];
        return prefix | (uint)((bits >> 8) & 0x00FF_FFFEu) | 1u;
    }

    /// <summary>A workplace at a log-normal distance (median <see cref="GeneratorOptions.WorkDistanceMedianMeters"/>) among job-density candidates.</summary>
    private (double X, double Y) DrawWorkplace(ref SplitMix64 rng, double homeX, double homeY)
    {
        double target = rng.NextLogNormal(options.WorkDistanceMedianMeters, 0.7);
        double bestX = 0, bestY = 0, bestError = double.MaxValue;
        for (int i = 0; i < 6; i++)
        {
            (double x, double y) = metro.SampleJob(ref rng);
            double d = Math.Sqrt(((x - homeX) * (x - homeX)) + ((y - homeY) * (y - homeY)));
            double error = Math.Abs(Math.Log((d + 100) / target));
            if (error < bestError)
            {
                bestError = error;
                bestX = x;
                bestY = y;
            }
        }

        return (bestX, bestY);
    }

    private static int DrawShiftDays(ref SplitMix64 rng)
    {
        int mask = 0;
        int days = 0;
        while (days < 4)
        {
            int bit = 1 << rng.NextInt(7);
            if ((mask & bit) == 0)
            {
                mask |= bit;
                days++;
            }
        }

        return mask;
    }

    private static double[] Cumulative(PersonaMix mix)
    {
        double[] values = [mix.Worker9To5, mix.ShiftWorker, mix.Student, mix.HomeBased, mix.Retiree];
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i];
            values[i] = sum;
        }

        return values;
    }
}
