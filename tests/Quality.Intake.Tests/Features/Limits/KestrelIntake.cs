using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Quality.Intake.Tests.Features.Limits;

/// <summary>
/// Intake on a real Kestrel server (loopback, dynamic port): body limits are Kestrel's, which the in-memory
/// test server does not enforce. Batch, email and import limits are lowered so the tests send kilobytes, not
/// megabytes; JSON and transcript limits keep their defaults, so the largest valid requests are tried against them.
/// </summary>
public sealed class KestrelIntake(IntakeServers servers) : IAsyncLifetime
{
    public const long BatchBytes = 64 * 1024;
    public const long EmailBytes = 64 * 1024;
    public const long ImportBytes = 64 * 1024;

    private WebApplicationFactory<Program>? _factory;

    public ValueTask InitializeAsync()
    {
        _factory = servers.WithSettings(new Dictionary<string, string?>
        {
            ["Intake:Limits:BatchBytes"] = $"{BatchBytes}",
            ["Intake:Limits:EmailBytes"] = $"{EmailBytes}",
            ["Intake:Import:MaxUploadBytes"] = $"{ImportBytes}",
        });
        // Any free loopback port: UseKestrel(0) leaves Kestrel on its default 5000, which another test run may hold.
        _factory.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _factory.StartServer();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// A client that sends <c>Expect: 100-continue</c>, as curl and well-behaved uploaders do for large bodies: a
    /// body refused on its declared length is then never sent. Without it the server's early 413 races the
    /// upload, and the client may see the connection reset instead of the answer.
    /// </summary>
    public HttpClient Client()
    {
        using var probe = _factory!.CreateClient();
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = probe.BaseAddress };
        client.DefaultRequestHeaders.ExpectContinue = true;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeServers.Token("admin"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
