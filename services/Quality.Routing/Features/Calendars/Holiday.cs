namespace Quality.Routing.Features.Calendars;

/// <summary>A local date on which nobody works, whatever the weekly hours say.</summary>
public sealed record Holiday(DateOnly Date, string Name);
