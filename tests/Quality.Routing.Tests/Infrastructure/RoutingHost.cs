using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Quality.Contracts;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Routing.Tests.Infrastructure;

/// <summary>One Routing replica, as Program.cs builds it, on real PostgreSQL and RabbitMQ.</summary>
public sealed class RoutingHost(string database, string broker, string signingKey) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RoutingDb}", database);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMQ}", broker);
        builder.UseSetting("Auth:SigningKey", signingKey);
        builder.UseSetting("Routing:Queue:SweepInterval", "00:00:01");
        // Complaints a test publishes together are, on a busy machine too, almost always taken as one batch.
        builder.UseSetting("Routing:Complaints:TimeLimit", "00:00:00.200");
    }

    /// <summary>An HTTP/JSON client (the transcoded gRPC API) signed in as <paramref name="subject"/>.</summary>
    public HttpClient ClientFor(string subject, string role, string? team = null)
    {
        var client = CreateClient();
        var token = TokenFactory.Create(new AuthOptions { SigningKey = signingKey }, subject, role, team);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => ClientFor("admin-1", Roles.Admin);
}
