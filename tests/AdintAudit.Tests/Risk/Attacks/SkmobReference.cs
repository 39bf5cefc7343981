using AdintAudit.Risk.Attacks;

namespace AdintAudit.Tests.Risk.Attacks;

/// <summary>
/// A literal, slow re-statement of scikit-mobility's attacks (every combination of k records or vector rows, matched
/// against every device), used as the oracle for the fast search.
/// </summary>
internal static class SkmobReference
{
    public sealed record Row(int Device, int Place, long TimeMs);

    public static double[] Risk(IReadOnlyList<Row> rows, int devices, AttackOptions options)
    {
        var byDevice = Enumerable.Range(0, devices)
            .Select(d => rows.Select((r, i) => (r, i)).Where(x => x.r.Device == d).OrderBy(x => x.r.TimeMs).ThenBy(x => x.i).Select(x => x.r).ToList())
            .ToList();
        Func<Row, object> key = options.Kind == AttackKind.LocationTime
            ? r => (r.Place, BackgroundKnowledgeAttack.SkmobBucket(DateTime.UnixEpoch.AddMilliseconds(r.TimeMs), options.Precision))
            : r => r.Place;
        double[] risk = new double[devices];
        for (int u = 0; u < devices; u++)
        {
            if (byDevice[u].Count == 0)
            {
                risk[u] = double.NaN;
                continue;
            }

            risk[u] = options.Kind switch
            {
                AttackKind.Location or AttackKind.LocationTime => RecordAttack(byDevice, u, options.KnowledgeLength, (instance, v) =>
                    instance.GroupBy(key).All(g => v.Count(r => key(r).Equals(g.Key)) >= g.Count())),
                AttackKind.LocationSequence => RecordAttack(byDevice, u, options.KnowledgeLength, (instance, v) => IsSubsequence(instance, v)),
                _ => VectorAttack(byDevice, u, options),
            };
        }

        return risk;
    }

    private static double RecordAttack(List<List<Row>> byDevice, int u, int k, Func<List<Row>, List<Row>, bool> match)
    {
        double best = 0;
        foreach (List<Row> instance in Combinations(byDevice[u], Math.Min(k, byDevice[u].Count)))
        {
            int matches = byDevice.Count(v => v.Count > 0 && match(instance, v));
            best = Math.Max(best, 1.0 / matches);
        }

        return best;
    }

    private static bool IsSubsequence(List<Row> instance, List<Row> v)
    {
        int i = 0;
        foreach (Row row in v)
        {
            if (i < instance.Count && row.Place == instance[i].Place)
            {
                i++;
            }
        }

        return i == instance.Count;
    }

    private static double VectorAttack(List<List<Row>> byDevice, int u, AttackOptions options)
    {
        Dictionary<int, int> Frequency(List<Row> rows) => rows.GroupBy(r => r.Place).ToDictionary(g => g.Key, g => g.Count());
        var vectors = byDevice.Select(Frequency).ToList();
        var totals = byDevice.Select(r => r.Count).ToList();
        List<int> places = [.. vectors[u].Keys.Order()];
        double t = options.Tolerance;
        bool Within(double b, double v) => b >= v - (v * t) && b <= v + (v * t);
        double best = 0;
        foreach (List<int> instance in Combinations(places, Math.Min(options.KnowledgeLength, places.Count)))
        {
            int matches = 0;
            for (int v = 0; v < vectors.Count; v++)
            {
                if (totals[v] == 0 || !instance.All(vectors[v].ContainsKey))
                {
                    continue;
                }

                bool ok = options.Kind switch
                {
                    AttackKind.UniqueLocation => true,
                    AttackKind.Frequency => instance.All(p => Within(vectors[u][p], vectors[v][p])),
                    AttackKind.Probability => instance.All(p => Within((double)vectors[u][p] / totals[u], (double)vectors[v][p] / totals[v])),
                    _ => instance.All(p => Within((double)vectors[u][p] / instance.Max(q => vectors[u][q]), (double)vectors[v][p] / instance.Max(q => vectors[v][q]))),
                };
                matches += ok ? 1 : 0;
            }

            best = Math.Max(best, 1.0 / matches);
        }

        return best;
    }

    private static IEnumerable<List<T>> Combinations<T>(List<T> items, int k)
    {
        if (k == 0)
        {
            yield return [];
            yield break;
        }

        for (int i = 0; i <= items.Count - k; i++)
        {
            foreach (List<T> rest in Combinations(items[(i + 1)..], k - 1))
            {
                yield return [items[i], .. rest];
            }
        }
    }
}
