using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Routing;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Features.LiveKpis;

/// <summary>Stores what happened to a case as a fact; called inside the consumer's inbox transaction.</summary>
public sealed class CaseFactRecorder(ScoringDbContext db)
{
    public async Task RecordOpenedAsync(CaseOpened opened, CancellationToken cancellationToken)
    {
        if (await db.CaseFacts.AnyAsync(f => f.CaseId == opened.CaseId, cancellationToken))
        {
            return;
        }

        db.CaseFacts.Add(new CaseFact
        {
            CaseId = opened.CaseId,
            FeedbackId = opened.FeedbackId,
            Category = opened.Category,
            Priority = opened.Priority,
            TeamId = opened.TeamId,
            OpenedAt = opened.OpenedAt,
        });
    }

    /// <summary>The same counters as Redis holds, computed from the facts: for when Redis is away.</summary>
    public async Task<Dictionary<string, long>> CountFromFactsAsync(CancellationToken cancellationToken)
    {
        var byCategory = await db.CaseFacts.GroupBy(f => f.Category)
            .Select(g => new { Category = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var counters = byCategory.ToDictionary(c => $"cases_opened:{c.Category}", c => c.Count);
        counters["cases_opened"] = byCategory.Sum(c => c.Count);
        return counters;
    }
}
