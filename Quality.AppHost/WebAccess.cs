using Microsoft.AspNetCore.Identity;
using Quality.Contracts;
using Quality.Hosting;

namespace Quality.AppHost;

/// <summary>The dashboard's first admin: a generated password kept in the data directory, and how to sign in.</summary>
internal static class WebAccess
{
    public const string AdminName = "admin";
    public const string AdminPasswordSecret = "web-admin-password";

    /// <summary>ASP.NET Core Identity's format, which the web app verifies (<c>Web:Users:N:PasswordHash</c>).</summary>
    public static string HashPassword(string password) => new PasswordHasher<object>().HashPassword(AdminName, password);

    /// <summary>How to sign in; nothing when <c>--only</c> left the dashboard or the gateway out.</summary>
    public static string Describe(DistributedApplication app, Secret adminPassword) => !app.Has(ResourceNames.Gateway) || !app.Has(ResourceNames.Web) ? "" :
        $"""

        Open {app.GetUrl(ResourceNames.Gateway, ResourceNames.HttpEndpoint)}  (the gateway: the one public entry, dashboard and APIs)
          sign in as '{AdminName}' with the password in {Path.Combine(app.DataDirectory, "secrets", adminPassword.Name)}
          (print it with cat; add people under Web:Users, see the README's "Web dashboard")
          the dashboard's own address, behind the gateway: {app.GetUrl(ResourceNames.Web, ResourceNames.HttpEndpoint)}

        """;
}
