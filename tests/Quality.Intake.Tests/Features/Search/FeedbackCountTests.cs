using System.Net;
using System.Net.Http.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Quality.Intake.Grpc;

namespace Quality.Intake.Tests.Features.Search;

/// <summary>CountFeedback over native gRPC: the counts PostgreSQL groups match the items as listed one by one.</summary>
public sealed class FeedbackCountTests(IntakeServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly string[] Texts =
    [
        "送餐太慢了，饭菜都凉了，非常失望",
        "Lovely food, thank you",
        "The courier was rude and threw the bag at me",
        "Where is my order?",
        "菜品很新鲜，味道很好",
        "I was charged twice for one order",
        "It would be great if you added vegetarian options",
    ];

    [Fact]
    public async Task Counts_by_channel_kind_category_and_sentiment_match_the_listed_items()
    {
        using var client = servers.Client();
        using var channel = servers.OpenGrpcChannel();
        var supervisor = new IntakeGrpcClient(channel, IntakeServers.Token("supervisor", "team-a"));
        var customer = $"c-{Guid.NewGuid():N}";
        var from = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddMinutes(-1));
        var before = await supervisor.CountFeedbackAsync(new CountFeedbackRequest { From = from, CustomerId = customer });
        Assert.Equal(0, before.Total);

        var response = await client.PostAsJsonAsync("/api/feedback/batch", new { items = Texts.Select(t => new { text = t, customerId = customer }) }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await supervisor.ListFeedbackAsync(new ListFeedbackRequest { CustomerId = customer })).Items;
        Assert.Equal(Texts.Length, items.Count);

        var counts = await supervisor.CountFeedbackAsync(new CountFeedbackRequest { From = from, CustomerId = customer });
        Assert.Equal(Texts.Length, counts.Total);
        Assert.Equal([("api", (long)Texts.Length)], counts.ByChannel.Select(c => (c.Key, c.Count)));
        Assert.Equal(Expected(items, i => i.Kind), Pairs(counts.ByKind));
        Assert.Equal(Expected(items, i => i.Category), Pairs(counts.ByCategory));
        Assert.Equal(Expected(items, i => i.Sentiment <= -0.2 ? "negative" : i.Sentiment >= 0.2 ? "positive" : "neutral"), Pairs(counts.BySentiment));
        Assert.True(counts.ByKind.Count > 1, "the texts were meant to be read as more than one kind");

        // Filters narrow the counts as they narrow the list; a period that ended before the items counts none.
        var complaints = await supervisor.CountFeedbackAsync(new CountFeedbackRequest { From = from, CustomerId = customer, Kind = "complaint" });
        Assert.Equal(items.Count(i => i.Kind == "complaint"), complaints.Total);
        var earlier = await supervisor.CountFeedbackAsync(new CountFeedbackRequest
        {
            From = Timestamp.FromDateTimeOffset(from.ToDateTimeOffset().AddHours(-1)), To = from, CustomerId = customer,
        });
        Assert.Equal((0, 0), (earlier.Total, earlier.ByKind.Count));
    }

    [Fact]
    public async Task Bad_periods_filters_and_agents_are_refused_with_a_reason()
    {
        using var channel = servers.OpenGrpcChannel();
        var supervisor = new IntakeGrpcClient(channel, IntakeServers.Token("supervisor", "team-a"));
        var agent = new IntakeGrpcClient(channel, IntakeServers.Token("agent", "team-a"));
        var now = DateTimeOffset.UtcNow;

        var noFrom = await Assert.ThrowsAsync<RpcException>(() => supervisor.CountFeedbackAsync(new CountFeedbackRequest()));
        Assert.Equal(StatusCode.InvalidArgument, noFrom.StatusCode);
        Assert.Contains("from: is required", noFrom.Status.Detail);

        var backwards = await Assert.ThrowsAsync<RpcException>(() => supervisor.CountFeedbackAsync(new CountFeedbackRequest
        {
            From = Timestamp.FromDateTimeOffset(now), To = Timestamp.FromDateTimeOffset(now.AddHours(-1)), Kind = "rant",
        }));
        Assert.Equal(StatusCode.InvalidArgument, backwards.StatusCode);
        Assert.Contains("to: must be after from", backwards.Status.Detail);
        Assert.Contains("kind: must be one of: complaint, praise, suggestion, inquiry", backwards.Status.Detail);

        var refused = await Assert.ThrowsAsync<RpcException>(() => agent.CountFeedbackAsync(new CountFeedbackRequest { From = Timestamp.FromDateTimeOffset(now) }));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static List<(string, long)> Expected(IEnumerable<Quality.Intake.Grpc.Feedback> items, Func<Quality.Intake.Grpc.Feedback, string> key) =>
        [.. items.GroupBy(key).Select(g => (g.Key, (long)g.Count())).OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)];

    private static List<(string, long)> Pairs(IEnumerable<FeedbackCount> counts) => [.. counts.Select(c => (c.Key, c.Count))];
}
