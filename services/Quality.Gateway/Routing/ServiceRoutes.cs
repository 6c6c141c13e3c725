using Quality.Contracts;

namespace Quality.Gateway.Routing;

/// <summary>
/// Which service answers each public path: every <c>/api/&lt;resource&gt;</c> the services map (minimal APIs and the
/// <c>google.api.http</c> annotations in contracts/protos), the survey-answer page, and the dashboard for the rest.
/// Health, OpenAPI documents and gRPC are the services' own and stay unrouted.
/// </summary>
public static class ServiceRoutes
{
    public const string FeedbackBatch = "intake-feedback-batch";
    public const string Email = "intake-email";
    public const string Imports = "intake-imports";
    public const string ClassifierExamples = "intake-classifier-examples";
    public const string Transcripts = "intake-transcripts";
    public const string Dashboard = "web";

    public static IReadOnlyList<ServiceRoute> All { get; } =
    [
        // Intake: channels, feedback queries, classification, API keys, privacy.
        new("intake-feedback", "/api/feedback/{**rest}", ResourceNames.Intake),
        new(FeedbackBatch, "/api/feedback/batch", ResourceNames.Intake),
        new(Email, "/api/email/{**rest}", ResourceNames.Intake),
        new(Imports, "/api/imports/{**rest}", ResourceNames.Intake),
        new(Transcripts, "/api/transcripts/{**rest}", ResourceNames.Intake),
        new("intake-classifier", "/api/classifier/{**rest}", ResourceNames.Intake),
        new(ClassifierExamples, "/api/classifier/examples", ResourceNames.Intake),
        new("intake-review-webhooks", "/api/webhooks/reviews/{**rest}", ResourceNames.Intake),
        new("intake-admin", "/api/admin/{**rest}", ResourceNames.Intake),
        new("intake-surveys", "/api/surveys", ResourceNames.Intake),
        // The signed link in a survey invitation: the only anonymous paths Intake has (it rate-limits them per client).
        new("intake-survey-answer-api", "/api/surveys/answer", ResourceNames.Intake, RouteAccess.Anonymous),
        new("intake-survey-answer-page", "/surveys/answer", ResourceNames.Intake, RouteAccess.Anonymous),

        // Routing: cases, agents, teams, SLA policies and calendars.
        new("routing-cases", "/api/cases/{**rest}", ResourceNames.Routing),
        new("routing-agents", "/api/agents/{**rest}", ResourceNames.Routing),
        new("routing-teams", "/api/teams/{**rest}", ResourceNames.Routing),
        new("routing-sla", "/api/sla/{**rest}", ResourceNames.Routing),

        // Scoring: KPIs, leaderboards, scorecards, QA reviews, goals.
        new("scoring-kpis", "/api/kpis/{**rest}", ResourceNames.Scoring),
        new("scoring-leaderboards", "/api/leaderboards/{**rest}", ResourceNames.Scoring),
        new("scoring-scorecards", "/api/scorecards/{**rest}", ResourceNames.Scoring),
        new("scoring-qa", "/api/qa/{**rest}", ResourceNames.Scoring),
        new("scoring-goals", "/api/goals/{**rest}", ResourceNames.Scoring),

        // Notifications: alerts, the in-app feed, subscription rules, quiet hours, deliveries, survey invitations.
        new("notifications-alerts", "/api/alerts/{**rest}", ResourceNames.Notifications),
        new("notifications-feed", "/api/feed/{**rest}", ResourceNames.Notifications),
        new("notifications-rules", "/api/rules/{**rest}", ResourceNames.Notifications),
        new("notifications-recipients", "/api/recipients/{**rest}", ResourceNames.Notifications),
        new("notifications-deliveries", "/api/deliveries/{**rest}", ResourceNames.Notifications),
        new("notifications-survey-invitations", "/api/surveys/invitations/{**rest}", ResourceNames.Notifications),

        // Everything else is the dashboard: pages, static assets, sign-in, and Blazor's /_blazor WebSocket.
        new(Dashboard, "/{**rest}", ResourceNames.Web, RouteAccess.Dashboard),
    ];

    /// <summary>The services the routes lead to, each a YARP cluster of the same name.</summary>
    public static IEnumerable<string> Services => All.Select(r => r.Service).Distinct();
}
