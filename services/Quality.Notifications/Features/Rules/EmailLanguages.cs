namespace Quality.Notifications.Features.Rules;

/// <summary>Which of a rule's two templates an email is written in.</summary>
public static class EmailLanguages
{
    public const string Zh = "zh";
    public const string En = "en";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Zh, En]);
}
