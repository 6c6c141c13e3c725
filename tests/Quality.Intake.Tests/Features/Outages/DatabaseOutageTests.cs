using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Npgsql;
using Quality.Contracts;
using Quality.Intake.Grpc;
using Quality.Intake.Tests.Features.Search;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Intake.Tests.Features.Outages;

/// <summary>
/// An Intake of its own reaches the real PostgreSQL through a link the test can cut, so only its connections break.
/// While the database cannot be reached a request is the service's trouble, not the caller's: 503 with Retry-After
/// (UNAVAILABLE over gRPC, which Quality's clients retry), never a 500 that reads like a bug.
/// </summary>
public sealed class DatabaseOutageTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_database_is_cut_off_requests_answer_503_with_retry_after_and_work_again_once_it_is_back()
    {
        var database = new NpgsqlConnectionStringBuilder(servers.DatabaseConnectionString);
        await using var link = new SeverableLink(new IPEndPoint(IPAddress.Parse(database.Host!), database.Port));
        database.Port = link.Port;
        // A host setting, not app configuration: the service reads its connection string while it is being built.
        await using var intake = servers.WithSettings(new Dictionary<string, string?>())
            .WithWebHostBuilder(web => web.UseSetting($"ConnectionStrings:{ResourceNames.IntakeDb}", database.ConnectionString));
        var token = IntakeServers.Token(Roles.Supervisor);
        using var http = intake.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var channel = GrpcChannel.ForAddress(intake.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = intake.Server.CreateHandler() });
        var grpc = new IntakeGrpcClient(channel, token);

        // Connections are pooled before the cut, so the first request after it meets a broken one.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/feedback", Cancellation)).StatusCode);
        link.Sever();

        var during = await http.GetAsync("/api/feedback", Cancellation);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal("application/problem+json", during.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(2), during.Headers.RetryAfter?.Delta);
        var problem = JsonDocument.Parse(await during.Content.ReadAsStringAsync(Cancellation)).RootElement;
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("try again", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Npgsql", problem.GetRawText());

        var rpc = await Assert.ThrowsAsync<RpcException>(() => grpc.ListFeedbackAsync(new ListFeedbackRequest()));
        Assert.Equal(StatusCode.Unavailable, rpc.StatusCode);

        link.Restore();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/feedback", Cancellation)).StatusCode);
        Assert.NotNull(await grpc.ListFeedbackAsync(new ListFeedbackRequest()));
    }
}
