namespace Quality.Contracts;

/// <summary>
/// Names of the resources the AppHost declares. Each name is also the configuration key a
/// service reads: <c>GetConnectionString(ResourceNames.Redis)</c> reads <c>ConnectionStrings:redis</c>,
/// and a service name resolves through <c>services:{name}:{endpoint}:0</c>.
/// </summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Redis = "redis";
    public const string RabbitMQ = "rabbitmq";

    public const string IntakeDb = "intakedb";
    public const string RoutingDb = "routingdb";
    public const string ScoringDb = "scoringdb";
    public const string NotificationsDb = "notificationsdb";

    public const string Intake = "intake";
    public const string Routing = "routing";
    public const string Scoring = "scoring";
    public const string Notifications = "notifications";

    /// <summary>The web dashboard people sign in to.</summary>
    public const string Web = "web";

    /// <summary>The one public entry: the dashboard and the services' HTTP APIs behind one address.</summary>
    public const string Gateway = "gateway";

    /// <summary>The plain HTTP/1.1 endpoint: REST, JSON transcoding, health.</summary>
    public const string HttpEndpoint = "http";

    /// <summary>The cleartext HTTP/2 endpoint that serves gRPC.</summary>
    public const string GrpcEndpoint = "grpc";
}
