using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Quality.Intake.Tests.Features.Search;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>GetSurveyContact: the customer's address in clear, for other Quality services only.</summary>
public sealed class SurveyContactGrpcTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_service_gets_the_address_in_clear_with_the_customers_language()
    {
        var email = $"wang.{Guid.NewGuid():N}@example.cn";
        var feedbackId = await SubmitAsync(new { text = "快递三天都没到，客服也不回复，太失望了", customerEmail = email, customerName = "王小明" });
        using var channel = servers.OpenGrpcChannel();

        var contact = await new IntakeGrpcClient(channel, IntakeServers.ServiceToken()).GetSurveyContactAsync(feedbackId.ToString());

        Assert.Equal((email, "zh", true, false), (contact.Email, contact.Language, contact.HasEmail, contact.Erased));
    }

    [Fact]
    public async Task Feedback_without_an_address_says_so()
    {
        var feedbackId = await SubmitAsync(new { text = "The parcel arrived late and the box was crushed" });
        using var channel = servers.OpenGrpcChannel();

        var contact = await new IntakeGrpcClient(channel, IntakeServers.ServiceToken()).GetSurveyContactAsync(feedbackId.ToString());

        Assert.Equal(("", "en", false, false), (contact.Email, contact.Language, contact.HasEmail, contact.Erased));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("supervisor")]
    [InlineData("agent")]
    public async Task A_person_is_refused_whatever_their_role(string role)
    {
        var feedbackId = await SubmitAsync(new { text = "Late again", customerEmail = $"p.{Guid.NewGuid():N}@example.com" });
        using var channel = servers.OpenGrpcChannel();

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new IntakeGrpcClient(channel, IntakeServers.Token(role, "team-a")).GetSurveyContactAsync(feedbackId.ToString()));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task No_http_route_reaches_it()
    {
        using var admin = servers.Client();
        var feedbackId = await SubmitAsync(new { text = "Late again", customerEmail = $"p.{Guid.NewGuid():N}@example.com" });

        var response = await admin.GetAsync($"/api/feedback/{feedbackId}/survey-contact", Cancellation);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_erased_customer_is_reported_erased_without_an_address()
    {
        var email = $"erase.{Guid.NewGuid():N}@example.com";
        var feedbackId = await SubmitAsync(new { text = "Terrible service, nobody called back", customerEmail = email });
        using var admin = servers.Client();
        (await admin.PostAsJsonAsync("/api/admin/customer-erasures", new { email }, Cancellation)).EnsureSuccessStatusCode();
        using var channel = servers.OpenGrpcChannel();

        var contact = await new IntakeGrpcClient(channel, IntakeServers.ServiceToken()).GetSurveyContactAsync(feedbackId.ToString());

        Assert.Equal(("", false, true), (contact.Email, contact.HasEmail, contact.Erased));
    }

    [Fact]
    public async Task An_unknown_feedback_id_is_not_found_and_a_malformed_one_invalid()
    {
        using var channel = servers.OpenGrpcChannel();
        var client = new IntakeGrpcClient(channel, IntakeServers.ServiceToken());
        var unknown = Guid.NewGuid();

        var notFound = await Assert.ThrowsAsync<RpcException>(() => client.GetSurveyContactAsync(unknown.ToString()));
        var invalid = await Assert.ThrowsAsync<RpcException>(() => client.GetSurveyContactAsync("case-42"));

        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Contains(unknown.ToString(), notFound.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("feedback_id", invalid.Status.Detail);
    }

    private async Task<Guid> SubmitAsync(object item)
    {
        using var client = servers.Client();
        var response = await client.PostAsJsonAsync("/api/feedback", item, Cancellation);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetGuid();
    }
}
