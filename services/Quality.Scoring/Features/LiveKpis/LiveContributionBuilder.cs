using System.Runtime.InteropServices;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// What an entity's facts add to the live buckets, with exactly the attribution and definitions of
/// <see cref="KpiCalculator"/>, so a live window sums to what PostgreSQL computes for the same interval. Pure:
/// the same facts and clock give the same contribution, whatever order the events came in. Contributions are added
/// to (or taken from) a <see cref="LiveDelta"/>; one builder serves many entities at one instant, and builds each
/// key it meets once.
/// </summary>
public sealed class LiveContributionBuilder(LiveDelta delta, DateTimeOffset now)
{
    private int _sign = 1;

    // Entities name few owners, buckets and scopes but many fields: each key is built once, not once per field.
    private readonly Dictionary<(string? AgentId, string? TeamId), (string[] Scopes, string[] Boards)> _owners = [];
    private readonly Dictionary<(string Window, long Bucket, string Scope), string> _counterKeys = [];
    private readonly Dictionary<(string Window, long Bucket, string Field, string Board), string> _boardKeys = [];
    private readonly Dictionary<(string Window, long Bucket, string Series, string Scope), (string Key, string CountKey)> _durationKeys = [];

    /// <summary>Adds what the entity (<see cref="LiveEntities"/>) contributes with these facts (they hold at least its own).</summary>
    public void Add(string entity, KpiFacts facts) => Build(entity, facts, 1);

    /// <summary>Takes away what the entity contributed with these facts.</summary>
    public void Subtract(string entity, KpiFacts facts) => Build(entity, facts, -1);

    /// <summary>Every entity's contribution from a set of facts: what the live store holds for them, built in memory.</summary>
    public void AddAll(KpiFacts facts)
    {
        foreach (var entity in EntitiesOf(facts))
        {
            Add(entity, facts);
        }
    }

    private void Build(string entity, KpiFacts facts, int sign)
    {
        _sign = sign;
        var (kind, id, surveyType) = LiveEntities.Parse(entity);
        switch (kind)
        {
            case LiveEntityKind.Case:
                AddCase(facts, id);
                break;
            // A survey answer that names no case: the organisation's only.
            case LiveEntityKind.Survey when facts.Surveys.FirstOrDefault(s => s.FeedbackId == id && s.SurveyType == surveyType) is { CaseId: null } survey:
                AddSurvey(survey, (null, null));
                break;
            // A feedback item that names no case and opened none: the organisation's only.
            case LiveEntityKind.Feedback when facts.Feedback.FirstOrDefault(f => f.FeedbackId == id) is { CaseId: null } feedback
                && !facts.Cases.Any(c => c.FeedbackId == id):
                AddFeedback(feedback, (null, null));
                break;
        }
    }

    /// <summary><paramref name="facts"/> holds the case's own facts (or more: others are ignored).</summary>
    private void AddCase(KpiFacts facts, Guid caseId)
    {
        var cases = new CaseAttribution(facts);
        var owner = cases.Of(caseId);
        var opened = facts.Cases.FirstOrDefault(c => c.CaseId == caseId);

        foreach (var survey in facts.Surveys.Where(s => s.CaseId == caseId))
        {
            AddSurvey(survey, owner);
        }

        foreach (var response in facts.Responses.Where(r => r.CaseId == caseId && r.IsFirstResponse))
        {
            var by = cases.Of(caseId, response.AgentId, response.TeamId);
            var ms = response.ResponseTime.Ticks / TimeSpan.TicksPerMillisecond;
            Count(response.RespondedAt, by, LiveFields.FirstResponses, 1, board: true);
            Count(response.RespondedAt, by, LiveFields.FirstResponseMilliseconds, ms, board: true);
            Sample(response.RespondedAt, by, LiveFields.FirstResponseSeries, response.EventId, response.ResponseTime.TotalSeconds);
        }

        foreach (var resolution in facts.Resolutions.Where(r => r.CaseId == caseId))
        {
            var by = cases.Of(caseId, resolution.AgentId, resolution.TeamId);
            Count(resolution.ResolvedAt, by, LiveFields.Resolutions, 1, board: true);
            Count(resolution.ResolvedAt, by, LiveFields.FirstContactResolutions, resolution.FirstContactResolution ? 1 : 0);
            Count(resolution.ResolvedAt, by, LiveFields.SlaMet, resolution.SlaMet ? 1 : 0);
            Sample(resolution.ResolvedAt, by, LiveFields.ResolutionSeries, resolution.EventId, resolution.ResolutionTime.TotalSeconds);
        }

        foreach (var reopen in facts.Reopens.Where(r => r.CaseId == caseId))
        {
            Count(reopen.ReopenedAt, cases.Of(caseId, reopen.AgentId, reopen.TeamId), LiveFields.Reopens, 1);
        }

        foreach (var feedback in facts.Feedback.Where(f => f.CaseId == caseId || (f.CaseId is null && f.FeedbackId == opened?.FeedbackId)))
        {
            AddFeedback(feedback, owner);
        }

        // A review counts for the agent and team it was made for, as KpiCalculator counts it; calibration reviews never.
        foreach (var review in facts.Reviews.Where(r => r.CaseId == caseId && r.CalibrationId is null))
        {
            var by = (review.AgentId, review.TeamId);
            Count(review.ReviewedAt, by, LiveFields.QaReviews, 1);
            Count(review.ReviewedAt, by, LiveFields.QaMicroPoints, KpiCalculator.QaMicroPoints(review.FinalScore));
        }

        if (opened is not null && IsOpen(facts, caseId))
        {
            State(owner, LiveFields.Backlog);
        }
    }

