using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Contracts.Intake;
using Quality.Messaging.Persistence;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Sla;
using Quality.Routing.Infrastructure;

namespace Quality.Routing.Features.Cases;

/// <summary>
/// Turns a batch of complaints into cases in one transaction, deciding for each exactly as
/// <see cref="CaseOpener.OpenAsync"/> does (and through its steps) but with a handful of statements for the
/// whole batch instead of several per complaint. Called inside the consumer's batch inbox transaction.
/// </summary>
public sealed class BatchOpener(RoutingDbContext db, RoutingLocks locks, CaseOpener opener, BatchAssigner assigner, SlaSettingsSource slaSettings)
{
    /// <summary>
    /// Opens, joins or ignores each complaint, in the order given, and routes the new cases; returns the cases
    /// left queued, which <see cref="QueueBackfill.AfterCaseQueuedAsync"/> routes once this has committed.
    /// A complaint seen before, or earlier in the batch, is ignored; a repeat joins its customer's unresolved
    /// case on that category, in the database or opened earlier in the batch.
    /// </summary>
    public async Task<IReadOnlyList<Case>> OpenAsync(IReadOnlyList<ComplaintRaised> complaints, CancellationToken cancellationToken)
    {
        var (seen, candidates) = await LookAsync(complaints, cancellationToken);
        var open = new Dictionary<(string Customer, string Category), Case>();
        if (candidates.Count > 0)
        {
            // A case resolved while we waited for its customer's lock is not joined: a new one opens.
            foreach (var @case in await locks.LockCasesAsync([.. candidates], cancellationToken))
            {
                if (@case.IsUnresolved)
                {
                    open[(@case.CustomerKey!, @case.Category)] = @case;
                }
            }
        }

        var opened = new List<(Case Case, ComplaintRaised Complaint)>();
        var joining = new List<(Case Case, ComplaintRaised Complaint)>();
        foreach (var complaint in complaints)
        {
            if (!seen.Add(complaint.FeedbackId))
            {
                continue;
            }

            var customer = CaseOpener.CustomerOf(complaint);
            if (customer is not null && open.TryGetValue((customer, complaint.Category), out var existing))
            {
                joining.Add((existing, complaint));
                continue;
            }

            var @case = await opener.StartAsync(complaint, cancellationToken);
            opened.Add((@case, complaint));
            if (customer is not null)
            {
                open[(customer, complaint.Category)] = @case;
            }
        }

        await assigner.AssignAsync([.. opened.Select(o => o.Case)], cancellationToken);
        foreach (var (@case, complaint) in opened)
        {
            await opener.EscalateAsync(@case, complaint, cancellationToken);
        }

        // Repeats join after the new cases are routed, as they would have after those cases' commit.
        foreach (var (@case, complaint) in joining)
        {
            await opener.JoinAsync(@case, complaint, cancellationToken);
        }

        // Some fifteen rows a case (the case, its complaint, timelines, SLA clocks and timers, outbox events): written
        // a table at a time rather than row by row; the inbox's SaveChanges then writes what was modified (agents' load,
        // joined cases).
        await AddedRows.InsertAsync(db, cancellationToken);
        return [.. opened.Select(o => o.Case).Concat(joining.Select(j => j.Case)).Distinct().Where(c => c.Status == CaseStatus.Open)];
    }

    /// <summary>
    /// What opening the batch needs to know first, in one round trip (a batch of statements, each with its own
    /// snapshot): the feedback ids seen before and the SLA settings version; then, after taking every customer's
    /// lock (in key order, so two batches holding some of the same customers cannot wait for each other), each
    /// customer's unresolved case on the category whose latest complaint is within the window. These are the
    /// statements <see cref="CaseOpener"/> runs for one complaint, with the same lock keys, so either path waits
    /// for the other and finds the case it opened.
    /// </summary>
    private async Task<(HashSet<Guid> Seen, List<Guid> Candidates)> LookAsync(IReadOnlyList<ComplaintRaised> complaints, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "SELECT (SELECT version FROM sla_settings_version WHERE id = 1), ARRAY(SELECT feedback_id FROM case_complaints WHERE feedback_id = ANY($1))")
        {
            Parameters = { new() { Value = complaints.Select(c => c.FeedbackId).Distinct().ToArray() } },
        });
        var repeats = complaints
            .Select(c => (Customer: CaseOpener.CustomerOf(c), c.Category))
            .Where(k => k.Customer is not null)
            .Distinct()
            .ToList();
        if (repeats.Count > 0)
        {
            batch.BatchCommands.Add(AdvisoryLocks.InKeyOrder(repeats.Select(k => CaseOpener.RepeatLockKey(k.Customer!, k.Category))));
            // As the partial index on (customer_key, category) is filtered: the unresolved statuses, spelled out.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("""
                SELECT DISTINCT ON (c.customer_key, c.category) c.id
                FROM unnest($1::text[], $2::text[]) AS k(customer_key, category)
                JOIN cases c ON c.customer_key = k.customer_key AND c.category = k.category
                WHERE c.last_complaint_at >= $3 AND c.status IN ('Open', 'Assigned', 'PendingCustomer')
                ORDER BY c.customer_key, c.category, c.last_complaint_at DESC
                """)
            {
                Parameters =
                {
                    new() { Value = repeats.Select(k => k.Customer!).ToArray() },
                    new() { Value = repeats.Select(k => k.Category).ToArray() },
                    new() { Value = opener.RepeatWindowStart },
                },
            });
        }

        return await db.ReadBatchAsync(batch, async (reader, ct) =>
        {
            await reader.ReadAsync(ct);
            slaSettings.Observe(reader.GetInt64(0));
            var seen = reader.GetFieldValue<Guid[]>(1).ToHashSet();
            var candidates = new List<Guid>();
            if (repeats.Count > 0)
            {
                await reader.NextResultAsync(ct);
                await reader.NextResultAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    candidates.Add(reader.GetGuid(0));
                }
            }

            return (seen, candidates);
        }, cancellationToken);
    }
}
