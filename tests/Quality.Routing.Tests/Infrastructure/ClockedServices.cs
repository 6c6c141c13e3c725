using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quality.Contracts.Intake;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Tests.Infrastructure;

/// <summary>
/// Routing's case, SLA and escalation services as a request scope builds them, but reading the time from a
/// <see cref="FakeTimeProvider"/>. Tests that use it set the clock years ahead, so the replicas' own
/// sweepers, running on real time, never find these cases' timers or escalations due.
/// </summary>
public sealed class ClockedServices : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public ClockedServices(RoutingHost host, FakeTimeProvider time)
    {
        _scope = host.Services.CreateAsyncScope();
        var services = _scope.ServiceProvider;
        Db = services.GetRequiredService<RoutingDbContext>();
        var recorder = ActivatorUtilities.CreateInstance<CaseRecorder>(services, time);
        Ladder = ActivatorUtilities.CreateInstance<EscalationLadder>(services, recorder, time);
        Clocks = ActivatorUtilities.CreateInstance<SlaClocks>(services, Ladder, time);
        var assigner = ActivatorUtilities.CreateInstance<CaseAssigner>(services, recorder, time);
        Opener = ActivatorUtilities.CreateInstance<CaseOpener>(services, assigner, recorder, Clocks, Ladder, time);
        Lifecycle = ActivatorUtilities.CreateInstance<CaseLifecycle>(services, assigner, recorder, Clocks, Ladder, time);
        Sla = ActivatorUtilities.CreateInstance<SlaQueries>(services, Clocks, time);
    }

    public RoutingDbContext Db { get; }
    public EscalationLadder Ladder { get; }
    public SlaClocks Clocks { get; }
    public CaseOpener Opener { get; }
    public CaseLifecycle Lifecycle { get; }
    public SlaQueries Sla { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>Runs one step in its own scope, as each request would be.</summary>
    public static async Task<T> RunAsync<T>(RoutingHost host, FakeTimeProvider time, Func<ClockedServices, Task<T>> step)
    {
        await using var services = new ClockedServices(host, time);
        return await step(services);
    }

    /// <summary>Opens the complaint's case (or joins it to an open one) in one transaction, as the consumer does; answers the case as committed.</summary>
    public async Task<Case> OpenAsync(ComplaintRaised complaint)
    {
        await using (var transaction = await Db.Database.BeginTransactionAsync(Cancellation))
        {
            await Opener.OpenAsync(complaint, Cancellation);
            await Db.SaveChangesAsync(Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        var caseId = await Db.CaseComplaints.Where(c => c.FeedbackId == complaint.FeedbackId).Select(c => c.CaseId).SingleAsync(Cancellation);
        return await Db.Cases.AsNoTracking().Include(c => c.Escalation).SingleAsync(c => c.Id == caseId, Cancellation);
    }

    /// <summary>
    /// Climbs one case's escalation if it is due by the fake time, with the case locked, as the sweep does for
    /// each row it claims (the sweep itself would also claim other tests' rows, due by then).
    /// </summary>
    public async Task<bool> ClimbIfDueAsync(Guid caseId)
    {
        await using var transaction = await Db.Database.BeginTransactionAsync(Cancellation);
        var @case = await Db.Cases.FromSql($"SELECT * FROM cases WHERE id = {caseId} FOR UPDATE").SingleAsync(Cancellation);
        var escalation = await Db.CaseEscalations.SingleAsync(e => e.CaseId == caseId, Cancellation);
        var climbed = Ladder.ClimbIfDue(@case, escalation);
        await Db.SaveChangesAsync(Cancellation);
        await transaction.CommitAsync(Cancellation);
        return climbed;
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
