using System.Runtime.InteropServices;
using Quality.Contracts.Intake;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Kpis;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// What an entity's facts add to the live buckets, with exactly the attribution and definitions of
/// <see cref="KpiCalculator"/>, so a live window sums to what PostgreSQL computes for the same interval. Pure:
/// the same facts and clock give the same entries, whatever order the events came in.
/// </summary>
public sealed class LiveContributionBuilder
{
    private readonly DateTimeOffset _now;
    private readonly Dictionary<(LiveEntryKind Kind, string Key, string Member), LiveEntry> _entries = [];

    // A case's facts name few owners, buckets and scopes but many fields: each key is built once, not once per field.
    private readonly Dictionary<(string? AgentId, string? TeamId), (string[] Scopes, string[] Boards)> _owners = [];
    private readonly Dictionary<(string Window, long Bucket, string Scope), string> _counterKeys = [];

    private LiveContributionBuilder(DateTimeOffset now) => _now = now;

    /// <summary><paramref name="facts"/> holds the case's own facts (or more: others are ignored).</summary>
    public static IReadOnlyList<LiveEntry> ForCase(KpiFacts facts, Guid caseId, DateTimeOffset now)
    {
        var builder = new LiveContributionBuilder(now);
        var cases = new CaseAttribution(facts);
        var owner = cases.Of(caseId);
        var opened = facts.Cases.FirstOrDefault(c => c.CaseId == caseId);

        foreach (var survey in facts.Surveys.Where(s => s.CaseId == caseId))
        {
            builder.AddSurvey(survey, owner);
        }

        foreach (var response in facts.Responses.Where(r => r.CaseId == caseId && r.IsFirstResponse))
        {
            var by = cases.Of(caseId, response.AgentId, response.TeamId);
            var ms = response.ResponseTime.Ticks / TimeSpan.TicksPerMillisecond;
            builder.Count(response.RespondedAt, by, LiveFields.FirstResponses, 1, board: true);
            builder.Count(response.RespondedAt, by, LiveFields.FirstResponseMilliseconds, ms, board: true);
            builder.Sample(response.RespondedAt, by, LiveFields.FirstResponseSeries, response.EventId, response.ResponseTime.TotalSeconds);
        }

        foreach (var resolution in facts.Resolutions.Where(r => r.CaseId == caseId))
        {
            var by = cases.Of(caseId, resolution.AgentId, resolution.TeamId);
            builder.Count(resolution.ResolvedAt, by, LiveFields.Resolutions, 1, board: true);
            builder.Count(resolution.ResolvedAt, by, LiveFields.FirstContactResolutions, resolution.FirstContactResolution ? 1 : 0);
            builder.Count(resolution.ResolvedAt, by, LiveFields.SlaMet, resolution.SlaMet ? 1 : 0);
            builder.Sample(resolution.ResolvedAt, by, LiveFields.ResolutionSeries, resolution.EventId, resolution.ResolutionTime.TotalSeconds);
        }

        foreach (var reopen in facts.Reopens.Where(r => r.CaseId == caseId))
        {
            builder.Count(reopen.ReopenedAt, cases.Of(caseId, reopen.AgentId, reopen.TeamId), LiveFields.Reopens, 1);
        }

        foreach (var feedback in facts.Feedback.Where(f => f.CaseId == caseId || (f.CaseId is null && f.FeedbackId == opened?.FeedbackId)))
        {
            builder.AddFeedback(feedback, owner);
        }

        // A review counts for the agent and team it was made for, as KpiCalculator counts it; calibration reviews never.
        foreach (var review in facts.Reviews.Where(r => r.CaseId == caseId && r.CalibrationId is null))
        {
            var by = (review.AgentId, review.TeamId);
            builder.Count(review.ReviewedAt, by, LiveFields.QaReviews, 1);
            builder.Count(review.ReviewedAt, by, LiveFields.QaMicroPoints, KpiCalculator.QaMicroPoints(review.FinalScore));
        }

        if (opened is not null && IsOpen(facts, caseId))
        {
            builder.State(owner, LiveFields.Backlog);
        }

        return builder.Build();
    }

    /// <summary>A survey answer that names no case: the organisation's only.</summary>
    public static IReadOnlyList<LiveEntry> ForOrphanSurvey(SurveyFact? survey, DateTimeOffset now)
    {
        var builder = new LiveContributionBuilder(now);
        if (survey is { CaseId: null })
        {
            builder.AddSurvey(survey, (null, null));
        }

        return builder.Build();
    }

    /// <summary>A feedback item that names no case and opened none: the organisation's only.</summary>
    public static IReadOnlyList<LiveEntry> ForOrphanFeedback(FeedbackFact? feedback, bool openedACase, DateTimeOffset now)
    {
        var builder = new LiveContributionBuilder(now);
        if (feedback is { CaseId: null } && !openedACase)
        {
            builder.AddFeedback(feedback, (null, null));
        }

        return builder.Build();
    }

