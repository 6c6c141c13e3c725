using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using Quality.Contracts;

namespace Quality.Intake.Tests.Features.ClassifierModels;

/// <summary>
/// An Intake host on a database of its own: activating a model changes how every item is classified, so these
/// tests must not share a database (and an active model) with the rest of the suite.
/// </summary>
public sealed class ClassifierHost(IntakeServers servers) : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _intake;
    private string? _connectionString;

    public async ValueTask InitializeAsync()
    {
        var shared = new NpgsqlConnectionStringBuilder(servers.DatabaseConnectionString);
        var own = new NpgsqlConnectionStringBuilder(servers.DatabaseConnectionString) { Database = $"{shared.Database}_classifier" };
        await using (var connection = await servers.OpenDatabaseAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{own.Database}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _connectionString = own.ConnectionString;
        // Host settings, like the shared host's connection string: app configuration would not override it.
        _intake = servers.WithSettings(new Dictionary<string, string?>()).WithWebHostBuilder(web => web
            .UseSetting($"ConnectionStrings:{ResourceNames.IntakeDb}", own.ConnectionString)
            .UseSetting("Classifier:TrainingPollInterval", "00:00:00.200")
            .UseSetting("Classifier:ModelRefreshInterval", "00:00:00.200"));
        _intake.CreateClient().Dispose();
    }

    public HttpClient Client(string? role = Quality.ServiceDefaults.Authentication.Roles.QualityManager)
    {
        var client = _intake!.CreateClient();
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", IntakeServers.Token(role));
        }

        return client;
    }

    /// <summary>What the classifier said about an item, read from the row as stored.</summary>
    public async Task<string[]> EvidenceAsync(Guid feedbackId)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("SELECT evidence FROM feedback WHERE id = @id", connection);
        query.Parameters.AddWithValue("id", feedbackId);
        return (string[])(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_intake is not null)
        {
            await _intake.DisposeAsync();
        }
    }
}