    /// <summary>The entities a set of facts holds: its cases, and its survey answers and feedback items without a case.</summary>
    private static IEnumerable<string> EntitiesOf(KpiFacts facts)
    {
        var caseIds = facts.Cases.Select(c => c.CaseId)
            .Concat(facts.Assignments.Select(a => a.CaseId))
            .Concat(facts.Responses.Select(r => r.CaseId))
            .Concat(facts.Resolutions.Select(r => r.CaseId))
            .Concat(facts.Reopens.Select(r => r.CaseId))
            .Concat(facts.Surveys.Where(s => s.CaseId is not null).Select(s => s.CaseId!.Value))
            .Concat(facts.Feedback.Where(f => f.CaseId is not null).Select(f => f.CaseId!.Value))
            .Concat(facts.Reviews.Where(r => r.CalibrationId is null).Select(r => r.CaseId))
            .Distinct();
        return
        [
            .. caseIds.Select(LiveEntities.Case),
            .. facts.Surveys.Where(s => s.CaseId is null).Select(s => LiveEntities.Survey(s.FeedbackId, s.SurveyType)),
            .. facts.Feedback.Where(f => f.CaseId is null).Select(f => LiveEntities.Feedback(f.FeedbackId)),
        ];
    }

    /// <summary>As <see cref="KpiCalculator"/>'s backlog: the case's last resolve or reopen is not a resolve (a reopen at the same instant comes after).</summary>
    private static bool IsOpen(KpiFacts facts, Guid caseId)
    {
        var changes = facts.Resolutions.Where(r => r.CaseId == caseId).Select(r => (At: r.ResolvedAt, Resolved: true))
            .Concat(facts.Reopens.Where(r => r.CaseId == caseId).Select(r => (At: r.ReopenedAt, Resolved: false)))
            .OrderBy(c => c.At).ThenBy(c => c.Resolved ? 0 : 1)
            .ToList();
        return changes.Count == 0 || !changes[^1].Resolved;
    }

    private void AddSurvey(SurveyFact survey, (string? AgentId, string? TeamId) owner)
    {
        var at = survey.AnsweredAt;
        switch (survey.SurveyType)
        {
            case SurveyType.Csat:
                Count(at, owner, LiveFields.CsatAnswers, 1, board: true);
                Count(at, owner, LiveFields.CsatSatisfied, survey.Score >= 4 ? 1 : 0, board: true);
                break;
            case SurveyType.Nps:
                Count(at, owner, LiveFields.NpsAnswers, 1);
                Count(at, owner, LiveFields.NpsPromoters, survey.Score >= 9 ? 1 : 0);
                Count(at, owner, LiveFields.NpsDetractors, survey.Score <= 6 ? 1 : 0);
                break;
            case SurveyType.Ces:
                Count(at, owner, LiveFields.CesAnswers, 1);
                Count(at, owner, LiveFields.CesSum, survey.Score);
                break;
        }
    }

