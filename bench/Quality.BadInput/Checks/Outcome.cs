namespace Quality.BadInput.Checks;

/// <summary>What one attack got back and what that means.</summary>
/// <param name="Answer">The status as seen, e.g. <c>400 application/problem+json</c> or <c>InvalidArgument: …</c>.</param>
/// <param name="Problem">Why it failed, when it did.</param>
public sealed record Outcome(string Service, string Operation, string Attack, string Answer, Verdict Verdict, string? Problem = null);
