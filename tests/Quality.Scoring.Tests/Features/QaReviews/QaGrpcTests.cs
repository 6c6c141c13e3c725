using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Quality.Contracts;
using Quality.Contracts.Routing;
using Quality.Scoring.Grpc;
using Quality.Scoring.Tests.Infrastructure;
using Quality.ServiceDefaults.Authentication;

namespace Quality.Scoring.Tests.Features.QaReviews;

/// <summary><c>QaService</c> over gRPC on a real replica, and the list endpoints of <c>/api/qa</c>.</summary>
[Collection(nameof(EventPublishingTests))]
public sealed class QaGrpcTests(ScoringServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static CreateRubricRequest Standard(string name) => new()
    {
        Name = name,
        Criteria =
        {
            new CriterionInput { Key = "greeting", Weight = 0.2, MaxScore = 5 },
            new CriterionInput { Key = "accuracy", Weight = 0.5, MaxScore = 10 },
            new CriterionInput { Key = "compliance", Weight = 0.3, MaxScore = 1, Critical = true },
        },
    };

    private static IEnumerable<ScoreInput> Scores(int greeting, int accuracy, int compliance) =>
    [
        new() { Key = "greeting", Score = greeting }, new() { Key = "accuracy", Score = accuracy }, new() { Key = "compliance", Score = compliance },
    ];

    private QaService.QaServiceClient Client(List<IDisposable> channels, string subject, string role, string? team = null)
    {
        var channel = servers.Scoring.ChannelFor(subject, role, team);
        channels.Add(channel);
        return new QaService.QaServiceClient(channel);
    }

    private static RubricReport WithoutTime(RubricReport report) => new(report) { CreatedAt = null };

    private static ReviewReport WithoutTime(ReviewReport report) => new(report) { ReviewedAt = null };

    [Fact]
    public async Task Rubrics_reviews_disputes_and_calibration_work_over_grpc()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        var channels = new List<IDisposable>();
        try
        {
            var manager = Client(channels, "qm-grpc-1", Roles.QualityManager);
            var otherManager = Client(channels, "qm-grpc-2", Roles.QualityManager);
            var supervisor = Client(channels, $"sup-{team}", Roles.Supervisor, team);
            var otherSupervisor = Client(channels, "sup-grpc-other", Roles.Supervisor, "team-grpc-other");
            var agentClient = Client(channels, agent, Roles.Agent, team);

            // An older rubric, so the newest has a next page whichever tests ran before.
            await manager.CreateRubricAsync(Standard($"grpc-{team}-older"), cancellationToken: Cancellation);
            var rubric = await manager.CreateRubricAsync(Standard($"grpc-{team}"), cancellationToken: Cancellation);
            Assert.Equal(("compliance", true, 1), (rubric.Criteria[2].Key, rubric.Criteria[2].Critical, rubric.Criteria[2].PassScore));
            // PostgreSQL keeps microseconds; the answer to the create call had the clock's ticks.
            Assert.Equal(WithoutTime(rubric), WithoutTime(await agentClient.GetRubricAsync(new GetRubricRequest { Id = rubric.Id }, cancellationToken: Cancellation)));
            var newest = await agentClient.ListRubricsAsync(new ListRubricsRequest { Limit = 1 }, cancellationToken: Cancellation);
            Assert.Equal((rubric.Id, 1), (Assert.Single(newest.Rubrics).Id, newest.NextOffset));

            // 100 × (0.2 × 4/5 + 0.5 × 8/10 + 0.3) = 86.
            var review = await supervisor.SubmitReviewAsync(
                new SubmitReviewRequest { RubricId = rubric.Id, CaseId = caseId.ToString(), Scores = { Scores(4, 8, 1) }, Comment = "good" }, cancellationToken: Cancellation);
            Assert.Equal((86.0, false, agent, team, ""), (Math.Round(review.Score, 9), review.Failed, review.AgentId, review.TeamId, review.CalibrationId));
            Assert.Equal(WithoutTime(review), WithoutTime(await agentClient.GetReviewAsync(new GetReviewRequest { Id = review.Id }, cancellationToken: Cancellation)));

            var disputed = await agentClient.DisputeReviewAsync(new DisputeReviewRequest { Id = review.Id, Reason = "the greeting was complete" }, cancellationToken: Cancellation);
            Assert.Equal(("the greeting was complete", ""), (disputed.Dispute.Reason, disputed.Dispute.Outcome));
            var decided = await otherManager.DecideDisputeAsync(
                new DecideDisputeRequest { Id = review.Id, Outcome = "overturned", AdjustedScore = 90, Note = "agreed" }, cancellationToken: Cancellation);
            Assert.Equal(("overturned", 90.0, 90.0, "qm-grpc-2"), (decided.Dispute.Outcome, decided.Dispute.AdjustedScore, decided.FinalScore, decided.Dispute.DecidedBy));

            var mine = await agentClient.ListReviewsAsync(new ListReviewsRequest { AgentId = agent }, cancellationToken: Cancellation);
            Assert.Equal([review.Id], mine.Reviews.Select(r => r.Id));
            Assert.Null(mine.NextOffset);
            Assert.Empty((await otherSupervisor.ListReviewsAsync(new ListReviewsRequest { CaseId = caseId.ToString() }, cancellationToken: Cancellation)).Reviews);

            var session = await manager.CreateCalibrationAsync(new CreateCalibrationRequest { RubricId = rubric.Id, CaseId = caseId.ToString() }, cancellationToken: Cancellation);
            Assert.Equal((agent, team, 0), (session.AgentId, session.TeamId, session.Overall.Count));
            // Overall 86 and 100 × (0.2 × 2/5 + 0.5 × 6/10 + 0.3) = 68: mean 77, population σ 9.
            await manager.SubmitReviewAsync(new SubmitReviewRequest { CalibrationId = session.Id, Scores = { Scores(4, 8, 1) } }, cancellationToken: Cancellation);
            await otherManager.SubmitReviewAsync(new SubmitReviewRequest { CalibrationId = session.Id, Scores = { Scores(2, 6, 1) } }, cancellationToken: Cancellation);
            var spread = await supervisor.GetCalibrationAsync(new GetCalibrationRequest { Id = session.Id }, cancellationToken: Cancellation);
            Assert.Equal(2, spread.Reviews.Count);
            Assert.Equal((2, 68.0, 86.0, 77.0, 9.0), (spread.Overall.Count, Math.Round(spread.Overall.Min, 9), Math.Round(spread.Overall.Max, 9),
                Math.Round(spread.Overall.Mean, 9), Math.Round(spread.Overall.StandardDeviation, 9)));
            Assert.Equal((2.0, 4.0), (spread.Criteria[0].Min, spread.Criteria[0].Max));
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Bad_input_and_forbidden_calls_answer_a_status_and_a_message()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        var channels = new List<IDisposable>();
        try
        {
            var manager = Client(channels, "qm-grpc-bad", Roles.QualityManager);
            var agentClient = Client(channels, agent, Roles.Agent, team);
            var rubric = await manager.CreateRubricAsync(Standard($"grpc-bad-{team}"), cancellationToken: Cancellation);

            async Task<RpcException> FailsAsync<T>(Func<AsyncUnaryCall<T>> call) => await Assert.ThrowsAsync<RpcException>(async () => await call());

            var weights = await FailsAsync(() => manager.CreateRubricAsync(new CreateRubricRequest
            {
                Name = "bad", Criteria = { new CriterionInput { Key = "a", Weight = 0.5, MaxScore = 5 }, new CriterionInput { Key = "b", Weight = 0.6, MaxScore = 5 } },
            }, cancellationToken: Cancellation));
            Assert.Equal(StatusCode.InvalidArgument, weights.StatusCode);
            Assert.Contains("criteria: weights must sum to 1, not 1.1", weights.Status.Detail);
            Assert.Contains("criteria: weights must sum to 1, not 1.1", weights.Trailers.GetAll("field-violation").Select(t => t.Value));

            var notAnId = await FailsAsync(() => manager.GetRubricAsync(new GetRubricRequest { Id = "abc" }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.InvalidArgument, true), (notAnId.StatusCode, notAnId.Status.Detail.Contains("id: 'abc' is not a rubric id")));
            var missingRubric = Guid.NewGuid();
            var notFound = await FailsAsync(() => manager.GetRubricAsync(new GetRubricRequest { Id = missingRubric.ToString() }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.NotFound, $"rubric {missingRubric} does not exist"), (notFound.StatusCode, notFound.Status.Detail));

            var unknownCase = Guid.NewGuid();
            var badCase = await FailsAsync(() => manager.SubmitReviewAsync(
                new SubmitReviewRequest { RubricId = rubric.Id, CaseId = unknownCase.ToString(), Scores = { Scores(4, 8, 1) } }, cancellationToken: Cancellation));
            Assert.Equal(StatusCode.InvalidArgument, badCase.StatusCode);
            Assert.Contains($"caseId: unknown case {unknownCase}: Scoring has no CaseOpened for it", badCase.Status.Detail);
            var malformedCase = await FailsAsync(() => manager.SubmitReviewAsync(
                new SubmitReviewRequest { RubricId = rubric.Id, CaseId = "case-1", Scores = { Scores(4, 8, 1) } }, cancellationToken: Cancellation));
            Assert.Contains("caseId: 'case-1' is not a case id", malformedCase.Status.Detail);
            var noScore = await FailsAsync(() => manager.SubmitReviewAsync(new SubmitReviewRequest
            {
                RubricId = rubric.Id, CaseId = caseId.ToString(), Scores = { new ScoreInput { Key = "greeting" }, Scores(4, 8, 1).Skip(1) },
            }, cancellationToken: Cancellation));
            Assert.Contains("scores[0].score: is required, 0 to 5 for 'greeting'", noScore.Status.Detail);

            var byAgent = await FailsAsync(() => agentClient.SubmitReviewAsync(
                new SubmitReviewRequest { RubricId = rubric.Id, CaseId = caseId.ToString(), Scores = { Scores(5, 10, 1) } }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.PermissionDenied, "you may not review your own work"), (byAgent.StatusCode, byAgent.Status.Detail));

            var review = await manager.SubmitReviewAsync(
                new SubmitReviewRequest { RubricId = rubric.Id, CaseId = caseId.ToString(), Scores = { Scores(4, 8, 1) } }, cancellationToken: Cancellation);
            var outcome = await FailsAsync(() => manager.DecideDisputeAsync(new DecideDisputeRequest { Id = review.Id, Outcome = "maybe" }, cancellationToken: Cancellation));
            Assert.Contains("outcome: unknown outcome 'maybe'; use upheld or overturned", outcome.Status.Detail);
            var notDisputed = await FailsAsync(() => Client(channels, "qm-grpc-bad-2", Roles.QualityManager)
                .DecideDisputeAsync(new DecideDisputeRequest { Id = review.Id, Outcome = "upheld" }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.FailedPrecondition, $"review {review.Id} has not been disputed"), (notDisputed.StatusCode, notDisputed.Status.Detail));
            var disputeByManager = await FailsAsync(() => manager.DisputeReviewAsync(new DisputeReviewRequest { Id = review.Id, Reason = "no" }, cancellationToken: Cancellation));
            Assert.Equal((StatusCode.PermissionDenied, $"only {agent}, whose work was reviewed, may dispute review {review.Id}"),
                (disputeByManager.StatusCode, disputeByManager.Status.Detail));

            var limit = await FailsAsync(() => manager.ListReviewsAsync(new ListReviewsRequest { Limit = 500, Offset = -1 }, cancellationToken: Cancellation));
            Assert.Contains("limit: must be 1 to 100 (0 or none means 50), not 500", limit.Status.Detail);
            Assert.Contains("offset: must be 0 or more, not -1", limit.Status.Detail);
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Listing_reviews_over_http_pages_and_shows_each_caller_only_what_they_may_read()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        using var manager = servers.Scoring.ClientFor("qm-list", Roles.QualityManager);
        using var supervisor = servers.Scoring.ClientFor($"sup-{team}", Roles.Supervisor, team);
        using var otherSupervisor = servers.Scoring.ClientFor("sup-list-other", Roles.Supervisor, "team-list-other");
        using var agentClient = servers.Scoring.ClientFor(agent, Roles.Agent, team);
        using var colleague = servers.Scoring.ClientFor("colleague", Roles.Agent, team);
        var created = await manager.PostAsJsonAsync("/api/qa/rubrics", new
        {
            name = $"list-{team}", criteria = new[] { new { key = "overall", weight = 1.0, maxScore = 10 } },
        }, Cancellation);
        var rubricId = (await created.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString();
        var ids = new List<string>();
        foreach (var score in new[] { 6, 7, 8 })
        {
            var response = await manager.PostAsJsonAsync("/api/qa/reviews", new { rubricId, caseId, scores = new[] { new { key = "overall", score } } }, Cancellation);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("id").GetString()!);
        }

        async Task<(List<string> Ids, int? Next)> ListAsync(HttpClient client, string query)
        {
            var response = await client.GetAsync($"/api/qa/reviews?{query}", Cancellation);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
            Assert.True(response.IsSuccessStatusCode, body.ToString());
            var next = body.GetProperty("nextOffset");
            return ([.. body.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("id").GetString()!)],
                next.ValueKind == JsonValueKind.Number ? next.GetInt32() : null);
        }

        // Newest first, two a page.
        var (first, next) = await ListAsync(manager, $"caseId={caseId}&limit=2");
        Assert.Equal([ids[2], ids[1]], first);
        Assert.Equal(2, next);
        var (last, end) = await ListAsync(manager, $"caseId={caseId}&limit=2&offset=2");
        Assert.Equal([ids[0]], last);
        Assert.Null(end);
        Assert.Equal(3, (await ListAsync(supervisor, $"agentId={agent}")).Ids.Count);
        Assert.Equal(3, (await ListAsync(agentClient, $"caseId={caseId}")).Ids.Count);
        Assert.Empty((await ListAsync(otherSupervisor, $"caseId={caseId}")).Ids);
        Assert.Empty((await ListAsync(colleague, $"agentId={agent}")).Ids);

        var bad = await manager.GetAsync("/api/qa/reviews?limit=101", Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("must be 1 to 100 (0 or none means 50), not 101",
            (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("errors").GetProperty("limit")[0].GetString());

        var rubrics = await colleague.GetFromJsonAsync<JsonElement>("/api/qa/rubrics?limit=100", Cancellation);
        Assert.Contains(rubrics.GetProperty("rubrics").EnumerateArray(), r => r.GetProperty("id").GetString() == rubricId);
    }

    [Fact]
    public async Task Calibration_sessions_are_listed_newest_first_with_their_spread_for_whoever_may_read_them()
    {
        var (team, agent, caseId) = await AssignedCaseAsync();
        var channels = new List<IDisposable>();
        try
        {
            var manager = Client(channels, "qm-cal-list-1", Roles.QualityManager);
            var otherManager = Client(channels, "qm-cal-list-2", Roles.QualityManager);
            var supervisor = Client(channels, $"sup-{team}", Roles.Supervisor, team);
            var otherSupervisor = Client(channels, "sup-cal-other", Roles.Supervisor, "team-cal-other");
            var agentClient = Client(channels, agent, Roles.Agent, team);
            var rubric = await manager.CreateRubricAsync(Standard($"cal-list-{team}"), cancellationToken: Cancellation);
            var older = await manager.CreateCalibrationAsync(new CreateCalibrationRequest { RubricId = rubric.Id, CaseId = caseId.ToString() }, cancellationToken: Cancellation);
            var newer = await supervisor.CreateCalibrationAsync(new CreateCalibrationRequest { RubricId = rubric.Id, CaseId = caseId.ToString() }, cancellationToken: Cancellation);
            // 86 and 68: mean 77, population σ 9.
            await manager.SubmitReviewAsync(new SubmitReviewRequest { CalibrationId = older.Id, Scores = { Scores(4, 8, 1) } }, cancellationToken: Cancellation);
            await otherManager.SubmitReviewAsync(new SubmitReviewRequest { CalibrationId = older.Id, Scores = { Scores(2, 6, 1) } }, cancellationToken: Cancellation);

            var first = await supervisor.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agent, Limit = 1 }, cancellationToken: Cancellation);
            Assert.Equal((newer.Id, 0, 1), (Assert.Single(first.Sessions).Id, first.Sessions[0].Overall.Count, first.NextOffset));
            var second = await supervisor.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agent, Limit = 1, Offset = 1 }, cancellationToken: Cancellation);
            var spread = Assert.Single(second.Sessions);
            Assert.Null(second.NextOffset);
            Assert.Equal((older.Id, 2, 77.0, 9.0), (spread.Id, spread.Reviews.Count, Math.Round(spread.Overall.Mean, 9), Math.Round(spread.Overall.StandardDeviation, 9)));
            Assert.Equal(["greeting", "accuracy", "compliance"], spread.Criteria.Select(c => c.Key));

            Assert.Equal([newer.Id, older.Id], (await manager.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agent }, cancellationToken: Cancellation)).Sessions.Select(s => s.Id));
            Assert.Empty((await otherSupervisor.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agent }, cancellationToken: Cancellation)).Sessions);
            Assert.Empty((await agentClient.ListCalibrationsAsync(new ListCalibrationsRequest { AgentId = agent }, cancellationToken: Cancellation)).Sessions);

            var limit = await Assert.ThrowsAsync<RpcException>(async () =>
                await manager.ListCalibrationsAsync(new ListCalibrationsRequest { Limit = 101 }, cancellationToken: Cancellation));
            Assert.Equal(StatusCode.InvalidArgument, limit.StatusCode);
            Assert.Contains("limit: must be 1 to 100 (0 or none means 50), not 101", limit.Status.Detail);
        }
        finally
        {
            channels.ForEach(c => c.Dispose());
        }
    }

    /// <summary>A case opened for a fresh team and assigned to a fresh agent, as Scoring knows it from its facts.</summary>
    private async Task<(string Team, string Agent, Guid CaseId)> AssignedCaseAsync()
    {
        var team = $"team-qg-{Guid.NewGuid():N}"[..20];
        var agent = $"agent-qg-{Guid.NewGuid():N}"[..20];
        var caseId = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await DirectFacts.RecordAsync(servers.Scoring, new IntegrationEvent[]
        {
            new CaseOpened
            {
                CorrelationId = caseId, CaseId = caseId, FeedbackId = Guid.CreateVersion7(), Category = "delivery", Priority = 2, Severity = 2,
                Channel = "api", Language = "en", TeamId = team, OpenedAt = now.AddMinutes(-5),
            },
            new CaseAssigned { CorrelationId = caseId, CaseId = caseId, AgentId = agent, TeamId = team, AssignedBy = "routing", AssignedAt = now.AddMinutes(-4) },
        });
        return (team, agent, caseId);
    }
}
