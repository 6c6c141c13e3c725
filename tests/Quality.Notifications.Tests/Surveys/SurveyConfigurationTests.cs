using Microsoft.AspNetCore.Hosting;
using Quality.Notifications.Tests.Infrastructure;

namespace Quality.Notifications.Tests.Surveys;

/// <summary>The service as Program.cs builds it refuses to start on a bad survey configuration, saying what to fix.</summary>
public sealed class SurveyConfigurationTests(NotificationsServers servers)
{
    [Fact]
    public async Task A_short_key_and_an_unusable_intake_address_stop_the_service_at_start()
    {
        await using var bad = servers.Notifications.WithWebHostBuilder(b =>
        {
            b.UseSetting("Notifications:Surveys:LinkKey", Convert.ToBase64String(new byte[16]));
            // No address of its own: it falls back to Intake's discovered one, which is no web address here.
            b.UseSetting("Notifications:Surveys:LinkBaseUrl", "");
            b.UseSetting("services:intake:http:0", "ftp://intake.internal");
        });

        var failure = Assert.ThrowsAny<Exception>(() => bad.Server);

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("Configuration value 'Notifications:Surveys:LinkKey' is invalid: it decodes to 16 bytes; at least 32 are required.", messages);
        Assert.Contains("Configuration value 'Notifications:Surveys:LinkBaseUrl' is invalid: 'ftp://intake.internal' is not an absolute http(s) address without a query.", messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        var inner = e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var child in inner.SelectMany(Flatten))
        {
            yield return child;
        }
    }
}
