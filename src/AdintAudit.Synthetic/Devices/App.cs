namespace AdintAudit.Synthetic.Devices;

/// <summary>An app of the catalog: its identifiers, its supplier and how that supplier serialises coordinates.</summary>
/// <param name="AndroidPackage">Package name (the <c>app_id</c> on Android).</param>
/// <param name="IosStoreId">Numeric App Store ID (the <c>app_id</c> on iOS).</param>
/// <param name="Vendor">Vendor index (IDFV is per vendor).</param>
/// <param name="Supplier">Supplier index (the <c>source_id</c>).</param>
/// <param name="Decimals">Decimals of GPS and Wi-Fi coordinates: 7 or 6 (raw), 5 or 4 (truncating supplier).</param>
internal sealed record App(string AndroidPackage, string IosStoreId, int Vendor, int Supplier, int Decimals);
