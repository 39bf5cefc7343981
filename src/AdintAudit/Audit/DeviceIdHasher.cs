using System.Security.Cryptography;
using System.Text;

namespace AdintAudit.Audit;

/// <summary>
/// Replaces advertising IDs by salted hashes in per-device outputs: HMAC-SHA-256 of the id under a salt, first 16 hex
/// digits. With a secret (random) salt the report cannot be joined back to the dataset; with a salt the auditor keeps,
/// two reports on the same dataset can be joined to each other.
/// </summary>
public sealed class DeviceIdHasher
{
    private readonly byte[] _key;

    /// <summary>Creates a hasher.</summary>
    /// <param name="salt">The salt; null for 32 random bytes (not stored anywhere).</param>
    public DeviceIdHasher(string? salt)
    {
        _key = salt is null ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(salt);
        IsRandom = salt is null;
    }

    /// <summary>True when the salt is random (hashes cannot be reproduced, even by the auditor).</summary>
    public bool IsRandom { get; }

    /// <summary>Returns the hash of <paramref name="deviceId"/>: 16 lower-case hex digits.</summary>
    /// <param name="deviceId">The raw identifier.</param>
    public string Hash(string deviceId)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        Span<byte> digest = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(deviceId), digest);
        return Convert.ToHexStringLower(digest[..8]);
    }
}
