using Quality.Contracts;
using Quality.AppHost;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

if (args.Contains("--help"))
{
    Console.WriteLine($"dotnet run --project Quality.AppHost [-- options]\n{CommandLine.Usage}\n{DemoOptions.Usage}");
    return 0;
}

try
{
    var (demo, hostArgs) = DemoOptions.Parse(args);
    var builder = DistributedApplication.CreateBuilder(hostArgs);

    // One signing key for every service, kept in the data directory so tokens survive restarts.
    var signingKey = builder.AddSecret("auth-signing-key", bytes: 32);

    // Intake encrypts customers' contact data with this key and finds it by HMAC lookups: losing them loses the
    // data, so they live (0600) beside it in the data directory. Rotate by adding a key and re-encrypting.
    var piiKey = builder.AddSecret("intake-pii-key", bytes: 32);
    var piiLookupKey = builder.AddSecret("intake-pii-lookup-key", bytes: 32);

    // Notifications signs survey invitation links with it and Intake verifies them: the same key on both sides.
    var surveyLinkKey = builder.AddSecret("survey-link-key", bytes: 32);

    var postgres = builder.AddPostgres(ResourceNames.Postgres);
    var intakeDb = postgres.AddDatabase(ResourceNames.IntakeDb);
    var routingDb = postgres.AddDatabase(ResourceNames.RoutingDb);
    var scoringDb = postgres.AddDatabase(ResourceNames.ScoringDb);
    var notificationsDb = postgres.AddDatabase(ResourceNames.NotificationsDb);
    // Scoring's live values; no other service uses Redis.
    var redis = builder.AddRedis(ResourceNames.Redis);
    var rabbit = builder.AddRabbitMQ(ResourceNames.RabbitMQ);

    var scoring = builder.AddProject(ResourceNames.Scoring, "services/Quality.Scoring/Quality.Scoring.csproj")
        .WithReference(scoringDb).WithReference(redis).WithReference(rabbit)
        .WaitFor(scoringDb).WaitFor(redis).WaitFor(rabbit)
        .WithEnvironment("Auth__SigningKey", signingKey);

    var routing = builder.AddProject(ResourceNames.Routing, "services/Quality.Routing/Quality.Routing.csproj")
        .WithReference(routingDb).WithReference(rabbit)
        // Scoring takes Routing's events: on a first boot its queues must exist before Routing publishes (see Intake).
        .WaitFor(routingDb).WaitFor(rabbit).WaitFor(scoring)
        .WithEnvironment("Auth__SigningKey", signingKey);

    var intake = builder.AddProject(ResourceNames.Intake, "services/Quality.Intake/Quality.Intake.csproj")
        .WithReference(intakeDb).WithReference(rabbit)
        .WaitFor(intakeDb).WaitFor(rabbit)
        .WithEnvironment("Auth__SigningKey", signingKey)
        .WithEnvironment("Intake__Pii__ActiveKeyId", "k1")
        .WithEnvironment("Intake__Pii__Keys__k1", piiKey)
        .WithEnvironment("Intake__Pii__LookupKey", piiLookupKey)
        .WithEnvironment("Intake__Surveys__LinkKey", surveyLinkKey)
        // Consumers declare their queues when they start; an event published before its queue exists
        // would be dropped by RabbitMQ, so on a first boot the producers start after their consumers.
        // Notifications is the exception: it calls Intake, so it starts after it; of Intake's events it takes
        // only CustomerErased, which a person's erasure request raises once everything is running.
        .WaitFor(routing).WaitFor(scoring);

    // Known once the application is built: the gateway's address goes into survey links, which customers open.
    DistributedApplication? built = null;

    var notifications = builder.AddProject(ResourceNames.Notifications, "services/Quality.Notifications/Quality.Notifications.csproj")
        .WithReference(notificationsDb).WithReference(rabbit).WithReference(intake)
        // Quiet hours on a business calendar ask Routing; Intake already starts after Routing, so Notifications does too.
        .WithReference(routing)
        .WaitFor(notificationsDb).WaitFor(intake).WaitFor(rabbit)
        .WithEnvironment("Auth__SigningKey", signingKey)
        .WithEnvironment("Notifications__Surveys__LinkKey", surveyLinkKey)
        // Customers answer through the public entry, not Intake's own port (resolved before anything starts); left
        // empty when --only leaves the gateway out, Notifications links to Intake itself.
        .WithEnvironment("Notifications__Surveys__LinkBaseUrl", () => built!.Has(ResourceNames.Gateway)
            ? built.GetEndpoint(ResourceNames.Gateway, ResourceNames.HttpEndpoint).ToString()
            : "")
        // On one machine the webhook receivers people try are local; a real deployment leaves this off.
        .WithEnvironment("Notifications__Webhooks__AllowPrivateNetworks", "true");

    // The dashboard people sign in to. Its first admin's password is a secret in the data directory; the app
    // is given only its hash.
    var webAdminPassword = builder.AddSecret(WebAccess.AdminPasswordSecret, bytes: 18);
    var web = builder.AddProject(ResourceNames.Web, "services/Quality.Web/Quality.Web.csproj")
        // Intake for the feedback view's counts and newest items.
        .WithReference(scoring).WithReference(routing).WithReference(notifications).WithReference(intake)
        .WaitFor(scoring).WaitFor(routing).WaitFor(notifications).WaitFor(intake)
        .WithEnvironment("Auth__SigningKey", signingKey)
        .WithEnvironment("Web__Users__0__Name", WebAccess.AdminName)
        .WithEnvironment("Web__Users__0__Role", Roles.Admin)
        .WithEnvironment("Web__Users__0__PasswordHash", () => WebAccess.HashPassword(webAdminPassword.Value));

    // The one public entry, for people and channels alike: the dashboard and every service's HTTP API, never gRPC.
    builder.AddProject(ResourceNames.Gateway, "services/Quality.Gateway/Quality.Gateway.csproj")
        .WithReference(intake).WithReference(routing).WithReference(scoring).WithReference(notifications).WithReference(web)
        .WaitFor(intake).WaitFor(web)
        .WithEnvironment("Auth__SigningKey", signingKey);

    builder.AddDemo(demo, signingKey, intake, routing, scoring, notifications, web);

    await using var app = builder.Build();
    built = app;
    await app.RunAsync(afterStart: () => WebAccess.Describe(app, webAdminPassword) + DemoMode.Describe(app, demo) + DevelopmentAccess.Write(app, signingKey));
    return 0;
}
catch (HostingException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
