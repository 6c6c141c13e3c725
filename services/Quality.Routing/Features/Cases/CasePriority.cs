namespace Quality.Routing.Features.Cases;

/// <summary>
/// Priority 1 (most urgent) to 4. Urgency starts at the worst severity among the case's complaints (1–4),
/// plus 1 for a high customer tier (vip, gold, enterprise), plus 1 when the most negative complaint reads at
/// or below −0.8, plus 1 for the first repeat and 2 from the second repeat on; it is capped at 4 and
/// priority is 5 − urgency. Since severity only grows, sentiment only falls and repeats only add, a
/// repeat can raise a case's priority but never lower it. See docs/routing.md.
/// </summary>
public static class CasePriority
{
    public const double NegativeSentiment = -0.8;

    private static readonly HashSet<string> HighTiers = new(["vip", "gold", "enterprise"], StringComparer.OrdinalIgnoreCase);

    public static int Compute(int severity, string? customerTier, double sentiment, int complaints = 1)
    {
        var urgency = Math.Clamp(severity, 1, 4);
        if (customerTier is not null && HighTiers.Contains(customerTier))
        {
            urgency++;
        }

        if (sentiment <= NegativeSentiment)
        {
            urgency++;
        }

        urgency += Math.Clamp(complaints - 1, 0, 2);
        return 5 - Math.Clamp(urgency, 1, 4);
    }
}
