namespace AdintAudit.Risk.Attacks;

/// <summary>
/// The background-knowledge attacks of Pellungrini et al. (2017), as scikit-mobility's <c>privacy.attacks</c> names
/// them: what the adversary knows about a target, and what makes another device's data match it.
/// </summary>
public enum AttackKind
{
    /// <summary>k of the target's records (places); a device matches if it has at least as many records at each place.</summary>
    Location,

    /// <summary>k records in time order; a device matches if its time-ordered places contain them as a subsequence.</summary>
    LocationSequence,

    /// <summary>k records as (place, time bucket); multiset containment as for <see cref="Location"/>.</summary>
    LocationTime,

    /// <summary>k distinct places; a device matches if it visited every one of them.</summary>
    UniqueLocation,

    /// <summary>k distinct places with their visit counts; counts must agree within the tolerance.</summary>
    Frequency,

    /// <summary>k distinct places with their share of the target's records; shares must agree within the tolerance.</summary>
    Probability,

    /// <summary>k distinct places with visit counts relative to the most visited of them; proportions within the tolerance.</summary>
    Proportion,

    /// <summary>The target's home and work places; a device matches if its own home/work pair holds both.</summary>
    HomeWork,
}
