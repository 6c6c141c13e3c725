using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Kpis;
using Quality.Scoring.Features.QaReviews;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The facts read for a set of live entities, each marked whether the reading transaction wrote it, so that one read
/// gives both what the entities contributed before the transaction and what they contribute with it.
/// </summary>
public sealed class LiveFactRows
{
    public List<Marked<CaseFact>> Cases { get; } = [];
    public List<Marked<CaseAssignmentFact>> Assignments { get; } = [];
    public List<Marked<CaseResponseFact>> Responses { get; } = [];
    public List<Marked<CaseResolutionFact>> Resolutions { get; } = [];
    public List<Marked<CaseReopenFact>> Reopens { get; } = [];
    public List<Marked<SurveyFact>> Surveys { get; } = [];
    public List<Marked<FeedbackFact>> Feedback { get; } = [];
    public List<Marked<QaReview>> Reviews { get; } = [];

    /// <summary>
    /// An entity's facts (<see cref="LiveEntities"/>) as they stand, or (<paramref name="withWritten"/> false) as they
    /// stood before the reading transaction wrote: a case's own, with the feedback item it was opened from; a survey
    /// answer; a feedback item, with the case opened from it.
    /// </summary>
    public KpiFacts For(string entity, bool withWritten = true)
    {
        _index ??= new Index(this);
        var (kind, id, surveyType) = LiveEntities.Parse(entity);
        switch (kind)
        {
            case LiveEntityKind.Case:
                var cases = Select(_index.Cases[id], withWritten);
                var openedFrom = cases.Select(c => (Guid?)c.FeedbackId).FirstOrDefault();
                return new KpiFacts
                {
                    Cases = cases,
                    Assignments = Select(_index.Assignments[id], withWritten),
                    Responses = Select(_index.Responses[id], withWritten),
                    Resolutions = Select(_index.Resolutions[id], withWritten),
                    Reopens = Select(_index.Reopens[id], withWritten),
                    Surveys = Select(_index.SurveysByCase[id], withWritten),
                    Feedback =
                    [
                        .. Select(_index.FeedbackByCase[id], withWritten),
                        .. openedFrom is { } feedbackId ? Select(_index.Feedback[feedbackId].Where(f => f.Fact.CaseId is null), withWritten) : [],
                    ],
                    Reviews = Select(_index.Reviews[id], withWritten),
                };
            case LiveEntityKind.Survey:
                return new KpiFacts { Surveys = Select(_index.Surveys[id].Where(s => s.Fact.SurveyType == surveyType), withWritten) };
            default:
                return new KpiFacts { Feedback = Select(_index.Feedback[id], withWritten), Cases = Select(_index.CasesByFeedback[id], withWritten) };
        }
    }

    /// <summary>
    /// The entities read: those asked for, and the cases opened from the feedback items among them (a feedback item
    /// that names no case belongs to the case opened from it, so such a case changes with the item).
    /// </summary>
    public IReadOnlyCollection<string> Entities { get; set; } = [];

    private static List<T> Select<T>(IEnumerable<Marked<T>> rows, bool withWritten) => [.. rows.Where(r => withWritten || !r.Written).Select(r => r.Fact)];

    private Index? _index;

    /// <summary>The rows by the ids entities are known by, built once (the lists are filled first).</summary>
    private sealed class Index(LiveFactRows rows)
    {
        public readonly ILookup<Guid, Marked<CaseFact>> Cases = rows.Cases.ToLookup(c => c.Fact.CaseId);
        public readonly ILookup<Guid, Marked<CaseFact>> CasesByFeedback = rows.Cases.ToLookup(c => c.Fact.FeedbackId);
        public readonly ILookup<Guid, Marked<CaseAssignmentFact>> Assignments = rows.Assignments.ToLookup(a => a.Fact.CaseId);
        public readonly ILookup<Guid, Marked<CaseResponseFact>> Responses = rows.Responses.ToLookup(r => r.Fact.CaseId);
        public readonly ILookup<Guid, Marked<CaseResolutionFact>> Resolutions = rows.Resolutions.ToLookup(r => r.Fact.CaseId);
        public readonly ILookup<Guid, Marked<CaseReopenFact>> Reopens = rows.Reopens.ToLookup(r => r.Fact.CaseId);
        public readonly ILookup<Guid, Marked<SurveyFact>> Surveys = rows.Surveys.ToLookup(s => s.Fact.FeedbackId);
        public readonly ILookup<Guid, Marked<SurveyFact>> SurveysByCase = rows.Surveys.Where(s => s.Fact.CaseId is not null).ToLookup(s => s.Fact.CaseId!.Value);
        public readonly ILookup<Guid, Marked<FeedbackFact>> Feedback = rows.Feedback.ToLookup(f => f.Fact.FeedbackId);
        public readonly ILookup<Guid, Marked<FeedbackFact>> FeedbackByCase = rows.Feedback.Where(f => f.Fact.CaseId is not null).ToLookup(f => f.Fact.CaseId!.Value);
        public readonly ILookup<Guid, Marked<QaReview>> Reviews = rows.Reviews.ToLookup(r => r.Fact.CaseId);
    }
}

/// <summary>A fact read back, and whether the reading transaction wrote it.</summary>
public readonly record struct Marked<T>(T Fact, bool Written);