    private void AddFeedback(FeedbackFact feedback, (string? AgentId, string? TeamId) owner)
    {
        Count(feedback.ReceivedAt, owner, LiveFields.FeedbackItems, 1);
        Count(feedback.ReceivedAt, owner, LiveFields.Complaints, feedback.Kind == FeedbackKind.Complaint ? 1 : 0);
    }

    /// <summary>
    /// The KPI scopes an owner's figures count in (the organisation, their team, themselves) and the boards an agent's
    /// figure is ranked on (the organisation's and their team's).
    /// </summary>
    private (string[] Scopes, string[] Boards) Of((string? AgentId, string? TeamId) owner)
    {
        if (!_owners.TryGetValue(owner, out var of))
        {
            string[] boards = owner.TeamId is null ? [LiveKeys.Organisation] : [LiveKeys.Organisation, LiveKeys.Team(owner.TeamId)];
            string[] scopes = owner.AgentId is null ? boards : [.. boards, LiveKeys.Agent(owner.AgentId)];
            _owners[owner] = of = (scopes, boards);
        }

        return of;
    }

    private string CountersKey(LiveWindow window, long bucket, string scope)
    {
        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(_counterKeys, (window.Code, bucket, scope), out var exists);
        if (!exists)
        {
            key = LiveKeys.Counters(window, bucket, scope);
        }

        return key!;
    }

    private string BoardKey(LiveWindow window, long bucket, string field, string board)
    {
        ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(_boardKeys, (window.Code, bucket, field, board), out var exists);
        if (!exists)
        {
            key = LiveKeys.Board(window, bucket, field, board);
        }

        return key!;
    }

    private (string Key, string CountKey) DurationKeys(LiveWindow window, long bucket, string series, string scope)
    {
        ref var keys = ref CollectionsMarshal.GetValueRefOrAddDefault(_durationKeys, (window.Code, bucket, series, scope), out var exists);
        if (!exists)
        {
            keys = (LiveKeys.Durations(window, bucket, series, scope), LiveKeys.DurationCounts(window, bucket, series, scope));
        }

        return keys;
    }

    private void Count(DateTimeOffset at, (string? AgentId, string? TeamId) owner, string field, long amount, bool board = false)
    {
        if (amount == 0)
        {
            return;
        }

        var (scopes, boards) = Of(owner);
        foreach (var (window, bucket, expireAt) in Buckets(at))
        {
            foreach (var scope in scopes)
            {
                delta.Move(LiveEntryKind.Count, CountersKey(window, bucket, scope), field, _sign * amount, expireAt, scope);
            }

            if (board && owner.AgentId is not null)
            {
                foreach (var name in boards)
                {
                    delta.Move(LiveEntryKind.Board, BoardKey(window, bucket, field, name), owner.AgentId, _sign * amount, expireAt);
                }
            }
        }
    }

    private void Sample(DateTimeOffset at, (string? AgentId, string? TeamId) owner, string series, Guid factId, double seconds)
    {
        var member = factId.ToString();
        var scopes = Of(owner).Scopes;
        foreach (var (window, bucket, expireAt) in Buckets(at))
        {
            foreach (var scope in scopes)
            {
                var (key, countKey) = DurationKeys(window, bucket, series, scope);
                delta.Move(LiveEntryKind.Sample, key, member, _sign, expireAt, scope, seconds, countKey);
            }
        }
    }

    private void State((string? AgentId, string? TeamId) owner, string field)
    {
        foreach (var scope in Of(owner).Scopes)
        {
            delta.Move(LiveEntryKind.State, LiveKeys.State(scope), field, _sign, 0, scope);
        }
    }

    /// <summary>The item's bucket in each window, unless the bucket has already aged out of every window.</summary>
    private IEnumerable<(LiveWindow Window, long Bucket, long ExpireAt)> Buckets(DateTimeOffset at)
    {
        foreach (var window in LiveWindow.All)
        {
            var bucket = window.BucketOf(at);
            var expiry = window.ExpiryOf(bucket);
            if (expiry > now)
            {
                yield return (window, bucket, expiry.ToUnixTimeSeconds());
            }
        }
    }
}
