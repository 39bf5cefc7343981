namespace AdintAudit.Risk.Anonymity;

/// <summary>
/// The ARX prosecutor-model figures of one anonymity-set summary: the attacker knows the target is in the data and
/// picks at random among the records that share the target's key, so a record's risk is 1 / its set size.
/// </summary>
/// <param name="HighestRisk">1 / the smallest set size, in (0, 1]; 0 when there are no records.</param>
/// <param name="SuccessRate">
/// Classes / records in (0, 1]: the expected share of records re-identified when every record is attacked (the
/// average risk); 0 when there are no records.
/// </param>
/// <param name="RecordsAtRisk">
/// Share of records whose risk 1 / set size is strictly above <see cref="AnonymityOptions.RiskThreshold"/>, in [0, 1].
/// </param>
public readonly record struct ProsecutorRisk(double HighestRisk, double SuccessRate, double RecordsAtRisk);
