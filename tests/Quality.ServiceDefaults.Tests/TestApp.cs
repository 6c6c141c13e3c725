using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Quality.ServiceDefaults.Tests;

/// <summary>A service with the defaults on an in-memory server, configured per test.</summary>
internal static class TestApp
{
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static WebApplicationBuilder CreateBuilder(Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["Auth:SigningKey"] = SigningKey });
        builder.AddServiceDefaults();
        return builder;
    }
}
