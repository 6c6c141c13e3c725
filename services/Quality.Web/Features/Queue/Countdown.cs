using System.Globalization;

namespace Quality.Web.Features.Queue;

/// <summary>Time left to a deadline as people read it: "2d 03:04:05", "03:04:05", and overdue with a minus sign.</summary>
public static class Countdown
{
    public static string Format(DateTimeOffset dueAt, DateTimeOffset now)
    {
        var left = dueAt - now;
        var overdue = left < TimeSpan.Zero;
        var abs = (overdue ? -left : left);
        // Whole seconds, rounded toward the deadline so "00:00:00" is shown only at or past it.
        var seconds = (long)Math.Floor(abs.TotalSeconds);
        var span = TimeSpan.FromSeconds(seconds);
        var text = span.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Days}d {span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours:00}:{span.Minutes:00}:{span.Seconds:00}");
        return overdue && seconds > 0 ? "−" + text : text;
    }

    public static bool IsOverdue(DateTimeOffset dueAt, DateTimeOffset now) => dueAt <= now;
}
