using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Email;
using Quality.Notifications.Tests.Infrastructure;
using Quality.Testing;

namespace Quality.Notifications.Tests.Email;

/// <summary>Events through RabbitMQ into the service, out over SMTP (MailKit) to the real listener the assembly started.</summary>
public sealed class EmailDeliveryTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private SmtpTestServer Smtp => servers.Smtp;

    [Fact]
    public async Task An_sla_breach_is_mailed_to_every_address_in_chinese_and_logged()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address("lead");
        var deputy = scenario.Address("deputy");
        var ruleId = await scenario.CreateEmailRuleAsync([lead, deputy.ToUpperInvariant()]);
        var breach = scenario.Breach(priority: 2);

        await scenario.PublishAsync(breach);

        var mails = await Eventually.Async(() => Task.FromResult(Smtp.To(lead).Concat(Smtp.To(deputy)).ToList()), m => m.Count == 2);
        var message = mails.Single(m => m.Recipients.Contains(lead)).Message;
        Assert.Equal($"案件 {breach.CaseId} 已超时", message.Subject);
        Assert.Equal(NotificationsHost.EmailFrom, mails[0].MailFrom);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Quality 质量", NotificationsHost.EmailFrom), (from.Name, from.Address));
        Assert.Equal(lead, Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        var breachedAt = JsonSerializer.Serialize(breach.BreachedAt).Trim('"');
        Assert.Equal($"团队 {scenario.Team} 的案件 {breach.CaseId}（优先级 2）已于 {breachedAt} 超过 first_response 时限。",
            message.TextBody?.TrimEnd());

        // Each address is its own delivery, delivered once, with its Message-Id derived from it.
        var deliveries = await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 2 && d.All(x => x.Status == DeliveryStatuses.Delivered));
        Assert.Equal([deputy, lead], deliveries.Select(d => d.Recipient).Order());
        Assert.Equal(deliveries.Single(d => d.Recipient == lead).Id.ToString(), message.Headers[EmailMessageFactory.DeliveryIdHeader]);
        var log = await scenario.Manager.GetFromJsonAsync<JsonElement>($"/api/deliveries?ruleId={ruleId}&channel=email", Cancellation);
        Assert.Equal(2, log.GetArrayLength());
        Assert.All(log.EnumerateArray(), e =>
        {
            Assert.Equal(250, e.GetProperty("statusCode").GetInt32());
            Assert.Equal("delivered", e.GetProperty("outcome").GetString());
        });
    }

    [Fact]
    public async Task A_server_that_answers_451_twice_gets_the_english_message_on_the_third_attempt()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        Smtp.OnRecipient(lead, call => call <= 2 ? "451 4.3.0 mailbox busy, try later" : null);
        var ruleId = await scenario.CreateEmailRuleAsync([lead], language: "en");
        var breach = scenario.Breach();

        await scenario.PublishAsync(breach);

        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Delivered, Attempts: 3 }]);
        var attempts = await scenario.AttemptsForRuleAsync(ruleId);
        Assert.Equal([451, 451, 250], attempts.Select(a => a.StatusCode));
        Assert.Equal(["retry", "retry", "delivered"], attempts.Select(a => a.Outcome));
        Assert.Contains("mailbox busy", attempts[0].Error);
        Assert.True(attempts[1].AttemptedAt - attempts[0].AttemptedAt >= TimeSpan.FromMilliseconds(50), "retried without backing off");
        var mail = Assert.Single(Smtp.To(lead));
        Assert.Equal($"Case {breach.CaseId} breached its SLA", mail.Message.Subject);
    }

    [Fact]
    public async Task A_server_that_keeps_dropping_the_connection_is_retried_then_dead_lettered()
    {
        var scenario = new Scenario(servers.Notifications);
        var lead = scenario.Address();
        Smtp.OnRecipient(lead, _ => SmtpTestServer.Drop);
        var ruleId = await scenario.CreateEmailRuleAsync([lead]);

        await scenario.PublishAsync(scenario.Breach());

        await Eventually.Async(() => scenario.DeliveriesForRuleAsync(ruleId), d => d is [{ Status: DeliveryStatuses.Dead }]);
        var attempts = await scenario.AttemptsForRuleAsync(ruleId);
        Assert.Equal(NotificationsHost.EmailMaxAttempts, attempts.Count);
        Assert.Equal([.. Enumerable.Repeat("retry", NotificationsHost.EmailMaxAttempts - 1), "dead"], attempts.Select(a => a.Outcome));
        Assert.All(attempts, a => Assert.False(string.IsNullOrEmpty(a.Error)));
        Assert.Equal(NotificationsHost.EmailMaxAttempts, Smtp.RcptCalls(lead));
        Assert.Empty(Smtp.To(lead));
    }

    [Fact]
    public async Task A_permanent_550_is_dead_lettered_at_once_and_does_not_stop_the_other_address()
    {
        var scenario = new Scenario(servers.Notifications);
        var gone = scenario.Address("gone");
        var lead = scenario.Address("lead");
        Smtp.OnRecipient(gone, _ => "550 5.1.1 no such user");
        var ruleId = await scenario.CreateEmailRuleAsync([gone, lead]);

        await scenario.PublishAsync(scenario.Breach());

        var deliveries = await Eventually.Async(
            () => scenario.DeliveriesForRuleAsync(ruleId), d => d.Count == 2 && d.All(x => x.Status != DeliveryStatuses.Pending));
        Assert.Equal(DeliveryStatuses.Dead, deliveries.Single(d => d.Recipient == gone).Status);
        Assert.Equal(DeliveryStatuses.Delivered, deliveries.Single(d => d.Recipient == lead).Status);
        var refused = Assert.Single(await scenario.AttemptsForRuleAsync(ruleId), a => a.Outcome == "dead");
        Assert.Equal(550, refused.StatusCode);
        Assert.Contains("no such user", refused.Error);
        Assert.Equal(1, Smtp.RcptCalls(gone));
        Assert.Single(Smtp.To(lead));
    }
}
