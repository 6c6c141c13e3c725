namespace Quality.Routing.Features.Cases;

/// <summary>Priority 1 (most urgent) to 4, from the complaint's severity, the customer's tier and how negative it reads.</summary>
public static class CasePriority
{
    public static int Compute(int severity, string? customerTier, double sentiment)
    {
        var urgency = Math.Clamp(severity, 1, 4);
        if (customerTier is "vip" or "gold" or "enterprise")
        {
            urgency++;
        }

        if (sentiment <= -0.8)
        {
            urgency++;
        }

        return 5 - Math.Clamp(urgency, 1, 4);
    }
}
