using Quality.Contracts;
using Quality.Hosting;
using Quality.Testing;

[assembly: AssemblyFixture(typeof(Quality.SystemTests.QualitySystem))]

// One system serves every test, and some kill its parts (the fault drills) or compare all its stored data before and
// after (the bad-input suite): one test at a time. A collection that disables parallelization was seen to overlap
// the others, so the whole assembly runs serially; the other test projects still run beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Quality.SystemTests;

/// <summary>
/// The whole system as the AppHost runs it (<see cref="SystemUnderTest"/>), started once for the test assembly,
/// with a mail server Notifications sends to and survey invitations sent at once.
/// </summary>
public sealed class QualitySystem : IAsyncLifetime
{
    private SystemUnderTest? _system;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>The mail server Notifications sends to: survey invitations and email alerts land here.</summary>
    public SmtpTestServer Smtp { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _system = SystemUnderTest.Declare();
        // Every test calls from 127.0.0.1, and the bad-input suite alone sends the anonymous survey-link endpoints more
        // than a customer's address may per minute: the limit itself is tested in Intake's tests.
        _system.Intake.WithEnvironment("Intake__Surveys__PermitsPerMinute", "100000");
        _system.Notifications
            .WithEnvironment("Notifications__Surveys__Delay", "00:00:01")
            .WithEnvironment("Notifications__Surveys__PollInterval", "00:00:00.500")
            .WithEnvironment("Notifications__Smtp__Host", "127.0.0.1")
            .WithEnvironment("Notifications__Smtp__Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("Notifications__Smtp__Security", "None")
            .WithEnvironment("Notifications__Smtp__FromAddress", "Quality <quality@example.com>");

        // The public entry, as the AppHost wires it (without the dashboard, which these tests do not start).
        _system.Builder.AddProject(ResourceNames.Gateway, "services/Quality.Gateway/Quality.Gateway.csproj")
            .WithReference(_system.Intake).WithReference(_system.Routing).WithReference(_system.Scoring).WithReference(_system.Notifications)
            .WaitFor(_system.Intake).WaitFor(_system.Notifications)
            .WithEnvironment("Auth__SigningKey", _system.SigningKey);

        _app = _system.Builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An HTTP client for a service's people-facing endpoint, signed in with the given role.</summary>
    public HttpClient HttpClient(string service, string? role = Quality.ServiceDefaults.Authentication.Roles.Admin, string? team = null) =>
        _system!.HttpClient(App, service, role, team);

    public string Token(string role, string? team = null) => _system!.Token(role, team);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Smtp.DisposeAsync();
    }
}
