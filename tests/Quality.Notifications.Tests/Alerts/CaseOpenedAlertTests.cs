using System.Text.Json;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Notifications.Tests.Alerts;

/// <summary>The built-in new-case alert, taken a batch at a time as Routing opens cases.</summary>
public sealed class CaseOpenedAlertTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cases_opened_in_a_burst_and_redelivered_raise_one_alert_each_and_reach_the_supervisors_feed_once_each()
    {
        var scenario = new Scenario(servers.Notifications);
        var supervisor = servers.Notifications.ClientFor("sup-" + scenario.Team, Roles.Supervisor, scenario.Team);
        // A missing announcement fails the test instead of waiting for ever.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        using var sse = await supervisor.GetAsync("/api/feed/stream", HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        await using var feed = await FeedStream.OpenAsync(sse, deadline.Token);
        Assert.Equal("ready", (await FeedStream.NextAsync(feed)).Type);
        var cases = Enumerable.Range(0, 30).Select(i => (MessageId: Guid.CreateVersion7(), Event: scenario.CaseOpened(priority: 1 + i % 4))).ToList();

        // Published twice back to back, so copies meet in one batch and in batches running side by side.
        await Task.WhenAll(cases.Concat(cases).Select(c => scenario.PublishAsync(c.Event, c.MessageId)));

        var announced = new List<JsonElement>();
        try
        {
            while (announced.Count < cases.Count)
            {
                var (type, data) = await FeedStream.NextAsync(feed);
                Assert.Equal("alert", type);
                announced.Add(data);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !Cancellation.IsCancellationRequested)
        {
            Assert.Fail($"{announced.Count} of {cases.Count} new-case alerts reached the feed within 60 s.");
        }

        Assert.Equivalent(cases.Select(c => c.Event.CaseId).ToArray(), announced.Select(a => a.GetProperty("caseId").GetGuid()).ToArray());
        foreach (var (_, opened) in cases)
        {
            var alert = Assert.Single(await scenario.AlertsForAsync(opened.EventId));
            Assert.Equal(("case_opened", Roles.Supervisor, scenario.Team, 5 - opened.Priority), (alert.Kind, alert.RecipientRole, alert.TeamId, alert.Severity));
            Assert.Equal($"New delivery case, priority {opened.Priority}", alert.Title);
        }

        // A last case published after every copy was confirmed: the copies ahead of it in the queue have been taken
        // by the time its alert is announced, and none of them was announced again.
        var marker = scenario.CaseOpened(priority: 2);
        await scenario.PublishAsync(marker);
        var (_, next) = await FeedStream.NextAsync(feed);
        Assert.Equal(marker.CaseId, next.GetProperty("caseId").GetGuid());
    }
}
