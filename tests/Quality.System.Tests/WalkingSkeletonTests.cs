using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Quality.Contracts;
using Quality.Routing.Grpc;
using Quality.ServiceDefaults.Authentication;
using Quality.Testing;

namespace Quality.SystemTests;

/// <summary>A complaint travels Intake → outbox → RabbitMQ → Routing → Scoring and Notifications, on real servers.</summary>
public sealed class WalkingSkeletonTests(QualitySystem system)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Complaint_posted_to_intake_becomes_a_case_a_live_count_and_an_alert()
    {
        using var intake = system.HttpClient(ResourceNames.Intake);
        using var routing = system.HttpClient(ResourceNames.Routing);
        using var scoring = system.HttpClient(ResourceNames.Scoring);
        using var notifications = system.HttpClient(ResourceNames.Notifications);
        var countedBefore = await FeedbackCountedAsync(scoring);

        var clock = Stopwatch.StartNew();
        var posted = await intake.PostAsJsonAsync("/api/feedback", new
        {
            externalId = $"skeleton-{Guid.NewGuid()}",
            text = "送餐太慢了，等了两个小时，饭菜都凉了，非常失望",
            customerId = "customer-42",
            // Contact data is only accepted when the AppHost gave Intake its encryption keys.
            customerEmail = "wang.fang@example.com",
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var feedback = await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal("complaint", feedback.GetProperty("kind").GetString());
        var feedbackId = feedback.GetProperty("feedbackId").GetString()!;

        var @case = (await EventuallyAsync(() => CasesForAsync(routing, feedbackId), list => Count(list, "cases") == 1))
            .GetProperty("cases")[0];
        var caseVisibleAfter = clock.Elapsed;
        var caseId = @case.GetProperty("caseId").GetString()!;
        Assert.Equal("open", @case.GetProperty("status").GetString());
        Assert.Equal("delivery", @case.GetProperty("category").GetString());
        TestContext.Current.SendDiagnosticMessage($"Case visible through Routing {caseVisibleAfter.TotalMilliseconds:F0} ms after the POST.");

        // The same case by gRPC, as another service would ask for it.
        using var channel = GrpcChannel.ForAddress(system.App.GetEndpoint(ResourceNames.Routing, ResourceNames.GrpcEndpoint));
        var client = new RoutingService.RoutingServiceClient(channel);
        var byGrpc = await client.GetCaseAsync(new GetCaseRequest { CaseId = caseId }, Bearer(Roles.QualityManager), cancellationToken: Cancellation);
        Assert.Equal(feedbackId, byGrpc.FeedbackId);

        // Other tests' events may still be arriving at Scoring, so the organisation's count only has to grow.
        await EventuallyAsync(() => FeedbackCountedAsync(scoring), counted => counted > countedBefore);

        var alert = (await EventuallyAsync(
            () => notifications.GetFromJsonAsync<JsonElement>($"/api/alerts?caseId={caseId}", Cancellation),
            list => Count(list, "alerts") == 1)).GetProperty("alerts")[0];
        Assert.Equal(feedbackId, alert.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Resubmitted_feedback_answers_the_original_and_opens_no_second_case()
    {
        using var intake = system.HttpClient(ResourceNames.Intake);
        using var routing = system.HttpClient(ResourceNames.Routing);
        var item = new { externalId = $"dup-{Guid.NewGuid()}", text = "The courier was rude and the food arrived cold. Terrible." };

        var first = await intake.PostAsJsonAsync("/api/feedback", item, Cancellation);
        var copies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => intake.PostAsJsonAsync("/api/feedback", item, Cancellation)));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString();
        foreach (var copy in copies)
        {
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            var answer = await copy.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.Equal(id, answer.GetProperty("feedbackId").GetString());
            Assert.True(answer.GetProperty("duplicate").GetBoolean());
        }

        await EventuallyAsync(() => CasesForAsync(routing, id), list => Count(list, "cases") > 0);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Equal(1, Count(await CasesForAsync(routing, id), "cases"));
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_but_health_answers()
    {
        using var anonymous = system.HttpClient(ResourceNames.Intake, role: null);

        var post = await anonymous.PostAsJsonAsync("/api/feedback", new { text = "hello" }, Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive", Cancellation)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_gets_problem_details_and_stores_nothing()
    {
        using var intake = system.HttpClient(ResourceNames.Intake);
        using var routing = system.HttpClient(ResourceNames.Routing);

        var empty = await intake.PostAsJsonAsync("/api/feedback", new { text = "" }, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        var problem = await empty.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));

        var malformed = await intake.PostAsync("/api/feedback", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        var badId = await routing.GetAsync("/api/cases/not-a-uuid", Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        var unknown = await routing.GetAsync($"/api/cases/{Guid.NewGuid()}", Cancellation);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Agent_of_another_team_cannot_see_a_case()
    {
        using var intake = system.HttpClient(ResourceNames.Intake);
        using var admin = system.HttpClient(ResourceNames.Routing);
        using var agent = system.HttpClient(ResourceNames.Routing, Roles.Agent, team: "team-elsewhere");
        var posted = await intake.PostAsJsonAsync("/api/feedback", new { text = "Refund me now, the order was wrong and the driver was rude!" }, Cancellation);
        var feedbackId = (await posted.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString();

        var caseId = (await EventuallyAsync(() => CasesForAsync(admin, feedbackId), list => Count(list, "cases") == 1))
            .GetProperty("cases")[0].GetProperty("caseId").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await agent.GetAsync($"/api/cases/{caseId}", Cancellation)).StatusCode);
        Assert.Equal(0, Count(await CasesForAsync(agent, feedbackId), "cases"));
    }

    private Metadata Bearer(string role) => new() { { "Authorization", $"Bearer {system.Token(role)}" } };

    /// <summary>
    /// Feedback items Scoring has counted for the organisation in its live window (Redis): the complaint rate's
    /// samples. It only grows while tests run, unlike the backlog, which a resolved case lowers.
    /// </summary>
    private async Task<long> FeedbackCountedAsync(HttpClient scoring)
    {
        var live = await scoring.GetFromJsonAsync<JsonElement>("/api/kpis?scope=org&period=last_hour", Cancellation);
        var rate = live.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("name").GetString() == "complaint_rate_percent");
        // An int64 travels as a JSON string, and a zero not at all.
        return rate.TryGetProperty("sampleCount", out var n) ? long.Parse(n.ToString(), System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> arrived) => Eventually.Async(read, arrived, Patience);

    private Task<JsonElement> CasesForAsync(HttpClient routing, string? feedbackId) =>
        routing.GetFromJsonAsync<JsonElement>($"/api/cases?feedbackId={feedbackId}", Cancellation);

    private static int Count(JsonElement list, string property) =>
        list.TryGetProperty(property, out var items) ? items.GetArrayLength() : 0;
}
