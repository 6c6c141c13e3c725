using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts.Intake;
using Quality.Contracts.Routing;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.Routing.Tests.Infrastructure;
using Quality.Testing;
using RabbitMQ.Client;

namespace Quality.Routing.Tests.Features.Cases;

/// <summary>Complaints taken in batches (one transaction for many), on real PostgreSQL and RabbitMQ.</summary>
public sealed class BatchOpeningTests(RoutingServers servers)
{
    /// <summary>The bodies of the messages dead-lettered so far by the complaints endpoint (taken off the queue).</summary>
    private readonly List<string> _dead = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_applies_each_complaint_once_and_joins_repeats_within_it()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 10);
        var handler = servers.Routing.Services.GetRequiredService<ComplaintHandler>();
        var repeater = $"customer-{Guid.NewGuid():N}";
        var anonymous = Complaint(scenario, customer: null);
        var first = Complaint(scenario, repeater);
        var repeat = Complaint(scenario, repeater);
        var other = Complaint(scenario, $"customer-{Guid.NewGuid():N}");
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        // The same message twice, the same complaint as another message, and a repeat of the customer's first.
        (Guid, ComplaintRaised)[] batch = [(ids[0], anonymous), (ids[0], anonymous), (ids[1], anonymous), (ids[2], first), (ids[3], repeat), (ids[4], other)];

        await handler.OpenBatchAsync(batch, Cancellation);
        // Delivered again, and the same complaints as new messages: nothing changes.
        await handler.OpenBatchAsync(batch, Cancellation);
        await handler.OpenBatchAsync([(Guid.NewGuid(), first), (Guid.NewGuid(), repeat), (Guid.NewGuid(), other)], Cancellation);

        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var cases = await db.Cases.AsNoTracking().Where(c => c.Category == scenario.Category).ToListAsync(Cancellation);
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.Equal((CaseStatus.Assigned, scenario.AgentId("ann")), (c.Status, c.AgentId)));
        var joined = Assert.Single(cases, c => c.CustomerKey == repeater);
        // Severity 2: priority 3, and 2 once the repeat joined.
        Assert.Equal((2, 2), (joined.ComplaintCount, joined.Priority));
        var complaints = await db.CaseComplaints.AsNoTracking().Where(c => c.CaseId == joined.Id).Select(c => c.FeedbackId).ToListAsync(Cancellation);
        Assert.Equal(new[] { first.FeedbackId, repeat.FeedbackId }.Order(), complaints.Order());
        var actions = await db.Timeline.AsNoTracking().Where(e => e.CaseId == joined.Id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Cancellation);
        Assert.Equal(["opened", "assigned", "complaint_joined", "priority_raised"], actions);
        foreach (var @case in cases)
        {
            Assert.Equal(["CaseAssigned", "CaseOpened", "CaseStatusChanged"], (await scenario.EventsAsync(@case.Id)).Order());
        }

        Assert.Equal(3, (await db.Agents.AsNoTracking().SingleAsync(a => a.Id == scenario.AgentId("ann"), Cancellation)).ActiveCases);
        var receipts = await db.Database.SqlQuery<int>(
            $"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE consumer = 'ComplaintRaisedConsumer' AND message_id = ANY({ids})").SingleAsync(Cancellation);
        Assert.Equal(5, receipts);
    }

    [Fact]
    public async Task A_batch_larger_than_the_free_capacity_fills_it_most_urgent_first_and_queues_the_rest_by_urgency()
    {
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        await scenario.CreateAgentAsync("ann", capacity: 2);
        await scenario.CreateAgentAsync("bob", capacity: 2);
        var handler = servers.Routing.Services.GetRequiredService<ComplaintHandler>();
        // Severity 3 is priority 2, 2 is 3, 1 is 4: four of each of the first two, two of the last.
        int[] severities = [2, 1, 3, 2, 3, 1, 2, 3, 2, 3];
        var complaints = severities.Select(s => Complaint(scenario, customer: null, severity: s)).ToList();

        await handler.OpenBatchAsync([.. complaints.Select(c => (Guid.NewGuid(), c))], Cancellation);

        var cases = await CasesAsync(scenario);
        Assert.Equal(10, cases.Count);
        var assigned = cases.Where(c => c.Status == CaseStatus.Assigned).ToList();
        Assert.Equal(4, assigned.Count);
        Assert.All(assigned, c => Assert.Equal(3, c.Severity));
        Assert.Equal(2, assigned.Count(c => c.AgentId == scenario.AgentId("ann")));
        Assert.Equal(2, assigned.Count(c => c.AgentId == scenario.AgentId("bob")));
        Assert.All(cases.Except(assigned), c => Assert.Equal((CaseStatus.Open, null), (c.Status, c.AgentId)));

        // A slot frees: the most urgent queued case, the oldest severity 2, takes it.
        await scenario.CreateAgentAsync("ann", capacity: 3);
        var next = Assert.Single(await Eventually.Async(
            async () => (await CasesAsync(scenario)).Where(c => c.Status == CaseStatus.Assigned && assigned.All(a => a.Id != c.Id)).ToList(),
            added => added.Count > 0));
        Assert.Equal(complaints.First(c => c.Severity == 2).FeedbackId, next.FeedbackId);
    }

    [Fact]
    public async Task Batches_on_two_replicas_open_one_case_per_customer_and_never_assign_twice_nor_overfill_an_agent()
    {
        const int Customers = 16;
        const int Batches = 8;
        const int PerBatch = 12;
        const int Capacity = 4;
        var scenario = new Scenario(servers.Routing);
        await scenario.CreateTeamAsync();
        string[] agentIds = [scenario.AgentId("a1"), scenario.AgentId("a2"), scenario.AgentId("a3")];
        foreach (var id in agentIds)
        {
            await scenario.CreateAgentAsync(id[(scenario.Team.Length + 1)..], Capacity);
        }

        var customers = Enumerable.Range(0, Customers).Select(i => $"customer-{i}-{Guid.NewGuid():N}").ToArray();
        // Each batch meets the customers in another order, so their locks would be taken in different orders but for the sort.
        var batches = Enumerable.Range(0, Batches)
            .Select(b => Enumerable.Range(0, PerBatch).Select(i => Complaint(scenario, customers[(b * 5 + (b % 2 == 0 ? i : -i) * 7 + Customers * PerBatch) % Customers])).ToList())
            .ToList();
        RoutingHost[] replicas = [servers.Routing, servers.SecondReplica];

        await Task.WhenAll(batches.Select((batch, b) => Task.Run(() =>
            replicas[b % 2].Services.GetRequiredService<ComplaintHandler>().OpenBatchAsync([.. batch.Select(c => (Guid.NewGuid(), c))], Cancellation))));

        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        var cases = await CasesAsync(scenario);
        var expected = batches.SelectMany(b => b).GroupBy(c => c.CustomerKey!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Count, cases.Count);
        Assert.All(cases, c => Assert.Equal(expected[c.CustomerKey!], c.ComplaintCount));
        var caseIds = cases.Select(c => c.Id).ToList();
        Assert.Equal(Batches * PerBatch, await db.CaseComplaints.CountAsync(c => caseIds.Contains(c.CaseId), Cancellation));
        var assignments = await db.Timeline.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.Action == "assigned")
            .GroupBy(e => e.CaseId).Select(g => g.Count()).ToListAsync(Cancellation);
        Assert.All(assignments, count => Assert.Equal(1, count));
        Assert.Equal(agentIds.Length * Capacity, assignments.Count);
        var agents = await db.Agents.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToListAsync(Cancellation);
        Assert.All(agents, agent => Assert.Equal((Capacity, Capacity), (agent.ActiveCases, cases.Count(c => c.AgentId == agent.Id && c.Status == CaseStatus.Assigned))));
        foreach (var @case in cases)
        {
            var events = await scenario.EventsAsync(@case.Id);
            Assert.Equal(1, events.Count(e => e == nameof(CaseOpened)));
            Assert.Equal(@case.Status == CaseStatus.Assigned ? 1 : 0, events.Count(e => e == nameof(CaseAssigned)));
        }
    }

    [Fact]
    public async Task A_complaint_that_cannot_be_applied_ends_alone_in_the_error_queue_and_the_rest_of_its_batch_is_applied_once()
    {
        var scenario = await Scenario.WithAgentAsync(servers.Routing, capacity: 20);
        var good = Enumerable.Range(0, 10).Select(_ => Complaint(scenario, $"customer-{Guid.NewGuid():N}")).ToList();
        // Longer than the case's summary column: the insert fails, however often it is tried.
        var poison = Complaint(scenario, $"customer-{Guid.NewGuid():N}") with { Summary = new string('凉', 500) };
        List<ComplaintRaised> published = [.. good.Take(5), poison, .. good.Skip(5)];

        await servers.Routing.Services.GetRequiredService<IBus>().PublishBatch(published, Cancellation);

        var dead = await Eventually.Async(ErrorQueueAsync, bodies => bodies.Any(b => b.Contains(poison.FeedbackId.ToString())), TimeSpan.FromSeconds(90));
        var cases = await Eventually.Async(() => CasesAsync(scenario), c => c.Count == good.Count);
        Assert.Equal(good.Select(c => c.FeedbackId).Order(), cases.Select(c => c.FeedbackId).Order());
        Assert.All(cases, c => Assert.Equal(CaseStatus.Assigned, c.Status));
        foreach (var @case in cases)
        {
            Assert.Equal(["CaseAssigned", "CaseOpened", "CaseStatusChanged"], (await scenario.EventsAsync(@case.Id)).Order());
        }

        Assert.Single(dead, b => b.Contains(poison.FeedbackId.ToString()));
        Assert.DoesNotContain(dead, b => good.Any(c => b.Contains(c.FeedbackId.ToString())));
    }

    private static ComplaintRaised Complaint(Scenario scenario, string? customer, int severity = 2)
    {
        var feedbackId = Guid.CreateVersion7();
        return new ComplaintRaised
        {
            CorrelationId = feedbackId, FeedbackId = feedbackId, Channel = "api", Category = scenario.Category, Severity = severity,
            Sentiment = -0.5, Language = "zh", Summary = "送餐太慢了", CustomerKey = customer, ReceivedAt = DateTimeOffset.UtcNow,
        };
    }

    private async Task<List<Case>> CasesAsync(Scenario scenario)
    {
        await using var scope = servers.Routing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDbContext>();
        return await db.Cases.AsNoTracking().Where(c => c.Category == scenario.Category).OrderBy(c => c.OpenedAt).ToListAsync(Cancellation);
    }

    private async Task<List<string>> ErrorQueueAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.Broker) };
        await using var connection = await factory.CreateConnectionAsync(Cancellation);
        // The error queue appears with its first fault; until then the broker answers 404 and closes the channel.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        try
        {
            while (await channel.BasicGetAsync("routing-complaint-raised_error", autoAck: true, Cancellation) is { } message)
            {
                _dead.Add(Encoding.UTF8.GetString(message.Body.Span));
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
        }

        return _dead;
    }
}
