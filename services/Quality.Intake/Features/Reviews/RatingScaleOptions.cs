namespace Quality.Intake.Features.Reviews;

/// <summary>How to read a source's rating: its range, where complaints start, and words it uses for numbers.</summary>
public sealed class RatingScaleOptions
{
    public double Min { get; set; } = 1;

    public double Max { get; set; } = 5;

    /// <summary>A rating at or below this is a complaint, whatever the text says (e.g. 2 of 5 stars).</summary>
    public double ComplaintAtOrBelow { get; set; } = 2;

    /// <summary>Ratings sent as words, e.g. Google's <c>"FOUR"</c> → 4; matched case-insensitively.</summary>
    public Dictionary<string, double> Values { get; set; } = [];
}
