namespace Quality.Notifications.Features.Rules;

public static class RuleChannels
{
    public const string Webhook = "webhook";
    public const string InApp = "in_app";
    public const string Email = "email";

    public static readonly IReadOnlySet<string> All = new HashSet<string>([Webhook, InApp, Email]);
}
