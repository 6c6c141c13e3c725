namespace Quality.Intake.Features.ApiKeys;

/// <param name="Key">The secret itself; shown this once and never again.</param>
public sealed record CreatedApiKey(Guid Id, string Name, string Channel, string Prefix, string Key, DateTimeOffset CreatedAt);
