namespace Quality.Web.Components.Layout;

/// <summary>
/// A view in the main navigation: its address, the <c>UiText</c> key of its name, and the roles that see it
/// (none: everyone signed in).
/// </summary>
public sealed record NavSection(string Href, string TextKey, IReadOnlyList<string> Roles)
{
    public static readonly IReadOnlyList<NavSection> All =
    [
        new("", "NavOverview", []),
        new("queue", "NavQueue", []),
        new("alerts", "NavAlerts", []),
        new("goals", "NavGoals", []),
        new("people", "NavPeople", []),
        // Intake lists and counts feedback for supervisors and above only (feedback carries no team).
        new("feedback", "NavFeedback", [ServiceDefaults.Authentication.Roles.Supervisor, ServiceDefaults.Authentication.Roles.QualityManager, ServiceDefaults.Authentication.Roles.Admin]),
    ];
}
