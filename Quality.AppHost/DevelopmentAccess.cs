using Quality.Contracts;
using Quality.Hosting;
using Quality.ServiceDefaults.Authentication;

namespace Quality.AppHost;

/// <summary>
/// On a development machine, writes <c>&lt;data&gt;/quality.env</c> with every service's URL and an admin token
/// signed with the system's key, so a newcomer can call the APIs with curl straight away; and the broker's and
/// database server's connection strings for the load generator.
/// </summary>
internal static class DevelopmentAccess
{
    private static readonly string[] Services = [ResourceNames.Intake, ResourceNames.Routing, ResourceNames.Scoring, ResourceNames.Notifications, ResourceNames.Web];

    public static string Write(DistributedApplication app, Secret signingKey)
    {
        if (app.Options.EnvironmentName != "Development")
        {
            return "";
        }

        var token = TokenFactory.Create(new AuthOptions { SigningKey = signingKey.Value }, "local-admin", Roles.Admin, lifetime: TimeSpan.FromDays(1));
        var lines = new List<string> { Assignment("QUALITY_TOKEN", token) };
        var gateway = app.Has(ResourceNames.Gateway);
        if (gateway)
        {
            lines.Add(Assignment("GATEWAY_URL", app.GetUrl(ResourceNames.Gateway, ResourceNames.HttpEndpoint)));
        }

        // --only may leave some out: their variables are then absent rather than pointing nowhere.
        foreach (var service in Services.Where(app.Has))
        {
            lines.Add(Assignment($"{service.ToUpperInvariant()}_URL", app.GetUrl(service, ResourceNames.HttpEndpoint)));
            lines.Add(Assignment($"{service.ToUpperInvariant()}_GRPC", app.GetUrl(service, ResourceNames.GrpcEndpoint)));
        }

        // The load generator (bench/Quality.LoadGenerator) measures the broker and the database server directly.
        foreach (var (variable, server) in new[] { ("RABBITMQ_URI", ResourceNames.RabbitMQ), ("POSTGRES_CONNECTION", ResourceNames.Postgres) })
        {
            if (app.Has(server))
            {
                lines.Add(Assignment(variable, app.GetConnectionString(server)));
            }
        }

        var path = Path.Combine(app.DataDirectory, "quality.env");
        File.WriteAllLines(path, lines);
        if (!OperatingSystem.IsWindows())
        {
            // It holds an admin token: readable by its owner only.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (!gateway)
        {
            return $"\n  The services' URLs and an admin token (valid for a day) are in {path}\n";
        }

        return $$"""

            Try it (an admin token valid for a day and every URL are in {{path}}):
              set -a; . {{path}}; set +a
              curl -s -H "Authorization: Bearer $QUALITY_TOKEN" -H 'Content-Type: application/json' \
                -d '{"externalId":"demo-1","text":"送餐太慢了，饭菜都凉了，非常失望"}' "$GATEWAY_URL/api/feedback"
              curl -s -H "Authorization: Bearer $QUALITY_TOKEN" "$GATEWAY_URL/api/cases"
            """;
    }

    /// <summary>
    /// A <c>NAME='value'</c> line that a POSIX shell sourcing the file reads back exactly (the database connection
    /// string's <c>;</c> would otherwise end the assignment there), and that the benchmarks' reader unquotes the same way.
    /// </summary>
    internal static string Assignment(string name, string value) => $"{name}='{value.Replace("'", @"'\''", StringComparison.Ordinal)}'";
}
