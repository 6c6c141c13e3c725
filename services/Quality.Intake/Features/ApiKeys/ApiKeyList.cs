namespace Quality.Intake.Features.ApiKeys;

public sealed record ApiKeyList(IReadOnlyList<ApiKeySummary> ApiKeys);
