namespace Quality.Notifications.Tests.Infrastructure;

public sealed class IntakeDownException() : Exception("intake is unavailable");
