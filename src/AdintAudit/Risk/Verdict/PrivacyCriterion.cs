namespace AdintAudit.Risk.Verdict;

/// <summary>
/// The three risks an anonymised dataset must resist per the Article 29 Working Party, Opinion 05/2014 on
/// Anonymisation Techniques (WP216, 10 April 2014), section 2.2.
/// </summary>
public enum PrivacyCriterion
{
    /// <summary>Isolating some or all records that identify one person in the dataset.</summary>
    SinglingOut,

    /// <summary>Linking at least two records about the same person or group, in one dataset or across datasets.</summary>
    Linkability,

    /// <summary>Deducing, with significant probability, the value of an attribute from other attributes (here: home, sensitive visits).</summary>
    Inference,
}
