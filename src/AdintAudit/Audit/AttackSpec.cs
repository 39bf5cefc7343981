using AdintAudit.Risk.Attacks;

namespace AdintAudit.Audit;

/// <summary>One background-knowledge attack the audit runs.</summary>
/// <param name="Kind">The attack.</param>
/// <param name="KnowledgeLength">k, the pieces of knowledge.</param>
public sealed record AttackSpec(AttackKind Kind, int KnowledgeLength)
{
    /// <summary>Location k = 2 and 4, location-sequence k = 3, home-work: what an adversary plausibly knows (a few places, an order, home and work).</summary>
    public static IReadOnlyList<AttackSpec> Defaults { get; } =
    [
        new(AttackKind.Location, 2),
        new(AttackKind.Location, 4),
        new(AttackKind.LocationSequence, 3),
        new(AttackKind.HomeWork, 2),
    ];
}
