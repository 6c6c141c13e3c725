using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Sla;

public sealed class SlaQueries(RoutingDbContext db, CaseQueries cases, SlaClocks clocks, TimeProvider time)
{
    /// <summary>Whoever can see the case can see its SLA; running clocks are measured up to now.</summary>
    public async Task<CaseSlaView> GetAsync(Caller caller, Guid caseId, CancellationToken cancellationToken)
    {
        var @case = await cases.GetAsync(caller, caseId, cancellationToken);
        var now = time.GetUtcNow();
        var caseClocks = await db.SlaClocks.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.Target).ToListAsync(cancellationToken);
        var measured = new List<(SlaClock, TimeSpan)>();
        foreach (var clock in caseClocks)
        {
            measured.Add((clock, await clocks.UsedAsync(clock, now)));
        }

        var entries = await db.SlaTimeline.AsNoTracking().Where(e => e.CaseId == caseId)
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return new CaseSlaView(@case, measured, entries);
    }
}
