namespace Quality.Intake.Features.ApiKeys;

/// <summary>
/// A channel's credential. Only the SHA-256 of the key is stored: a stolen table gives no usable key. The
/// prefix is not secret; it finds the row so the hash is compared with one candidate only.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Channel { get; init; }
    public required string Prefix { get; init; }
    public required byte[] Hash { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
