using Google.Protobuf.WellKnownTypes;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Feed;

namespace Quality.Notifications.Grpc;

/// <summary>Alerts as the gRPC contract spells them.</summary>
public static class AlertMessages
{
    public static Alert ToMessage(AlertView view)
    {
        var a = view.Alert;
        return new Alert
        {
            AlertId = a.Id.ToString(),
            Kind = a.Kind,
            CaseId = a.CaseId?.ToString() ?? "",
            RecipientRole = a.RecipientRole,
            TeamId = a.TeamId ?? "",
            Severity = a.Severity,
            Title = a.Title,
            TitleZh = a.TitleZh ?? "",
            Channel = a.Channel,
            RecipientId = a.RecipientId ?? "",
            CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
            AcknowledgedAt = a.AcknowledgedAt is { } acknowledged ? Timestamp.FromDateTimeOffset(acknowledged) : null,
            AcknowledgedBy = a.AcknowledgedBy ?? "",
            CorrelationId = a.CorrelationId.ToString(),
            EscalationLevel = a.EscalationLevel,
            EscalatedFromId = a.EscalatedFromId?.ToString() ?? "",
            ChainId = a.ChainId?.ToString() ?? "",
            NextEscalationLevel = view.NextEscalationLevel ?? 0,
            NextEscalationAt = view.NextEscalationAt is { } due ? Timestamp.FromDateTimeOffset(due) : null,
        };
    }

    public static FeedMessage ToMessage(FeedItem item) => item.Type switch
    {
        FeedItem.ReadyType => new FeedMessage { Ready = new FeedReady { UnreadCount = item.UnreadCount ?? 0 } },
        FeedItem.GapType => new FeedMessage { Gap = new FeedGap { Dropped = item.Dropped ?? 0, Reason = item.Reason ?? "" } },
        _ => new FeedMessage { Alert = ToMessage(item.Alert!) },
    };

    private static Alert ToMessage(FeedAlert a) => new()
    {
        AlertId = a.Id.ToString(),
        Kind = a.Kind,
        CaseId = a.CaseId?.ToString() ?? "",
        RecipientRole = a.RecipientRole,
        RecipientId = a.RecipientId ?? "",
        TeamId = a.TeamId ?? "",
        Severity = a.Severity,
        Title = a.Title,
        TitleZh = a.TitleZh ?? "",
        Channel = Features.Rules.RuleChannels.InApp,
        CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
        CorrelationId = a.CorrelationId.ToString(),
        EscalationLevel = a.EscalationLevel,
        ChainId = a.ChainId?.ToString() ?? "",
    };
}
