using System.Security.Claims;
using Quality.Notifications.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Alerts;

/// <summary>Notifications' in-app alerts as the signed-in person: their own feed, the same alerts the live feed sends; Notifications decides what they see and may acknowledge.</summary>
public sealed class AlertService(NotificationsService.NotificationsServiceClient notifications, PersonTokens tokens)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<Alert>> RecentAsync(ClaimsPrincipal person, CancellationToken ct) =>
        [.. (await notifications.ListAlertsAsync(new ListAlertsRequest { PageSize = PageSize, AddressedToMe = true }, tokens.Headers(person), cancellationToken: ct)).Alerts];

    public async Task<int> UnreadAsync(ClaimsPrincipal person, CancellationToken ct) =>
        (await notifications.GetUnreadCountAsync(new GetUnreadCountRequest(), tokens.Headers(person), cancellationToken: ct)).UnreadCount_;

    public async Task<int> MarkAllReadAsync(ClaimsPrincipal person, CancellationToken ct) =>
        (await notifications.MarkReadAsync(new MarkReadRequest { All = true }, tokens.Headers(person), cancellationToken: ct)).UnreadCount_;

    public async Task<Alert> AcknowledgeAsync(ClaimsPrincipal person, string alertId, CancellationToken ct) =>
        await notifications.AcknowledgeAlertAsync(new AcknowledgeAlertRequest { AlertId = alertId }, tokens.Headers(person), cancellationToken: ct);
}
