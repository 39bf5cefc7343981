namespace AdintAudit.Data;

/// <summary>A field of the ping table that input columns are mapped to.</summary>
public enum PingField
{
    /// <summary>The advertising or device identifier (required).</summary>
    DeviceId,

    /// <summary>The time of the ping (required).</summary>
    Timestamp,

    /// <summary>WGS84 latitude in degrees (required).</summary>
    Latitude,

    /// <summary>WGS84 longitude in degrees (required).</summary>
    Longitude,

    /// <summary>Horizontal accuracy in meters (optional).</summary>
    Accuracy,
}

/// <summary>
/// Which input column feeds each <see cref="PingField"/>: explicit overrides (<c>--map field=column</c>) first, else the
/// first alias present (DESIGN.md "Data model" plus scikit-mobility's <c>uid</c>, <c>lng</c>, <c>datetime</c>).
/// </summary>
/// <remarks>Aliases match case-insensitively; overrides must match a column name exactly (ordinal).</remarks>
public sealed record ColumnMapping
{
    private static readonly string[][] s_aliases =
    [
        ["device_id", "ad_id", "maid", "ifa", "idfa", "gaid", "advertising_id", "deviceId", "uid", "caid", "clientid", "user_id"],
        ["timestamp", "ts", "time", "utc_timestamp", "event_time", "eventTimeMilli", "unixtime", "datetime", "UTC"],
        ["latitude", "lat"],
        ["longitude", "lon", "lng", "long"],
        ["horizontal_accuracy", "accuracy", "acc", "hacc", "horizontalAccuracy", "error"],
    ];

    /// <summary>Column names given explicitly, by field; they win over aliases.</summary>
    public IReadOnlyDictionary<PingField, string> Overrides { get; init; } = new Dictionary<PingField, string>();

    /// <summary>The aliases accepted for <paramref name="field"/>, in order of preference.</summary>
    /// <param name="field">A field.</param>
    public static IReadOnlyList<string> AliasesOf(PingField field) => s_aliases[(int)field];

    /// <summary>Parses a field name as written in <c>--map field=column</c> (an alias such as <c>lat</c> or the canonical name).</summary>
    /// <param name="name">The field name.</param>
    /// <param name="field">The field, when known.</param>
    /// <returns>Whether the name is a field.</returns>
    public static bool TryParseField(string name, out PingField field)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (int f = 0; f < s_aliases.Length; f++)
        {
            foreach (string alias in s_aliases[f])
            {
                if (string.Equals(alias, name, StringComparison.OrdinalIgnoreCase))
                {
                    field = (PingField)f;
                    return true;
                }
            }
        }

        field = default;
        return false;
    }

    /// <summary>Parses <c>field=column</c> specifications into a mapping.</summary>
    /// <param name="specifications">Items such as <c>device_id=user</c>; commas separate several in one item.</param>
    /// <exception cref="ArgumentException">An item is not <c>field=column</c> with a known field.</exception>
    public static ColumnMapping Parse(IEnumerable<string> specifications)
    {
        ArgumentNullException.ThrowIfNull(specifications);
        var overrides = new Dictionary<PingField, string>();
        foreach (string spec in specifications.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            int at = spec.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == spec.Length - 1 || !TryParseField(spec[..at], out PingField field))
            {
                throw new ArgumentException(
                    $"--map: '{spec}' is not field=column (fields: device_id, timestamp, latitude, longitude, accuracy)", nameof(specifications));
            }

            overrides[field] = spec[(at + 1)..];
        }

        return new ColumnMapping { Overrides = overrides };
    }

    /// <summary>Finds the column index of every field in <paramref name="columnNames"/>; -1 for an absent optional field.</summary>
    /// <param name="columnNames">The input's column names.</param>
    /// <returns>One index per <see cref="PingField"/>.</returns>
    /// <exception cref="InputFormatException">A required field has no column; the message lists the columns found.</exception>
    public int[] Resolve(IReadOnlyList<string> columnNames)
    {
        ArgumentNullException.ThrowIfNull(columnNames);
        var result = new int[s_aliases.Length];
        var missing = new List<string>();
        for (int f = 0; f < s_aliases.Length; f++)
        {
            result[f] = -1;
            if (Overrides.TryGetValue((PingField)f, out string? explicitName))
            {
                result[f] = IndexOf(columnNames, explicitName, StringComparison.Ordinal);
                if (result[f] < 0)
                {
                    throw new InputFormatException(
                        $"--map names column '{explicitName}', which is not in the input (columns found: {string.Join(", ", columnNames)})");
                }

                continue;
            }

            foreach (string alias in s_aliases[f])
            {
                result[f] = IndexOf(columnNames, alias, StringComparison.OrdinalIgnoreCase);
                if (result[f] >= 0)
                {
                    break;
                }
            }

            if (result[f] < 0 && (PingField)f != PingField.Accuracy)
            {
                missing.Add(s_aliases[f][0]);
            }
        }

        if (missing.Count > 0)
        {
            throw new InputFormatException(
                $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} (columns found: {string.Join(", ", columnNames)}; use --map field=column)");
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, StringComparison comparison)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, comparison))
            {
                return i;
            }
        }

        return -1;
    }
}
