using System.Text.RegularExpressions;
using Quality.Contracts;

namespace Quality.Gateway.Tests;

/// <summary>
/// Every public HTTP path of every service, with the service that owns it: the <c>google.api.http</c> annotations
/// read from contracts/protos (so a new transcoded method is checked without touching this file), and the minimal
/// API maps of each service's <c>Features/*/…Endpoints.cs</c>, which live in code and are listed here.
/// </summary>
public static partial class DocumentedPaths
{
    /// <summary>Minimal API endpoints, as mapped in the services (route parameters filled in).</summary>
    private static readonly (string Service, string Method, string Path)[] MinimalApis =
    [
        (ResourceNames.Intake, "POST", "/api/feedback"),
        (ResourceNames.Intake, "POST", "/api/feedback/batch"),
        (ResourceNames.Intake, "POST", "/api/feedback/{id}/reclassify"),
        (ResourceNames.Intake, "GET", "/api/feedback/{id}/reclassifications"),
        (ResourceNames.Intake, "POST", "/api/webhooks/reviews/{source}"),
        (ResourceNames.Intake, "POST", "/api/classifier/examples"),
        (ResourceNames.Intake, "DELETE", "/api/classifier/examples"),
        (ResourceNames.Intake, "POST", "/api/classifier/models"),
        (ResourceNames.Intake, "GET", "/api/classifier/models"),
        (ResourceNames.Intake, "GET", "/api/classifier/models/{id}"),
        (ResourceNames.Intake, "GET", "/api/classifier/active-model"),
        (ResourceNames.Intake, "PUT", "/api/classifier/active-model"),
        (ResourceNames.Intake, "DELETE", "/api/classifier/active-model"),
        (ResourceNames.Intake, "POST", "/api/admin/api-keys"),
        (ResourceNames.Intake, "GET", "/api/admin/api-keys"),
        (ResourceNames.Intake, "GET", "/api/admin/api-keys/{id}"),
        (ResourceNames.Intake, "DELETE", "/api/admin/api-keys/{id}"),
        (ResourceNames.Intake, "POST", "/api/admin/customer-erasures"),
        (ResourceNames.Intake, "POST", "/api/admin/pii/re-encrypt"),
        (ResourceNames.Intake, "POST", "/api/imports"),
        (ResourceNames.Intake, "GET", "/api/imports/{id}"),
        (ResourceNames.Intake, "GET", "/api/imports/{id}/rejections"),
        (ResourceNames.Intake, "POST", "/api/surveys"),
        (ResourceNames.Intake, "GET", "/surveys/answer"),
        (ResourceNames.Intake, "POST", "/surveys/answer"),
        (ResourceNames.Intake, "POST", "/api/surveys/answer"),
        (ResourceNames.Intake, "POST", "/api/transcripts/call"),
        (ResourceNames.Intake, "POST", "/api/transcripts/chat"),
        (ResourceNames.Intake, "POST", "/api/email"),
        (ResourceNames.Intake, "POST", "/api/email/inbound"),

        (ResourceNames.Scoring, "POST", "/api/qa/rubrics"),
        (ResourceNames.Scoring, "GET", "/api/qa/rubrics"),
        (ResourceNames.Scoring, "GET", "/api/qa/rubrics/{id}"),
        (ResourceNames.Scoring, "POST", "/api/qa/reviews"),
        (ResourceNames.Scoring, "GET", "/api/qa/reviews"),
        (ResourceNames.Scoring, "GET", "/api/qa/reviews/{id}"),
        (ResourceNames.Scoring, "POST", "/api/qa/reviews/{id}/dispute"),
        (ResourceNames.Scoring, "POST", "/api/qa/reviews/{id}/decision"),
        (ResourceNames.Scoring, "POST", "/api/qa/calibrations"),
        (ResourceNames.Scoring, "GET", "/api/qa/calibrations/{id}"),
        (ResourceNames.Scoring, "POST", "/api/goals"),
        (ResourceNames.Scoring, "GET", "/api/goals"),
        (ResourceNames.Scoring, "GET", "/api/goals/{id}"),
        (ResourceNames.Scoring, "DELETE", "/api/goals/{id}"),
        (ResourceNames.Scoring, "GET", "/api/scorecards/agents/{agentId}"),
        (ResourceNames.Scoring, "GET", "/api/scorecards/teams/{teamId}"),

        (ResourceNames.Notifications, "POST", "/api/rules"),
        (ResourceNames.Notifications, "GET", "/api/rules"),
        (ResourceNames.Notifications, "GET", "/api/rules/{id}"),
        (ResourceNames.Notifications, "DELETE", "/api/rules/{id}"),
        (ResourceNames.Notifications, "POST", "/api/alerts/{id}/acknowledge"),
        (ResourceNames.Notifications, "GET", "/api/surveys/invitations"),
        (ResourceNames.Notifications, "PUT", "/api/recipients/{address}/quiet-hours"),
        (ResourceNames.Notifications, "GET", "/api/recipients/{address}/quiet-hours"),
        (ResourceNames.Notifications, "DELETE", "/api/recipients/{address}/quiet-hours"),
        (ResourceNames.Notifications, "GET", "/api/deliveries"),
        (ResourceNames.Notifications, "GET", "/api/feed/stream"),
    ];

    public static IEnumerable<(string Service, string Method, string Path)> All() =>
        FromProtos().Concat(MinimalApis).Select(p => (p.Service, p.Method, Fill(p.Path)));

    /// <summary>The transcoded paths: each proto is named after its service (intake.proto → intake).</summary>
    public static IEnumerable<(string Service, string Method, string Path)> FromProtos()
    {
        var protos = Path.Combine(RepositoryRoot(), "contracts", "Quality.Contracts", "protos");
        foreach (var file in Directory.GetFiles(protos, "*.proto"))
        {
            var service = Path.GetFileNameWithoutExtension(file);
            foreach (Match match in HttpRule().Matches(File.ReadAllText(file)))
            {
                yield return (service, match.Groups["method"].Value.ToUpperInvariant(), match.Groups["path"].Value);
            }
        }
    }

    private static string Fill(string path) => RouteParameter().Replace(path, "0f8fad5b-d9cb-469f-a165-70867728950e");

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Quality.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Quality.slnx above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"\b(?<method>get|post|put|patch|delete)\s*:\s*""(?<path>/[^""]*)""")]
    private static partial Regex HttpRule();

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
