namespace AdintAudit.Quality;

/// <summary>One example of a quality check, with the key that orders examples the same way in every partitioning.</summary>
/// <param name="GlobalDevice">The device's index among all devices of the dataset (ordinal order of ids).</param>
/// <param name="RowInDevice">The row within the device's slice of the screened table (0 = the device's first row).</param>
/// <param name="Text">The example as <c>device,time_ms,lat,lon</c>.</param>
internal readonly record struct QualityExample(int GlobalDevice, int RowInDevice, string Text) : IComparable<QualityExample>
{
    public int CompareTo(QualityExample other) =>
        GlobalDevice != other.GlobalDevice ? GlobalDevice.CompareTo(other.GlobalDevice) : RowInDevice.CompareTo(other.RowInDevice);
}
