using AdintAudit.Synthetic.Randomness;

namespace AdintAudit.Synthetic.Devices;

/// <summary>
/// Creates generation units (spec §1.2 and §1.7): persistent devices 0..N-1 (the first P are persons' phones, the
/// rest their tablets), then ephemeral IDs. Each unit's profile comes from its own stream (seed, unit index).
/// </summary>
internal sealed class DeviceFactory
{
    private readonly GeneratorOptions _options;
    private readonly AppCatalog _apps;
    private readonly long _windowStartMs;
    private readonly long _windowEndMs;

    public DeviceFactory(GeneratorOptions options, AppCatalog apps, long windowStartMs, long windowEndMs)
    {
        _options = options;
        _apps = apps;
        _windowStartMs = windowStartMs;
        _windowEndMs = windowEndMs;
        Persons = Math.Max(1, (int)Math.Ceiling(options.Devices / (1 + options.SecondDeviceShare)));
        Persons = Math.Min(Persons, options.Devices);
        EphemeralIds = (int)Math.Round(options.EphemeralIdRatio * options.Devices);
    }

    public int Persons { get; }

    public int EphemeralIds { get; }

    public long Units => (long)_options.Devices + EphemeralIds;

    /// <summary>Returns the person that owns persistent device <paramref name="device"/>.</summary>
    public int PersonOf(int device)
    {
        if (device < Persons)
        {
            return device;
        }

        long secondary = device - Persons;
        long secondaries = _options.Devices - Persons;
        return (int)(secondary * Persons / secondaries);
    }

    public DeviceProfile Create(int unit)
    {
        bool ephemeral = unit >= _options.Devices;
        var rng = new SplitMix64(SplitMix64.Derive(_options.Seed, ephemeral ? StreamTag.Ephemeral : StreamTag.Device, (ulong)unit));
        int person = ephemeral ? rng.NextInt(Persons) : PersonOf(unit);
        DeviceOs os = SplitMix64.HashUnit(_options.Seed, StreamTag.Os, (ulong)(ephemeral ? person : unit)) < _options.IdfaShare
            ? DeviceOs.Ios : DeviceOs.Android;
        double z = rng.NextNormal();
        double active = 1.0 / (1.0 + Math.Exp(-(_options.ActiveC0 + (_options.ActiveC1 * z))));
        double rate = Math.Exp(_options.RateM0 + (_options.RateM1 * z) + (_options.RateNoiseSigma * rng.NextNormal()));

        CollectionMode mode;
        if (ephemeral)
        {
            mode = CollectionMode.Bidstream;
        }
        else if (rng.Chance(_options.BackgroundSdkShare))
        {
            mode = CollectionMode.SdkBackground;
        }
        else
        {
            mode = rng.Chance(_options.BidstreamShareOfForeground) ? CollectionMode.Bidstream : CollectionMode.SdkForeground;
        }

        int[] apps = new int[ephemeral ? 1 : 3 + rng.NextInt(6)];
        for (int i = 0; i < apps.Length; i++)
        {
            apps[i] = _apps.Draw(ref rng);
        }

        int firstDay = 0, lastDay = _options.Days - 1;
        if (ephemeral)
        {
            firstDay = rng.NextInt(_options.Days);
            int length = rng.Chance(_options.EphemeralMultiDayShare) ? 2 + rng.NextInt(2) : 1;
            lastDay = Math.Min(_options.Days - 1, firstDay + length - 1);
        }

        var resets = new List<long>();
        if (!ephemeral && _options.IdResetPer30Days > 0)
        {
            double meanMs = -30.0 * 86_400_000 / Math.Log(1 - Math.Min(0.999, _options.IdResetPer30Days));
            long t = _windowStartMs;
            while (true)
            {
                t += (long)rng.NextExponential(meanMs);
                if (t >= _windowEndMs || resets.Count >= 8)
                {
                    break;
                }

                resets.Add(t);
            }
        }

        int idfvVendor = -1;
        if (!ephemeral && os == DeviceOs.Ios && rng.Chance(_options.IdfvDeviceShare))
        {
            idfvVendor = _apps.Apps[apps[rng.NextInt(apps.Length)]].Vendor;
        }

        bool upper = os == DeviceOs.Ios;
        var ids = new string[resets.Count + 1 + (idfvVendor >= 0 ? 1 : 0)];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = DeviceIdentity.Format(rng.NextUInt64(), rng.NextUInt64(), upper);
        }

        int teleportDay = !ephemeral && rng.Chance(_options.TeleportDeviceShare) ? rng.NextInt(_options.Days) : -1;
        return new DeviceProfile
        {
            Unit = unit,
            Person = person,
            IsEphemeral = ephemeral,
            Os = os,
            Engagement = z,
            ActiveProbability = active,
            DailyRate = rate,
            Mode = mode,
            Apps = apps,
            IdfvVendor = idfvVendor,
            TeleportDay = teleportDay,
            FirstDay = firstDay,
            LastDay = lastDay,
            ResetTimesMs = [.. resets],
            Ids = ids,
            IdfvSlot = idfvVendor >= 0 ? ids.Length - 1 : -1,
            Carrier = rng.NextInt(3),
        };
    }
}
