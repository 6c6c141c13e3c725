namespace Quality.Intake.Features.ApiKeys;

/// <summary>A key as listed: everything but the secret, which is not stored.</summary>
public sealed record ApiKeySummary(
    Guid Id, string Name, string Channel, string Prefix, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeySummary From(ApiKey key) => new(
        key.Id, key.Name, key.Channel, key.Prefix, key.CreatedBy, key.CreatedAt, key.LastUsedAt, key.RevokedAt, key.RevokedBy);
}
