namespace Quality.Notifications.Tests.Infrastructure;

public sealed class RoutingDownException() : Exception("routing is unavailable");
