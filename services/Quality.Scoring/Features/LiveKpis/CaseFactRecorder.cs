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
}
