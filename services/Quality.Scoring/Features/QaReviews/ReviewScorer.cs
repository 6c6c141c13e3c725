using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Features.QaReviews;

/// <summary>
/// Scores a review against its rubric: 100 × Σ weight × score / max score. A critical criterion scored below its pass
/// score fails the review, and a failed review scores 0 (the weighted score is kept beside it, for the record).
/// </summary>
public static class ReviewScorer
{
    public static ReviewScore Score(Rubric rubric, IReadOnlyList<ScoreRequest>? given)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string error) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(error);

        var byKey = new Dictionary<string, ScoreRequest>();
        for (var i = 0; i < (given?.Count ?? 0); i++)
        {
            var s = given![i];
            var criterion = rubric.Criteria.FirstOrDefault(c => c.Key == s.Key);
            if (criterion is null)
            {
                Fail($"scores[{i}].key", $"the rubric has no criterion '{s.Key}'");
            }
            else if (!byKey.TryAdd(criterion.Key, s))
            {
                Fail($"scores[{i}].key", $"'{s.Key}' is scored twice");
            }
            else if (s.Score is not { } score || score < 0 || score > criterion.MaxScore)
            {
                Fail($"scores[{i}].score", $"is required, 0 to {criterion.MaxScore} for '{criterion.Key}'");
            }
            else if (s.Comment is { Length: > 2000 })
            {
                Fail($"scores[{i}].comment", "at most 2000 characters");
            }
        }

        var missing = rubric.Criteria.Where(c => !byKey.ContainsKey(c.Key)).Select(c => c.Key).ToList();
        if (missing.Count > 0)
        {
            Fail("scores", $"every criterion must be scored; missing {string.Join(", ", missing)}");
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }

        var scores = rubric.Criteria.Select(c => new CriterionScore { Key = c.Key, Score = byKey[c.Key].Score!.Value, Comment = byKey[c.Key].Comment }).ToList();
        var weighted = 100 * rubric.Criteria.Zip(scores).Sum(p => p.First.Weight * p.Second.Score / p.First.MaxScore);
        var failed = rubric.Criteria.Zip(scores)
            .Where(p => p.First.Critical && p.Second.Score < (p.First.PassScore ?? p.First.MaxScore))
            .Select(p => p.First.Key).ToList();
        return new ReviewScore(scores, Math.Clamp(weighted, 0, 100), failed.Count > 0, failed);
    }
}
