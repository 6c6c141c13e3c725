namespace Quality.Web.Features.Feedback;

/// <summary>A count's share of the period's total, in whole percent for a bar's width; 0 of nothing is 0.</summary>
public static class CountShare
{
    public static int Percent(long count, long total) =>
        total <= 0 ? 0 : (int)Math.Clamp(Math.Round(100.0 * count / total, MidpointRounding.AwayFromZero), 0, 100);
}
