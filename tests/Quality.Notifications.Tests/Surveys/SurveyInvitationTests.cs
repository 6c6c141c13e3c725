using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Contracts.Surveys;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Surveys;
using Quality.Notifications.Infrastructure;
using Quality.Notifications.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.Notifications.Tests.Surveys;

/// <summary>
/// Resolved and reopened cases through RabbitMQ into the service; Intake's contact answers scripted per
/// feedback; invitations out over SMTP to the real listener. Each test uses its own cases and customers.
/// </summary>
public sealed partial class SurveyInvitationTests(NotificationsServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private NotificationsHost Host => servers.Notifications;

    [GeneratedRegex(@"https://feedback\.quality\.test/surveys/answer\?t=(?<token>[A-Za-z0-9_\-\.%]+)&lang=(?<lang>zh|en)")]
    private static partial Regex LinkPattern();

    private static CaseResolved Resolved(Guid caseId, Guid feedbackId, string? customerKey, DateTimeOffset? resolvedAt = null) => new()
    {
        CorrelationId = feedbackId,
        CaseId = caseId,
        FeedbackId = feedbackId,
        TeamId = "team-surveys",
        CustomerKey = customerKey,
        ResolutionTime = TimeSpan.FromHours(3),
        FirstContactResolution = true,
        SlaMet = true,
        ResolvedAt = resolvedAt ?? DateTimeOffset.UtcNow,
    };

    /// <summary>A fresh customer known to Intake: their pseudonym and their feedback's id.</summary>
    private (string Key, Guid FeedbackId, string Email) Customer(string language = "zh-CN")
    {
        var feedbackId = Guid.CreateVersion7();
        var email = $"customer.{feedbackId:N}@example.com";
        servers.Intake.Add(feedbackId, new SurveyContact(email, language, Erased: false));
        return ($"email:{Guid.NewGuid():N}", feedbackId, email);
    }

    private async Task PublishAsync<T>(T evt, Guid? messageId = null) where T : Contracts.IntegrationEvent =>
        await new Scenario(Host).PublishAsync(evt, messageId);

    private async Task<List<SurveyInvitation>> InvitationsAsync(params Guid[] caseIds)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SurveyInvitations.AsNoTracking()
            .Where(i => caseIds.Contains(i.CaseId)).ToListAsync(Cancellation);
    }

    private async Task<SurveyInvitation> SettledAsync(Guid caseId) =>
        (await Eventually.Async(() => InvitationsAsync(caseId), i => i.Count == 1 && i[0].Status != SurveyInvitationStatuses.Scheduled))[0];

    [Fact]
    public async Task A_resolved_case_invites_its_customer_after_the_delay_with_a_signed_link_to_intake()
    {
        var (key, feedbackId, email) = Customer();
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key);

        await PublishAsync(resolved);

        var mail = (await Eventually.Async(() => Task.FromResult(servers.Smtp.To(email).ToList()), m => m.Count == 1))[0].Message;
        var invitation = Assert.Single(await InvitationsAsync(resolved.CaseId));
        Assert.Equal((SurveyInvitationStatuses.Sent, "zh", "csat"), (invitation.Status, invitation.Language, invitation.SurveyType));
        Assert.True(invitation.SentAt >= resolved.ResolvedAt + NotificationsHost.SurveyDelay, $"sent at {invitation.SentAt}, resolved at {resolved.ResolvedAt}");
        Assert.Equal(invitation.SentAt + TimeSpan.FromDays(7), invitation.ExpiresAt);

        var reference = resolved.CaseId.ToString("N")[..8].ToUpperInvariant();
        Assert.Equal($"您的问题 {reference} 已解决，请为我们的服务评分", mail.Subject);
        var body = mail.TextBody!;
        Assert.Contains($"编号 {reference}", body);
        Assert.Contains("有效期至 ", body);
        var link = LinkPattern().Match(body);
        Assert.True(link.Success, body);
        Assert.Equal("zh", link.Groups["lang"].Value);
        Assert.True(SurveyLinkToken.TryRead(Uri.UnescapeDataString(link.Groups["token"].Value), [NotificationsHost.SurveyLinkKey], out var read, out var error), error);
        Assert.Equal((resolved.CaseId, feedbackId, SurveyType.Csat), (read!.CaseId, read.FeedbackId, read.Type));
        Assert.Equal(invitation.ExpiresAt!.Value.ToUnixTimeSeconds(), read.ExpiresAt.ToUnixTimeSeconds());

        // The delivery log shows the attempt, but not the customer's address; the row forgets it once sent.
        var log = await Eventually.Async(
            () => Host.QualityManager().GetFromJsonAsync<JsonElement>($"/api/deliveries?channel=email&limit=500", Cancellation),
            l => l.EnumerateArray().Any(e => e.GetProperty("deliveryId").GetGuid() == invitation.DeliveryId));
        var entry = log.EnumerateArray().Single(e => e.GetProperty("deliveryId").GetGuid() == invitation.DeliveryId);
        Assert.Equal(("survey", 250, "delivered", JsonValueKind.Null),
            (entry.GetProperty("kind").GetString(), entry.GetProperty("statusCode").GetInt32(), entry.GetProperty("outcome").GetString(), entry.GetProperty("recipient").ValueKind));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var delivery = await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Deliveries.AsNoTracking()
                .SingleAsync(d => d.Id == invitation.DeliveryId, Cancellation);
            Assert.Equal((DeliveryStatuses.Delivered, null, ""), (delivery.Status, delivery.Recipient, delivery.Payload));
        }

        // The API lists it for quality managers, without any address.
        var response = await Host.ClientFor("admin-1", Roles.Admin).GetAsync($"/api/surveys/invitations?caseId={resolved.CaseId}", Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("@", text);
        var listed = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray());
        Assert.Equal(("sent", "delivered", resolved.CaseId), (listed.GetProperty("status").GetString(), listed.GetProperty("deliveryStatus").GetString(), listed.GetProperty("caseId").GetGuid()));
    }

    [Fact]
    public async Task An_english_speaking_customer_gets_the_english_invitation()
    {
        var (key, feedbackId, email) = Customer(language: "en");
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key);

        await PublishAsync(resolved);

        var mail = (await Eventually.Async(() => Task.FromResult(servers.Smtp.To(email).ToList()), m => m.Count == 1))[0].Message;
        var reference = resolved.CaseId.ToString("N")[..8].ToUpperInvariant();
        Assert.Equal($"How did we do? Your request {reference}", mail.Subject);
        Assert.Contains("valid until ", mail.TextBody);
        Assert.Equal("en", LinkPattern().Match(mail.TextBody!).Groups["lang"].Value);
    }

    [Fact]
    public async Task A_redelivered_or_repeated_resolution_makes_one_invitation_and_one_email()
    {
        var (key, feedbackId, email) = Customer();
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key);
        var messageId = Guid.CreateVersion7();

        await PublishAsync(resolved, messageId);
        await PublishAsync(resolved, messageId);
        await PublishAsync(resolved with { EventId = Guid.CreateVersion7() });

        var invitation = await SettledAsync(resolved.CaseId);
        Assert.Equal(SurveyInvitationStatuses.Sent, invitation.Status);
        await Eventually.Async(() => Task.FromResult(servers.Smtp.To(email).Count()), n => n >= 1);
        // A further resolution after the email went out still finds the case decided.
        await PublishAsync(resolved with { EventId = Guid.CreateVersion7(), ResolvedAt = DateTimeOffset.UtcNow });
        var marker = Customer();
        var later = Resolved(Guid.CreateVersion7(), marker.FeedbackId, marker.Key);
        await PublishAsync(later);
        await SettledAsync(later.CaseId);

        Assert.Single(servers.Smtp.To(email));
        Assert.Single(await InvitationsAsync(resolved.CaseId));
    }

    [Fact]
    public async Task A_second_case_of_the_same_customer_within_the_cooldown_is_skipped()
    {
        var (key, feedbackId, email) = Customer();
        var first = Resolved(Guid.CreateVersion7(), feedbackId, key);
        var secondFeedback = Guid.CreateVersion7();
        servers.Intake.Add(secondFeedback, new SurveyContact(email, "zh", Erased: false));
        var second = Resolved(Guid.CreateVersion7(), secondFeedback, key);

        await PublishAsync(first);
        await SettledAsync(first.CaseId);
        await PublishAsync(second);

        var skipped = await SettledAsync(second.CaseId);
        Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.Cooldown), (skipped.Status, skipped.Reason));
        // "sent" means queued for the email lane: the first case's email arrives, and it is the only one.
        await Eventually.Async(() => Task.FromResult(servers.Smtp.To(email).Count()), n => n >= 1);
        Assert.Single(servers.Smtp.To(email));
        var listed = await Host.QualityManager().GetFromJsonAsync<JsonElement>($"/api/surveys/invitations?caseId={second.CaseId}&status=skipped", Cancellation);
        Assert.Equal("cooldown", Assert.Single(listed.EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_reopened_case_is_cancelled_and_not_invited_when_resolved_again()
    {
        var (key, feedbackId, email) = Customer();
        // Resolved an hour from now by the event's clock, so the invitation is surely still waiting when the reopening arrives.
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key, DateTimeOffset.UtcNow.AddHours(1));

        await PublishAsync(resolved);
        await Eventually.Async(() => InvitationsAsync(resolved.CaseId), i => i.Count == 1 && i[0].Status == SurveyInvitationStatuses.Scheduled);
        await PublishAsync(new CaseReopened { CorrelationId = feedbackId, CaseId = resolved.CaseId, ReopenedBy = "customer", Reason = "still broken" });
        var cancelled = await SettledAsync(resolved.CaseId);
        Assert.Equal((SurveyInvitationStatuses.Cancelled, SurveySkipReasons.Reopened), (cancelled.Status, cancelled.Reason));

        await PublishAsync(resolved with { EventId = Guid.CreateVersion7(), ResolvedAt = DateTimeOffset.UtcNow.AddSeconds(-10) });
        // A reopening seen before the resolution is remembered too.
        var early = Customer();
        var crossed = Resolved(Guid.CreateVersion7(), early.FeedbackId, early.Key);
        await PublishAsync(new CaseReopened { CorrelationId = early.FeedbackId, CaseId = crossed.CaseId, ReopenedBy = "agent-1" });
        await Eventually.Async(() => InvitationsAsync(crossed.CaseId), i => i.Count == 1);
        await PublishAsync(crossed);
        var marker = Customer();
        var later = Resolved(Guid.CreateVersion7(), marker.FeedbackId, marker.Key);
        await PublishAsync(later);
        await SettledAsync(later.CaseId);

        Assert.Equal(SurveyInvitationStatuses.Cancelled, Assert.Single(await InvitationsAsync(resolved.CaseId)).Status);
        Assert.Equal(SurveyInvitationStatuses.Cancelled, Assert.Single(await InvitationsAsync(crossed.CaseId)).Status);
        Assert.Empty(servers.Smtp.To(email));
        Assert.Empty(servers.Smtp.To(early.Email));
        Assert.Equal(0, servers.Intake.Calls(feedbackId));
    }

    [Fact]
    public async Task An_erased_customer_one_without_email_and_a_case_without_customer_are_skipped_with_their_reason()
    {
        var erasedFeedback = Guid.CreateVersion7();
        servers.Intake.Add(erasedFeedback, new SurveyContact(null, "zh", Erased: true));
        var noEmailFeedback = Guid.CreateVersion7();
        servers.Intake.Add(noEmailFeedback, new SurveyContact("", "zh", Erased: false));
        var erased = Resolved(Guid.CreateVersion7(), erasedFeedback, $"email:{Guid.NewGuid():N}");
        var noEmail = Resolved(Guid.CreateVersion7(), noEmailFeedback, $"phone:{Guid.NewGuid():N}");
        var anonymous = Resolved(Guid.CreateVersion7(), Guid.CreateVersion7(), customerKey: null);

        await PublishAsync(erased);
        await PublishAsync(noEmail);
        await PublishAsync(anonymous);

        Assert.Equal(SurveySkipReasons.Erased, (await SettledAsync(erased.CaseId)).Reason);
        Assert.Equal(SurveySkipReasons.NoEmail, (await SettledAsync(noEmail.CaseId)).Reason);
        Assert.Equal(SurveySkipReasons.NoCustomer, (await SettledAsync(anonymous.CaseId)).Reason);
        Assert.All(await InvitationsAsync(erased.CaseId, noEmail.CaseId, anonymous.CaseId), i => Assert.Null(i.DeliveryId));
    }

    [Fact]
    public async Task A_customer_erased_in_intake_loses_their_waiting_invitation_and_their_pseudonym()
    {
        var (key, feedbackId, email) = Customer();
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key, DateTimeOffset.UtcNow.AddHours(1));
        await PublishAsync(resolved);
        await Eventually.Async(() => InvitationsAsync(resolved.CaseId), i => i.Count == 1 && i[0].Status == SurveyInvitationStatuses.Scheduled);

        await PublishAsync(new CustomerErased
        {
            CorrelationId = Guid.CreateVersion7(),
            Subject = $"email-lookup:{Guid.NewGuid():N}",
            FeedbackIds = [Guid.CreateVersion7(), feedbackId],
            ErasedAt = DateTimeOffset.UtcNow,
        });

        var skipped = await SettledAsync(resolved.CaseId);
        Assert.Equal((SurveyInvitationStatuses.Skipped, SurveySkipReasons.Erased, null), (skipped.Status, skipped.Reason, skipped.CustomerKey));
        Assert.Empty(servers.Smtp.To(email));
    }

    [Fact]
    public async Task An_invitation_waits_while_intake_is_down_and_is_sent_once_it_is_back()
    {
        var (key, feedbackId, email) = Customer();
        var down = new StrongBox<bool>(true);
        servers.Intake.UnavailableWhen(feedbackId, _ => Volatile.Read(ref down.Value));
        var resolved = Resolved(Guid.CreateVersion7(), feedbackId, key);

        await PublishAsync(resolved);

        var waiting = await Eventually.Async(() => InvitationsAsync(resolved.CaseId), i => i.Count == 1 && i[0].Attempts >= 2);
        Assert.Equal(SurveyInvitationStatuses.Scheduled, waiting[0].Status);
        Assert.Contains("intake is unavailable", waiting[0].LastError);
        Assert.Empty(servers.Smtp.To(email));

        Volatile.Write(ref down.Value, false);

        var sent = await SettledAsync(resolved.CaseId);
        Assert.Equal((SurveyInvitationStatuses.Sent, null), (sent.Status, sent.LastError));
        await Eventually.Async(() => Task.FromResult(servers.Smtp.To(email).Count()), n => n == 1);
        // Every failed look-up was one attempt, and the one that answered sent it.
        Assert.Equal(sent.Attempts + 1, servers.Intake.Calls(feedbackId));
    }

    [Fact]
    public async Task Listing_invitations_is_for_quality_managers_and_a_bad_status_is_named()
    {
        var agent = await Host.ClientFor("agent-1", Roles.Agent, "t1").GetAsync("/api/surveys/invitations", Cancellation);
        var bad = await Host.QualityManager().GetAsync("/api/surveys/invitations?status=opened", Cancellation);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, agent.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("not one of scheduled, sent, skipped, cancelled", problem.GetProperty("errors").GetProperty("status")[0].GetString());
    }
}
