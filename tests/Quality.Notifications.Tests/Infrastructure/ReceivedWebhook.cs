namespace Quality.Notifications.Tests.Infrastructure;

public sealed record ReceivedWebhook(int Call, string Id, string Body, bool SignatureValid);
