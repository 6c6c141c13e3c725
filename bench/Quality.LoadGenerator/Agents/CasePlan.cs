namespace Quality.LoadGenerator.Agents;

/// <summary>How long an agent takes to answer and to resolve a case, and the customer's CSAT answer afterwards (none when null).</summary>
public sealed record CasePlan(TimeSpan RespondAfter, TimeSpan ResolveAfter, int? CsatScore);
