using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// The organisation's live counters computed from the facts: what queries answer while Redis is away, and
/// what a rebuild writes back into Redis.
/// </summary>
public sealed class LiveFactCounter(ScoringDbContext db)
{
    public async Task<Dictionary<string, long>> CountAsync(CancellationToken cancellationToken)
    {
        var byCategory = await db.CaseFacts.GroupBy(f => f.Category)
            .Select(g => new { Category = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var counters = byCategory.ToDictionary(c => LiveCounterNames.CasesOpenedIn(c.Category), c => c.Count);
        counters[LiveCounterNames.CasesOpened] = byCategory.Sum(c => c.Count);

        var surveys = await db.SurveyFacts
            .Where(s => s.SurveyType == SurveyType.Csat || s.SurveyType == SurveyType.Nps)
            .GroupBy(s => new { s.SurveyType, s.Score })
            .Select(g => new { g.Key.SurveyType, g.Key.Score, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in surveys)
        {
            foreach (var field in LiveCounterNames.ForSurvey(group.SurveyType, group.Score))
            {
                counters[field] = counters.GetValueOrDefault(field) + group.Count;
            }
        }

        // Redis holds no field for a count of zero; leave them out here too so both answers compare equal.
        return counters.Where(c => c.Value != 0).ToDictionary();
    }
}
