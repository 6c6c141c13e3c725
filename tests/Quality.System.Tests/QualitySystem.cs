using System.Net.Http.Headers;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

[assembly: AssemblyFixture(typeof(Quality.SystemTests.QualitySystem))]

namespace Quality.SystemTests;

/// <summary>
/// The whole system as the AppHost runs it: PostgreSQL, Redis, RabbitMQ and the four services, started
/// once for the test assembly by our orchestrator in a throw-away data directory.
/// </summary>
public sealed class QualitySystem : IAsyncLifetime
{
    private DistributedApplication? _app;
    private Secret? _signingKey;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>The mail server Notifications sends to: survey invitations and email alerts land here.</summary>
    public SmtpTestServer Smtp { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        _signingKey = builder.AddSecret("auth-signing-key", bytes: 32);

        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var redis = builder.AddRedis(ResourceNames.Redis);
        var rabbit = builder.AddRabbitMQ(ResourceNames.RabbitMQ);

        var scoring = AddService(builder, ResourceNames.Scoring, postgres.AddDatabase(ResourceNames.ScoringDb), redis, rabbit)
            .WithReference(redis).WaitFor(redis);
        var routing = AddService(builder, ResourceNames.Routing, postgres.AddDatabase(ResourceNames.RoutingDb), redis, rabbit)
            .WithReference(scoring);
        var surveyLinkKey = builder.AddSecret("survey-link-key", bytes: 32);
        var intake = AddService(builder, ResourceNames.Intake, postgres.AddDatabase(ResourceNames.IntakeDb), redis, rabbit)
            .WithEnvironment("Intake__Pii__ActiveKeyId", "k1")
            .WithEnvironment("Intake__Pii__Keys__k1", builder.AddSecret("intake-pii-key", bytes: 32))
            .WithEnvironment("Intake__Pii__LookupKey", builder.AddSecret("intake-pii-lookup-key", bytes: 32))
            .WithEnvironment("Intake__Surveys__LinkKey", surveyLinkKey)
            .WaitFor(routing).WaitFor(scoring);
        // As the AppHost wires it: Notifications calls Intake, so it starts after it.
        AddService(builder, ResourceNames.Notifications, postgres.AddDatabase(ResourceNames.NotificationsDb), redis, rabbit)
            .WithReference(intake).WaitFor(intake).WithReference(routing)
            .WithEnvironment("Notifications__Surveys__LinkKey", surveyLinkKey)
            .WithEnvironment("Notifications__Surveys__Delay", "00:00:01")
            .WithEnvironment("Notifications__Surveys__PollInterval", "00:00:00.500")
            .WithEnvironment("Notifications__Smtp__Host", "127.0.0.1")
            .WithEnvironment("Notifications__Smtp__Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Notifications__Smtp__Security", "None")
            .WithEnvironment("Notifications__Smtp__FromAddress", "Quality <quality@example.com>");

        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    private IResourceBuilder<ProjectResource> AddService(
        DistributedApplicationBuilder builder, string name, IResourceBuilder<PostgresDatabaseResource> database,
        IResourceBuilder<RedisResource> redis, IResourceBuilder<RabbitMQResource> rabbit)
    {
        var directory = "Quality." + char.ToUpperInvariant(name[0]) + name[1..];
        return builder.AddProject(name, $"services/{directory}/{directory}.csproj")
            .WithReference(database).WithReference(rabbit).WithReference(redis)
            .WaitFor(database).WaitFor(rabbit)
            .WithEnvironment("Auth__SigningKey", _signingKey!);
    }

    /// <summary>An HTTP client for a service's people-facing endpoint, signed in with the given role.</summary>
    public HttpClient HttpClient(string service, string? role = Roles.Admin, string? team = null)
    {
        var client = new HttpClient { BaseAddress = App.GetEndpoint(service, ResourceNames.HttpEndpoint) };
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, team));
        }

        return client;
    }

    public string Token(string role, string? team = null) =>
        TokenFactory.Create(new AuthOptions { SigningKey = _signingKey!.Value }, $"test-{role}", role, team);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
