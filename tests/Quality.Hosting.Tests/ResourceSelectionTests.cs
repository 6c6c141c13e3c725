namespace Quality.Hosting.Tests;

/// <summary><c>--only</c>: the named resources, what they reference and the servers under them; nothing else is started.</summary>
public sealed class ResourceSelectionTests
{
    [Fact]
    public void Only_a_service_keeps_its_servers_and_drops_a_wait_on_a_service_left_out()
    {
        var (app, declared) = SystemShapedLike_the_AppHost("--only", "routing");

        Assert.Equal(["postgres", "routingdb", "rabbitmq-epmd", "rabbitmq", "routing"], app.Resources.Select(r => r.Name));
        Assert.False(app.Has("scoring"));
        // Routing waits for Scoring on a full start (Scoring's queues first); left out, it is not waited for.
        Assert.Equal(["routingdb", "rabbitmq"], Waits(declared, "routing"));
    }

    [Fact]
    public void A_service_that_calls_another_brings_it_and_what_that_one_needs()
    {
        var (app, declared) = SystemShapedLike_the_AppHost("--only=notifications");

        Assert.Equal(
            ["postgres", "intakedb", "routingdb", "notificationsdb", "rabbitmq-epmd", "rabbitmq", "routing", "intake", "notifications"],
            app.Resources.Select(r => r.Name));
        Assert.Equal(["intakedb", "routing"], Waits(declared, "intake"));
    }

    [Fact]
    public void Without_only_every_resource_and_wait_stays()
    {
        var (app, declared) = SystemShapedLike_the_AppHost();

        Assert.Equal(12, app.Resources.Count);
        Assert.True(app.Has("scoring"));
        Assert.Equal(["routingdb", "rabbitmq", "scoring"], Waits(declared, "routing"));
    }

    [Theory]
    [InlineData("--only", "routing,billing", "--only names billing, which the AppHost does not declare; it declares postgres, intakedb")]
    [InlineData("--only", " , ", "--only needs at least one resource name")]
    public void A_bad_selection_names_the_problem(string option, string value, string message)
    {
        var e = Assert.Throws<HostingException>(() => SystemShapedLike_the_AppHost(option, value));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    private static string[] Waits(IReadOnlyList<Resource> declared, string name) =>
        [.. declared.Single(r => r.Name == name).WaitsFor.Select(r => r.Name)];

    /// <summary>The AppHost's servers, databases, references and waits, built but not started; and every resource declared.</summary>
    private static (DistributedApplication App, IReadOnlyList<Resource> Declared) SystemShapedLike_the_AppHost(params string[] args)
    {
        var builder = TestApps.Builder(o => o.Args = args);
        var postgres = builder.AddPostgres("postgres");
        var intakeDb = postgres.AddDatabase("intakedb");
        var routingDb = postgres.AddDatabase("routingdb");
        var scoringDb = postgres.AddDatabase("scoringdb");
        var notificationsDb = postgres.AddDatabase("notificationsdb");
        var redis = builder.AddRedis("redis");
        var rabbit = builder.AddRabbitMQ("rabbitmq");
        var scoring = builder.AddProject("scoring", "services/Quality.Scoring/Quality.Scoring.csproj")
            .WithReference(scoringDb).WithReference(redis).WithReference(rabbit).WaitFor(scoringDb).WaitFor(redis).WaitFor(rabbit);
        var routing = builder.AddProject("routing", "services/Quality.Routing/Quality.Routing.csproj")
            .WithReference(routingDb).WithReference(rabbit).WaitFor(routingDb).WaitFor(rabbit).WaitFor(scoring);
        var intake = builder.AddProject("intake", "services/Quality.Intake/Quality.Intake.csproj")
            .WithReference(intakeDb).WithReference(rabbit).WaitFor(intakeDb).WaitFor(routing).WaitFor(scoring);
        builder.AddProject("notifications", "services/Quality.Notifications/Quality.Notifications.csproj")
            .WithReference(notificationsDb).WithReference(rabbit).WithReference(intake).WithReference(routing).WaitFor(intake);
        return (builder.Build(), builder.Resources);
    }
}
