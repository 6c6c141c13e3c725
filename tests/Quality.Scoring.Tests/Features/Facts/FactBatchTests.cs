using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Infrastructure;
using Quality.Scoring.Tests.Infrastructure;
using Quality.Testing;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Quality.Scoring.Tests.Features.Facts;

/// <summary>
/// Events stored and folded in batches: duplicates in a batch and across batches count once, an entity with several
/// events in a batch is folded once, two replicas folding the same events concurrently agree with PostgreSQL, and a
/// message that cannot be stored fails alone.
/// </summary>
[Collection(nameof(EventPublishingTests))]
public sealed class FactBatchTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_with_duplicates_counts_each_fact_once_and_equals_postgres()
    {
        var history = LiveClient.RecentHistory();
        // The history (which itself repeats some events) in one batch, every event again under a new message id, and
        // one message twice under the same id.
        var first = history.Events.Select(e => Batches.Message(e)).ToList();
        List<FactMessage> batch = [.. first, .. history.Events.Select(e => Batches.Message(e)), first[0]];
        await Batches.ProcessAsync(servers.Scoring, batch);
        // The same batch redelivered: every receipt is known and the fold changes nothing.
        await Batches.ProcessAsync(servers.Scoring, batch);

        await AssertEqualsPostgresAndHandCountsAsync(history);
        var ids = batch.Select(m => m.Receipt.MessageId).Distinct().ToArray();
        Assert.Equal(ids.Length, await ReceiptsAsync(ids));
    }

    [Fact]
    public async Task Several_events_of_one_case_in_a_batch_fold_it_once()
    {
        var team = $"team-b-{Guid.NewGuid():N}"[..20];
        var now = DateTimeOffset.UtcNow;
        var caseId = Guid.CreateVersion7();
        var feedbackId = Guid.CreateVersion7();
        var changes = new List<string>();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(servers.Redis);
        var channel = await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(LiveKeys.ChangesChannelPrefix + LiveKeys.Team(team)));
        channel.OnMessage(m => { lock (changes) { changes.Add(m.Message!); } });

        // Opened, assigned, answered, resolved and surveyed, all in one batch: one entity, one fold, one change.
        await Batches.ProcessAsync(servers.Scoring,
        [
            Batches.Message(new CaseOpened
            {
                CorrelationId = caseId, CaseId = caseId, FeedbackId = feedbackId, Category = "delivery", Priority = 2, Severity = 2,
                Channel = "api", Language = "en", TeamId = team, OpenedAt = now.AddMinutes(-3),
            }),
            Batches.Message(new CaseAssigned
            {
                CorrelationId = caseId, CaseId = caseId, AgentId = team + "-a", TeamId = team, AssignedBy = "router", AssignedAt = now.AddMinutes(-3),
            }),
            Batches.Message(new CaseResponded
            {
                CorrelationId = caseId, CaseId = caseId, AgentId = team + "-a", TeamId = team, IsFirstResponse = true,
                ResponseTime = TimeSpan.FromMinutes(1), RespondedAt = now.AddMinutes(-2),
            }),
            Batches.Message(new CaseResolved
            {
                CorrelationId = caseId, CaseId = caseId, FeedbackId = feedbackId, ResolutionTime = TimeSpan.FromMinutes(2),
                FirstContactResolution = true, SlaMet = true, ResolvedAt = now.AddMinutes(-1),
            }),
            Batches.Message(new Quality.Contracts.Intake.SurveyAnswered
            {
                CorrelationId = feedbackId, FeedbackId = feedbackId, CaseId = caseId, SurveyType = Quality.Contracts.Intake.SurveyType.Csat,
                Score = 5, AnsweredAt = now,
            }),
        ]);
        // A second case of the team, later: once its change has arrived, every change before it has (one connection, in order).
        var marker = Guid.CreateVersion7();
        await Batches.ProcessAsync(servers.Scoring, [Batches.Message(new CaseOpened
        {
            CorrelationId = marker, CaseId = marker, FeedbackId = Guid.CreateVersion7(), Category = "delivery", Priority = 2, Severity = 2,
            Channel = "api", Language = "en", TeamId = team, OpenedAt = now,
        })]);
        await Eventually.Async(() => Task.FromResult(Count(changes)), count => count >= 2);
        Assert.Equal(2, Count(changes));

        using var admin = servers.Scoring.Admin();
        var (live, same) = await LiveClient.LiveAndFactsAsync(admin, $"scope=team&scope_id={team}&period=last_hour");
        Assert.True(same, live.ToString());
        Assert.Equal((100.0, 1L), live.Kpis["csat_percent"]);
        Assert.Equal((1.0, 1L), live.Kpis["backlog"]);
    }

    [Fact]
    public async Task Two_replicas_folding_the_same_events_in_batches_at_once_agree_with_postgres()
    {
        var history = LiveClient.RecentHistory();
        await using var other = servers.AnotherReplica();
        // Each replica gets every event, in its own order and batches, under its own message ids: as when a
        // publisher repeats itself and the copies land on different replicas at the same time.
        var forward = history.Events.Select(e => Batches.Message(e)).Chunk(5);
        var backward = history.Events.Reverse().Select(e => Batches.Message(e)).Chunk(7);
        await Task.WhenAll(
            Task.Run(async () => { foreach (var batch in forward) await Batches.ProcessAsync(servers.Scoring, batch); }, Cancellation),
            Task.Run(async () => { foreach (var batch in backward) await Batches.ProcessAsync(other, batch); }, Cancellation));

        await AssertEqualsPostgresAndHandCountsAsync(history);
    }

    [Fact]
    public async Task A_message_that_cannot_be_stored_ends_alone_in_the_error_queue()
    {
        var team = $"team-p-{Guid.NewGuid():N}"[..20];
        var bus = servers.Scoring.Services.GetRequiredService<IBus>();
        var cases = Enumerable.Range(0, 20).Select(_ => Guid.CreateVersion7()).ToList();
        var poisonId = Guid.NewGuid();
        var good = new List<Guid>();
        // Twenty good assignments with a bad one (no agent: the fact's agent_id is NOT NULL) in their middle, on the same queue.
        for (var i = 0; i < cases.Count; i++)
        {
            if (i == cases.Count / 2)
            {
                await bus.Publish(Assigned(cases[i], null!, team), context => context.MessageId = poisonId, Cancellation);
            }

            var id = Guid.NewGuid();
            good.Add(id);
            await bus.Publish(Assigned(cases[i], $"{team}-a", team), context => context.MessageId = id, Cancellation);
        }

        await Eventually.Async(() => Infrastructure.Bus.ConsumedAsync(servers.Scoring, good), consumed => consumed == good.Count);

        var factory = new ConnectionFactory { Uri = new Uri(servers.RabbitMQ) };
        await using var connection = await factory.CreateConnectionAsync(Cancellation);
        // After the bus's retries (about 10 s), the bad message, and none of the good ones, is in the error queue.
        var failed = await Eventually.Async(() => ErrorQueueAsync(connection, "scoring-case-assigned_error"), ids => ids.Contains(poisonId),
            TimeSpan.FromSeconds(60));
        Assert.Empty(failed.Intersect(good));
        Assert.Equal(0, await Infrastructure.Bus.ConsumedAsync(servers.Scoring, [poisonId]));
        Assert.Equal(good.Count, await Infrastructure.Bus.ConsumedAsync(servers.Scoring, good));
    }

    private static CaseAssigned Assigned(Guid caseId, string agent, string team) => new()
    {
        CorrelationId = caseId, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "router", AssignedAt = DateTimeOffset.UtcNow,
    };

    private static int Count(List<string> changes)
    {
        lock (changes)
        {
            return changes.Count;
        }
    }

    /// <summary>The message ids in an error queue, read without taking them (not acknowledged, requeued when the channel closes).</summary>
    private static async Task<List<Guid>> ErrorQueueAsync(IConnection connection, string queue)
    {
        var ids = new List<Guid>();
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: false, Cancellation) is { } message)
            {
                if (message.BasicProperties.MessageId is { } id && Guid.TryParse(id, out var messageId))
                {
                    ids.Add(messageId);
                }
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // The error queue appears with its first fault; until then the broker answers 404 and closes the channel.
        }

        return ids;
    }

    private async Task<int> ReceiptsAsync(Guid[] messageIds)
    {
        await using var scope = servers.Scoring.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        return await db.Database
            .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = ANY({messageIds})")
            .SingleAsync(Cancellation);
    }

    /// <summary>Team, agent and board figures from Redis equal PostgreSQL's, and the boards match the hand counts.</summary>
    private async Task AssertEqualsPostgresAndHandCountsAsync(FixedHistory history)
    {
        using var admin = servers.Scoring.Admin();
        foreach (var query in new[]
        {
            $"scope=team&scope_id={history.TeamT}&period=last_24h",
            $"scope=team&scope_id={history.TeamU}&period=last_24h",
            $"scope=agent&scope_id={history.A1}&period=last_24h",
            $"scope=agent&scope_id={history.A2}&period=last_24h",
            $"scope=team&scope_id={history.TeamT}&period=last_hour",
        })
        {
            var (live, same) = await LiveClient.LiveAndFactsAsync(admin, query);
            Assert.True(live.Source == "redis" && same, $"{query}: {live}");
        }

        var board = await LiveClient.LeaderboardAsync(admin, "csat_percent", $"scope=team&scope_id={history.TeamT}&period=last_24h");
        Assert.Equal($"redis: 1. {history.A1} 100/2, 2. {history.A2} 0/1", board.ToString());
        var backlog = await LiveClient.KpisAsync(admin, $"scope=team&scope_id={history.TeamT}&period=last_24h");
        Assert.Equal((2.0, 2L), backlog.Kpis["backlog"]);
    }
}