    /// <summary>
    /// What one entity (<see cref="LiveEntities"/>) contributes, from facts that hold at least its own: a case's, or
    /// a survey answer's or feedback item's without a case.
    /// </summary>
    public static IReadOnlyList<LiveEntry> ForEntity(string entity, KpiFacts facts, DateTimeOffset now)
    {
        if (entity.StartsWith(LiveEntities.CasePrefix, StringComparison.Ordinal))
        {
            return ForCase(facts, Guid.Parse(entity.AsSpan(LiveEntities.CasePrefix.Length)), now);
        }

        if (entity.StartsWith(LiveEntities.SurveyPrefix, StringComparison.Ordinal))
        {
            var (feedbackId, type) = LiveEntities.ParseSurvey(entity);
            return ForOrphanSurvey(facts.Surveys.FirstOrDefault(s => s.FeedbackId == feedbackId && s.SurveyType == type), now);
        }

        if (entity.StartsWith(LiveEntities.FeedbackPrefix, StringComparison.Ordinal))
        {
            var feedbackId = Guid.Parse(entity.AsSpan(LiveEntities.FeedbackPrefix.Length));
            return ForOrphanFeedback(facts.Feedback.FirstOrDefault(f => f.FeedbackId == feedbackId), facts.Cases.Any(c => c.FeedbackId == feedbackId), now);
        }

        throw new ArgumentException($"Unknown live entity '{entity}'.", nameof(entity));
    }

    /// <summary>Every entity's contribution from a set of facts: what the live store holds for them, built in memory.</summary>
    public static IEnumerable<(string Entity, IReadOnlyList<LiveEntry> Entries)> ForAll(KpiFacts facts, DateTimeOffset now)
    {
        var openedFrom = facts.Cases.GroupBy(c => c.FeedbackId).ToDictionary(g => g.Key, g => g.First().CaseId);
        var caseIds = facts.Cases.Select(c => c.CaseId)
            .Concat(facts.Assignments.Select(a => a.CaseId))
            .Concat(facts.Responses.Select(r => r.CaseId))
            .Concat(facts.Resolutions.Select(r => r.CaseId))
            .Concat(facts.Reopens.Select(r => r.CaseId))
            .Concat(facts.Surveys.Where(s => s.CaseId is not null).Select(s => s.CaseId!.Value))
            .Concat(facts.Feedback.Where(f => f.CaseId is not null).Select(f => f.CaseId!.Value))
            .Concat(facts.Reviews.Where(r => r.CalibrationId is null).Select(r => r.CaseId))
            .Distinct();
        foreach (var caseId in caseIds)
        {
            yield return (LiveEntities.Case(caseId), ForCase(facts, caseId, now));
        }

        foreach (var survey in facts.Surveys.Where(s => s.CaseId is null))
        {
            yield return (LiveEntities.Survey(survey.FeedbackId, survey.SurveyType), ForOrphanSurvey(survey, now));
        }

        foreach (var feedback in facts.Feedback.Where(f => f.CaseId is null))
        {
            yield return (LiveEntities.Feedback(feedback.FeedbackId), ForOrphanFeedback(feedback, openedFrom.ContainsKey(feedback.FeedbackId), now));
        }
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
        if (!_counterKeys.TryGetValue((window.Code, bucket, scope), out var key))
        {
            _counterKeys[(window.Code, bucket, scope)] = key = LiveKeys.Counters(window, bucket, scope);
        }

        return key;
    }

    private void Count(DateTimeOffset at, (string? AgentId, string? TeamId) owner, string field, long delta, bool board = false)
    {
        if (delta == 0)
        {
            return;
        }

        var (scopes, boards) = Of(owner);
        foreach (var (window, bucket, expireAt) in Buckets(at))
        {
            foreach (var scope in scopes)
            {
                Add(LiveEntryKind.Count, CountersKey(window, bucket, scope), field, delta, expireAt, scope);
            }

            if (board && owner.AgentId is not null)
            {
                foreach (var name in boards)
                {
                    Add(LiveEntryKind.Board, LiveKeys.Board(window, bucket, field, name), owner.AgentId, delta, expireAt);
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
                var key = LiveKeys.Durations(window, bucket, series, scope);
                _entries[(LiveEntryKind.Sample, key, member)] = new LiveEntry(
                    LiveEntryKind.Sample, key, member, seconds, expireAt, scope, LiveKeys.DurationCounts(window, bucket, series, scope));
            }
        }
    }

    private void State((string? AgentId, string? TeamId) owner, string field)
    {
        foreach (var scope in Of(owner).Scopes)
        {
            Add(LiveEntryKind.State, LiveKeys.State(scope), field, 1, 0, scope);
        }
    }

    private void Add(LiveEntryKind kind, string key, string member, long delta, long expireAt, string? scope = null)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, (kind, key, member), out _);
        entry = new LiveEntry(kind, key, member, (entry?.Value ?? 0) + delta, expireAt, scope);
    }

    /// <summary>The item's bucket in each window, unless the bucket has already aged out of every window.</summary>
    private IEnumerable<(LiveWindow Window, long Bucket, long ExpireAt)> Buckets(DateTimeOffset at)
    {
        foreach (var window in LiveWindow.All)
        {
            var bucket = window.BucketOf(at);
            var expiry = window.ExpiryOf(bucket);
            if (expiry > _now)
            {
                yield return (window, bucket, expiry.ToUnixTimeSeconds());
            }
        }
    }

    private List<LiveEntry> Build()
    {
        var entries = new List<LiveEntry>(_entries.Values);
        entries.Sort(static (a, b) =>
            a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind)
            : string.CompareOrdinal(a.Key, b.Key) is var byKey and not 0 ? byKey
            : string.CompareOrdinal(a.Member, b.Member));
        return entries;
    }
}
