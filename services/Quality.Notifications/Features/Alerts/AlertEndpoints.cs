namespace Quality.Notifications.Features.Alerts;

public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/alerts/{id:guid}/acknowledge", AcknowledgeAsync).WithTags("Alerts");

    private static async Task<AlertResponse> AcknowledgeAsync(Guid id, AlertAcknowledger acknowledger, HttpContext http, CancellationToken cancellationToken) =>
        AlertResponse.From(await acknowledger.AcknowledgeAsync(id, http.User, cancellationToken));
}
