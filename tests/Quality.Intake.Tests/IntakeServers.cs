using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <summary>The configured Intake host, for tests that need one with different settings.</summary>
    public WebApplicationFactory<Program> Factory => _intake!;

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
            .UseSetting("Auth:SigningKey", SigningKey));
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

    /// <summary>A client that authenticates as a channel with its API key only.</summary>
    public HttpClient ClientWithKey(string apiKey)
    {
        var client = _intake!.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static string Token(string role, string? team = null) =>
        TokenFactory.Create(new AuthOptions { SigningKey = SigningKey }, $"test-{role}", role, team);

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
