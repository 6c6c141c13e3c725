using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests.Features.Privacy;

/// <summary>The pseudonym events carry for a customer: their id when given, else one from their email address.</summary>
public sealed class CustomerKeyTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_customer_known_only_by_email_is_one_customer_across_channels_and_never_named_in_events()
    {
        using var client = servers.Client();
        var email = $"Wang.Fang+{Guid.NewGuid():N}@Example.com";

        var feedback = await IdOfAsync(await client.PostAsJsonAsync("/api/feedback", new { text = "送餐太慢了", customerEmail = email }, Cancellation));
        var survey = await IdOfAsync(await client.PostAsJsonAsync("/api/surveys", new { type = "csat", score = 2, customerEmail = $" {email.ToLowerInvariant()} " }, Cancellation));
        var identified = await IdOfAsync(await client.PostAsJsonAsync("/api/feedback", new { text = "送餐太慢了", customerEmail = email, customerId = "crm-77" }, Cancellation));

        var byEmail = await CustomerKeyAsync(feedback);
        Assert.StartsWith("email:", byEmail);
        Assert.DoesNotContain(email.Split('@')[0].ToLowerInvariant(), byEmail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(byEmail, await CustomerKeyAsync(survey));
        Assert.Equal("crm-77", await CustomerKeyAsync(identified));
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return (body.TryGetProperty("feedbackId", out var id) ? id : body.GetProperty("surveyId")).GetGuid();
    }

    private async Task<string?> CustomerKeyAsync(Guid feedbackId) =>
        (await Outbox.EventsForAsync(servers, feedbackId)).First(e => e.Type == "FeedbackReceived").Payload.GetProperty("customerKey").GetString();
}
