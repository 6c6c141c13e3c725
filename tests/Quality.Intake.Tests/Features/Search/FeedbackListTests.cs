using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Quality.Intake.Grpc;
using Quality.Intake.Tests.Features.Imports;

namespace Quality.Intake.Tests.Features.Search;

public sealed class FeedbackListTests(IntakeServers servers)
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
    public async Task Pages_follow_newest_first_without_repeats_or_gaps_while_new_items_arrive()
    {
        using var client = servers.Client();
        using var supervisor = servers.Client("supervisor", "team-a");
        var customer = $"c-{Guid.NewGuid():N}";
        var stored = await PostBatchAsync(client, customer);

        var first = await ListAsync(supervisor, $"customer_id={customer}&page_size=3");
        await PostBatchAsync(client, customer, count: 1); // arrives after page 1 was read: newer than the cursor
        var second = await ListAsync(supervisor, $"customer_id={customer}&page_size=3&page_token={first.Next}");
        var third = await ListAsync(supervisor, $"customer_id={customer}&page_size=3&page_token={second.Next}");

        Assert.Equal([3, 3, 1], new[] { first.Items.Count, second.Items.Count, third.Items.Count });
        Assert.Null(third.Next);
        var listed = first.Items.Concat(second.Items).Concat(third.Items).ToList();
        Assert.Equal(stored.Order(), listed.Select(i => i.GetProperty("feedbackId").GetString()!).Order());
        var order = listed.Select(i => (i.GetProperty("receivedAt").GetDateTimeOffset(), Guid.Parse(i.GetProperty("feedbackId").GetString()!))).ToList();
        Assert.Equal(order.OrderByDescending(o => o.Item1).ThenByDescending(o => o.Item2), order);
        Assert.All(listed, i => Assert.Empty(i.GetProperty("turns").EnumerateArray()));
        Assert.All(listed, i => Assert.Equal(customer, i.GetProperty("customerKey").GetString()));
    }

    [Fact]
    public async Task Each_filter_keeps_exactly_the_items_that_match_it()
    {
        using var client = servers.Client();
        using var supervisor = servers.Client("quality_manager");
        var customer = $"c-{Guid.NewGuid():N}";
        await PostBatchAsync(client, customer);
        var all = (await ListAsync(supervisor, $"customer_id={customer}")).Items;
        Assert.Equal(Texts.Length, all.Count);

        var complaint = all.First(i => i.GetProperty("kind").GetString() == "complaint");
        (string Query, Func<JsonElement, bool> Matches)[] filters =
        [
            ("kind=complaint", i => i.GetProperty("kind").GetString() == "complaint"),
            ("kind=praise", i => i.GetProperty("kind").GetString() == "praise"),
            ("language=zh", i => i.GetProperty("language").GetString() == "zh"),
            ($"category={complaint.GetProperty("category").GetString()}", i => i.GetProperty("category").GetString() == complaint.GetProperty("category").GetString()),
            ($"severity={complaint.GetProperty("severity").GetInt32()}", i => i.GetProperty("severity").GetInt32() == complaint.GetProperty("severity").GetInt32()),
            ("channel=api", _ => true),
            ("channel=email", _ => false),
            ("kind=complaint&language=en", i => i.GetProperty("kind").GetString() == "complaint" && i.GetProperty("language").GetString() == "en"),
        ];

        foreach (var (query, matches) in filters)
        {
            var expected = all.Where(matches).Select(i => i.GetProperty("feedbackId").GetString()).ToList();
            var found = (await ListAsync(supervisor, $"customer_id={customer}&{query}")).Items.Select(i => i.GetProperty("feedbackId").GetString()).ToList();
            Assert.True(expected.SequenceEqual(found), $"{query}: expected {expected.Count} items, found {found.Count}");
        }

        Assert.Contains(filters, f => all.Count(f.Matches) is > 0 and < 7);
    }

    [Fact]
    public async Task A_time_range_includes_its_start_and_excludes_its_end()
    {
        using var client = servers.Client();
        using var supervisor = servers.Client("admin");
        var customer = $"c-{Guid.NewGuid():N}";
        await PostBatchAsync(client, customer, count: 3);
        var all = (await ListAsync(supervisor, $"customer_id={customer}")).Items;
        var times = all.Select(i => i.GetProperty("receivedAt").GetString()!).Reverse().ToList(); // oldest first

        var range = await ListAsync(supervisor, $"customer_id={customer}&from={Uri.EscapeDataString(times[0])}&to={Uri.EscapeDataString(times[2])}");
        var fromOnly = await ListAsync(supervisor, $"customer_id={customer}&from={Uri.EscapeDataString(times[1])}");

        Assert.Equal(times[..2].AsEnumerable().Reverse(), range.Items.Select(i => i.GetProperty("receivedAt").GetString()));
        Assert.Equal(times[1..].AsEnumerable().Reverse(), fromOnly.Items.Select(i => i.GetProperty("receivedAt").GetString()));
    }

    [Fact]
    public async Task A_customer_is_found_by_email_or_phone_through_the_lookup_hash_and_shown_masked()
    {
        using var client = servers.Client();
        using var supervisor = servers.Client("supervisor", "team-a");
        var run = Guid.NewGuid().ToString("N");
        var email = $"Mei.{run}@Example.com";
        var phone = $"+86 139-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(1000, 9999)}";
        var mine = await PostAsync(client, new { text = "送餐太慢了", customerEmail = email, customerPhone = phone, customerName = "韩梅梅" });
        var alsoMine = await PostAsync(client, new { text = "Where is my order?", customerEmail = email.ToUpperInvariant() });
        await PostAsync(client, new { text = "Where is my order?", customerEmail = $"other.{run}@example.com" });

        var byEmail = await SearchAsync(supervisor, new { customerEmail = $"  mei.{run}@example.COM " });
        var byPhone = await SearchAsync(supervisor, new { customerPhone = new string([.. phone.Where(c => char.IsAsciiDigit(c) || c == '+')]) });
        var inUrl = await supervisor.GetAsync($"/api/feedback?customer_email={Uri.EscapeDataString(email)}", Cancellation);

        Assert.Equal([alsoMine, mine], byEmail.Select(i => i.GetProperty("feedbackId").GetString()));
        Assert.Equal([mine], byPhone.Select(i => i.GetProperty("feedbackId").GetString()));
        var customer = byEmail[1].GetProperty("customer");
        Assert.Equal("m***@e***.com", customer.GetProperty("email").GetString());
        Assert.Equal($"***{phone[^4..]}", customer.GetProperty("phone").GetString());
        Assert.Equal("韩***", customer.GetProperty("name").GetString());
        Assert.DoesNotContain(run, JsonSerializer.Serialize(byEmail));
        await AssertProblemAsync(inUrl, HttpStatusCode.BadRequest, "customer_email");
    }

    [Fact]
    public async Task A_list_leaves_out_transcript_turns_which_the_item_itself_has()
    {
        using var client = servers.Client();
        var customer = $"c-{Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/transcripts/chat", new
        {
            customerId = customer,
            turns = new[] { new { role = "agent", text = "How can I help?" }, new { role = "customer", text = "My order is cold and late" } },
        }, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var listed = Assert.Single((await ListAsync(client, $"customer_id={customer}&channel=chat")).Items);
        var one = await client.GetFromJsonAsync<JsonElement>($"/api/feedback/{listed.GetProperty("feedbackId").GetString()}", Cancellation);

        Assert.Empty(listed.GetProperty("turns").EnumerateArray());
        Assert.Equal(2, one.GetProperty("turns").GetArrayLength());
        Assert.Equal(one.GetProperty("text").GetString(), listed.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Only_supervisors_and_above_may_list_while_any_person_may_read_one_item()
    {
        using var client = servers.Client();
        var id = await PostAsync(client, new { text = "The courier was rude" });
        var (_, key) = await TestKeys.CreateAsync(servers, "api");
        using var agent = servers.Client("agent", "team-a");
        using var channel = servers.ClientWithKey(key);

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/feedback", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PostAsJsonAsync("/api/feedback/search", new { }, Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.GetAsync("/api/feedback", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await channel.GetAsync($"/api/feedback/{id}", Cancellation)).StatusCode);
        var one = await agent.GetFromJsonAsync<JsonElement>($"/api/feedback/{id}", Cancellation);
        Assert.Equal("complaint", one.GetProperty("kind").GetString());
        Assert.InRange(one.GetProperty("confidence").GetDouble(), 0.01, 1);
        Assert.NotEmpty(one.GetProperty("evidence").EnumerateArray());
    }

    [Fact]
    public async Task Bad_filters_are_a_400_naming_each_field()
    {
        using var supervisor = servers.Client("supervisor", "team-a");

        var response = await supervisor.GetAsync(
            "/api/feedback?channel=fax&kind=angry&severity=5&language=fr&category=weather&page_size=500&page_token=not-a-token" +
            "&from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", Cancellation);
        var badContact = await supervisor.PostAsJsonAsync("/api/feedback/search", new { customerEmail = "not-an-email", customerPhone = "call me" }, Cancellation);
        var badTime = await supervisor.GetAsync("/api/feedback?from=yesterday", Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "channel", "kind", "severity", "language", "category", "page_size", "page_token", "to");
        await AssertProblemAsync(badContact, HttpStatusCode.BadRequest, "customer_email", "customer_phone");
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
    }

    [Fact]
    public async Task Native_grpc_lists_by_customer_and_answers_status_codes()
    {
        using var client = servers.Client();
        var run = Guid.NewGuid().ToString("N");
        var email = $"lei.{run}@example.cn";
        var id = await PostAsync(client, new { text = "送餐太慢了", customerEmail = email, customerName = "李雷" });
        using var channel = servers.OpenGrpcChannel();
        var supervisor = new IntakeGrpcClient(channel, IntakeServers.Token("supervisor", "team-a"));
        var agent = new IntakeGrpcClient(channel, IntakeServers.Token("agent", "team-a"));

        var page = await supervisor.ListFeedbackAsync(new ListFeedbackRequest { CustomerEmail = email, Kind = "complaint" });
        var one = await agent.GetFeedbackAsync(id);
        var denied = await Assert.ThrowsAsync<RpcException>(() => agent.ListFeedbackAsync(new ListFeedbackRequest()));
        var invalid = await Assert.ThrowsAsync<RpcException>(() => supervisor.ListFeedbackAsync(new ListFeedbackRequest { PageSize = -1 }));
        var missing = await Assert.ThrowsAsync<RpcException>(() => agent.GetFeedbackAsync(Guid.NewGuid().ToString()));

        Assert.Equal([id], page.Items.Select(i => i.FeedbackId));
        Assert.Equal("l***@e***.cn", page.Items[0].Customer.Email);
        Assert.Equal("李***", one.Customer.Name);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains(invalid.Trailers, t => t.Key == "field-violation" && t.Value.StartsWith("page_size:", StringComparison.Ordinal));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<List<string>> PostBatchAsync(HttpClient client, string customer, int? count = null)
    {
        var items = Texts.Take(count ?? Texts.Length).Select(t => new { text = t, customerId = customer }).ToList();
        var response = await client.PostAsJsonAsync("/api/feedback/batch", new { items }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        return [.. body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("feedbackId").GetString()!)];
    }

    private static async Task<string> PostAsync(HttpClient client, object item)
    {
        var response = await client.PostAsJsonAsync("/api/feedback", item, Cancellation);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("feedbackId").GetString()!;
    }

    private static async Task<(List<JsonElement> Items, string? Next)> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/feedback?{query}", Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PageAsync(response);
    }

    private static async Task<List<JsonElement>> SearchAsync(HttpClient client, object filter)
    {
        var response = await client.PostAsJsonAsync("/api/feedback/search", filter, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await PageAsync(response)).Items;
    }

    private static async Task<(List<JsonElement> Items, string? Next)> PageAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        var items = body.TryGetProperty("items", out var array) ? array.EnumerateArray().ToList() : [];
        var next = body.TryGetProperty("nextPageToken", out var token) && token.GetString() is { Length: > 0 } value ? value : null;
        return (items, next);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        foreach (var field in fields)
        {
            Assert.Contains(field, body);
        }
    }
}
