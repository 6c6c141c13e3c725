using System.Net.Http.Headers;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Testing;

/// <summary>
/// The whole system declared as the AppHost declares it (PostgreSQL, Redis, RabbitMQ and the four services,
/// wired and started in the same order), for test assemblies that run it on real servers in a throw-away data
/// directory. A fixture adds what its tests need (a mail server, the web dashboard) before it builds.
/// </summary>
public sealed class SystemUnderTest
{
    private SystemUnderTest(DistributedApplicationBuilder builder)
    {
        Builder = builder;
        SigningKey = builder.AddSecret("auth-signing-key", bytes: 32);
        SurveyLinkKey = builder.AddSecret("survey-link-key", bytes: 32);

        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        Redis = builder.AddRedis(ResourceNames.Redis);
        RabbitMQ = builder.AddRabbitMQ(ResourceNames.RabbitMQ);

        Scoring = AddService(ResourceNames.Scoring, postgres.AddDatabase(ResourceNames.ScoringDb)).WaitFor(Redis);
        Routing = AddService(ResourceNames.Routing, postgres.AddDatabase(ResourceNames.RoutingDb)).WithReference(Scoring);
        Intake = AddService(ResourceNames.Intake, postgres.AddDatabase(ResourceNames.IntakeDb))
            .WithEnvironment("Intake__Pii__ActiveKeyId", "k1")
            .WithEnvironment("Intake__Pii__Keys__k1", builder.AddSecret("intake-pii-key", bytes: 32))
            .WithEnvironment("Intake__Pii__LookupKey", builder.AddSecret("intake-pii-lookup-key", bytes: 32))
            .WithEnvironment("Intake__Surveys__LinkKey", SurveyLinkKey)
            .WaitFor(Routing).WaitFor(Scoring);
        // As the AppHost wires it: Notifications calls Intake, so it starts after it.
        Notifications = AddService(ResourceNames.Notifications, postgres.AddDatabase(ResourceNames.NotificationsDb))
            .WithReference(Intake).WaitFor(Intake).WithReference(Routing)
            .WithEnvironment("Notifications__Surveys__LinkKey", SurveyLinkKey);
    }

    public DistributedApplicationBuilder Builder { get; }

    public Secret SigningKey { get; }

    public Secret SurveyLinkKey { get; }

    public IResourceBuilder<RedisResource> Redis { get; }

    public IResourceBuilder<RabbitMQResource> RabbitMQ { get; }

    public IResourceBuilder<ProjectResource> Scoring { get; }

    public IResourceBuilder<ProjectResource> Routing { get; }

    public IResourceBuilder<ProjectResource> Intake { get; }

    public IResourceBuilder<ProjectResource> Notifications { get; }

    /// <summary>Declares the system on a new builder whose data directory is deleted when it stops.</summary>
    public static SystemUnderTest Declare() =>
        new(DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true }));

    /// <summary>A person's token signed with the system's key; after start.</summary>
    public string Token(string role, string? team = null, string? subject = null) =>
        TokenFactory.Create(new AuthOptions { SigningKey = SigningKey.Value }, subject ?? $"test-{role}", role, team);

    /// <summary>An HTTP client for a service's people-facing endpoint, signed in with the given role (none: anonymous).</summary>
    public HttpClient HttpClient(DistributedApplication app, string service, string? role = Roles.Admin, string? team = null)
    {
        var client = new HttpClient { BaseAddress = app.GetEndpoint(service, ResourceNames.HttpEndpoint) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, team));
        }

        return client;
    }

    private IResourceBuilder<ProjectResource> AddService(string name, IResourceBuilder<PostgresDatabaseResource> database)
    {
        var directory = "Quality." + char.ToUpperInvariant(name[0]) + name[1..];
        return Builder.AddProject(name, $"services/{directory}/{directory}.csproj")
            .WithReference(database).WithReference(RabbitMQ).WithReference(Redis)
            .WaitFor(database).WaitFor(RabbitMQ)
            .WithEnvironment("Auth__SigningKey", SigningKey);
    }
}
