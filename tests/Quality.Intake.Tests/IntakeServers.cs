using System.Net.Http.Headers;
using System.Security.Cryptography;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

[assembly: AssemblyFixture(typeof(Quality.Intake.Tests.IntakeServers))]

namespace Quality.Intake.Tests;

/// <summary>
/// Real PostgreSQL and RabbitMQ started once for the test assembly by our own orchestrator, and the Intake
/// service on an in-memory HTTP server wired to them. Tests use unique external ids, so they share data.
/// </summary>
public sealed class IntakeServers : IAsyncLifetime
{
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private DistributedApplication? _servers;
    private WebApplicationFactory<Program>? _intake;

    public string DatabaseConnectionString => _servers!.GetConnectionString(ResourceNames.IntakeDb);

    /// <summary>Two review sources shaped differently: Google-style nested words, and a flat 0–10 score with Unix times.</summary>
    internal static readonly Dictionary<string, string?> ReviewSources = new()
    {
        ["Intake:ReviewSources:google:ExternalId"] = "$.review.reviewId",
        ["Intake:ReviewSources:google:Text"] = "$.review.comment",
        ["Intake:ReviewSources:google:Rating"] = "$.review.starRating",
        ["Intake:ReviewSources:google:RatingScale:Min"] = "1",
        ["Intake:ReviewSources:google:RatingScale:Max"] = "5",
        ["Intake:ReviewSources:google:RatingScale:ComplaintAtOrBelow"] = "2",
        ["Intake:ReviewSources:google:RatingScale:Values:ONE"] = "1",
        ["Intake:ReviewSources:google:RatingScale:Values:TWO"] = "2",
        ["Intake:ReviewSources:google:RatingScale:Values:THREE"] = "3",
        ["Intake:ReviewSources:google:RatingScale:Values:FOUR"] = "4",
        ["Intake:ReviewSources:google:RatingScale:Values:FIVE"] = "5",
        ["Intake:ReviewSources:google:Author"] = "$.review.reviewer.displayName",
        ["Intake:ReviewSources:google:CreatedAt"] = "$.review.createTime",
        ["Intake:ReviewSources:hotel-site:ExternalId"] = "$.data.id",
        ["Intake:ReviewSources:hotel-site:Text"] = "$.data.texts[0]['body text']",
        ["Intake:ReviewSources:hotel-site:Rating"] = "$.data.score",
        ["Intake:ReviewSources:hotel-site:RatingScale:Min"] = "0",
        ["Intake:ReviewSources:hotel-site:RatingScale:Max"] = "10",
        ["Intake:ReviewSources:hotel-site:RatingScale:ComplaintAtOrBelow"] = "4",
        ["Intake:ReviewSources:hotel-site:CreatedAt"] = "$.data.ts",
        ["Intake:ReviewSources:hotel-site:Language"] = "$.data.lang",
    };

    /// <summary>Two encryption keys, "k1" active, so rotation can be tested by starting a host with "k2" active.</summary>
    public static readonly Dictionary<string, string?> PiiKeys = new()
    {
        ["Intake:Pii:ActiveKeyId"] = "k1",
        ["Intake:Pii:Keys:k1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Intake:Pii:Keys:k2"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Intake:Pii:LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    /// <summary>The survey link keys Notifications would sign with: the current one and the one before a rotation.</summary>
    public static readonly byte[] SurveyLinkKey = RandomNumberGenerator.GetBytes(32);

    public static readonly byte[] PreviousSurveyLinkKey = RandomNumberGenerator.GetBytes(32);

    /// <summary>The in-memory server gives every request the same (no) client address, so all tests share one budget.</summary>
    private static readonly Dictionary<string, string?> SurveyLinks = new()
    {
        ["Intake:Surveys:LinkKey"] = Convert.ToBase64String(SurveyLinkKey),
        ["Intake:Surveys:PreviousLinkKey"] = Convert.ToBase64String(PreviousSurveyLinkKey),
        ["Intake:Surveys:PermitsPerMinute"] = "100000",
    };

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { UseTemporaryDataDirectory = true });
        builder.AddPostgres(ResourceNames.Postgres).AddDatabase(ResourceNames.IntakeDb);
        builder.AddRabbitMQ(ResourceNames.RabbitMQ);
        _servers = builder.Build();
        await _servers.StartAsync(TestContext.Current.CancellationToken);

        _intake = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web
            .UseEnvironment("Production")
            .UseSetting($"ConnectionStrings:{ResourceNames.IntakeDb}", DatabaseConnectionString)
            .UseSetting($"ConnectionStrings:{ResourceNames.RabbitMQ}", _servers.GetConnectionString(ResourceNames.RabbitMQ))
            .UseSetting("Auth:SigningKey", SigningKey)
            .ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(ReviewSources).AddInMemoryCollection(PiiKeys).AddInMemoryCollection(SurveyLinks)));
        // Starting the host applies the migrations and connects the bus once, before the first test.
        _intake.CreateClient().Dispose();
    }

    /// <summary>A client signed in as a person with <paramref name="role"/>, or anonymous when null.</summary>
    public HttpClient Client(string? role = Roles.Admin, string? team = null)
    {
        var client = _intake!.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, team));
        }

        return client;
    }

    /// <summary>A second Intake on the same database with some settings changed (e.g. another active key); dispose it after.</summary>
    public WebApplicationFactory<Program> WithSettings(IReadOnlyDictionary<string, string?> settings) =>
        _intake!.WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings)));

    /// <summary>A gRPC channel to the in-memory server (HTTP/2 with trailers, as a real gRPC client speaks).</summary>
    public GrpcChannel OpenGrpcChannel() =>
        GrpcChannel.ForAddress(_intake!.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _intake.Server.CreateHandler() });

    /// <summary>A client that authenticates as a channel with its API key only.</summary>
    public HttpClient ClientWithKey(string apiKey)
    {
        var client = _intake!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static string Token(string role, string? team = null) =>
        TokenFactory.Create(new AuthOptions { SigningKey = SigningKey }, $"test-{role}", role, team);

    /// <summary>A token another Quality service mints for its calls (role "service"), as Notifications does.</summary>
    public static string ServiceToken(string service = "notifications") =>
        TokenFactory.CreateForService(new AuthOptions { SigningKey = SigningKey }, service, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

    public async Task<NpgsqlConnection> OpenDatabaseAsync()
    {
        var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_intake is not null)
        {
            await _intake.DisposeAsync();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
