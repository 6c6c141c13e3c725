using Npgsql;
using Quality.Contracts;
using Quality.Contracts.Intake;
using Quality.FaultDrills.Posting;
using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills.Reconciliation;

/// <summary>
/// Reads the services' own tables: Intake's <c>feedback</c> (unique per channel and external id), Routing's
/// <c>cases</c> and <c>case_complaints</c> by feedback id, Scoring's <c>feedback_facts</c>; with a breach rule,
/// Routing's <c>sla_timeline</c> breaches and Notifications' <c>alerts</c> of that rule by case id.
/// </summary>
public sealed class Reconciler(string postgresConnection, Guid? breachRuleId = null)
{
    /// <summary>Checks until nothing is missing, or until nothing more arrived for <paramref name="settle"/>.</summary>
    public async Task<Reconciliation> SettleAsync(IReadOnlyCollection<AcceptedItem> accepted, TimeSpan settle, CancellationToken ct)
    {
        var result = await CheckAsync(accepted, ct).ConfigureAwait(false);
        var lastProgress = DateTime.UtcNow;
        while (result.Lost > 0 && DateTime.UtcNow - lastProgress < settle)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), ct).ConfigureAwait(false);
            var next = await CheckAsync(accepted, ct).ConfigureAwait(false);
            if (next.Lost < result.Lost)
            {
                lastProgress = DateTime.UtcNow;
            }

            result = next;
        }

        return result;
    }

    public async Task<Reconciliation> CheckAsync(IReadOnlyCollection<AcceptedItem> accepted, CancellationToken ct)
    {
        var externalIds = accepted.Select(a => a.ExternalId).ToArray();
        var stored = await RowsAsync(ResourceNames.IntakeDb,
            "SELECT external_id, id, kind FROM feedback WHERE external_id = ANY($1)", [externalIds],
            r => (ExternalId: r.GetString(0), Id: r.GetGuid(1), Kind: r.GetString(2)), ct).ConfigureAwait(false);
        var byExternalId = stored.ToLookup(s => s.ExternalId, StringComparer.Ordinal);

        // Stored under another id than Intake answered is a second copy too.
        var intakeDuplicated = accepted.Where(a => byExternalId[a.ExternalId].Count() > 1
            || byExternalId[a.ExternalId].Any(s => s.Id != a.FeedbackId)).Select(a => a.ExternalId).Order(StringComparer.Ordinal).ToList();
        var intakeLost = accepted.Where(a => !byExternalId.Contains(a.ExternalId)).Select(a => a.ExternalId).Order(StringComparer.Ordinal).ToList();

        var ids = stored.Select(s => s.Id).ToArray();
        var complaints = stored.Where(s => s.Kind == nameof(FeedbackKind.Complaint)).Select(s => s.Id).ToHashSet();

        var cases = await CountsAsync(ResourceNames.RoutingDb,
            "SELECT feedback_id, count(*) FROM cases WHERE feedback_id = ANY($1) GROUP BY feedback_id", ids, ct).ConfigureAwait(false);
        var caseComplaints = await CountsAsync(ResourceNames.RoutingDb,
            "SELECT feedback_id, count(*) FROM case_complaints WHERE feedback_id = ANY($1) GROUP BY feedback_id", ids, ct).ConfigureAwait(false);
        var facts = await CountsAsync(ResourceNames.ScoringDb,
            "SELECT feedback_id, count(*) FROM feedback_facts WHERE feedback_id = ANY($1) GROUP BY feedback_id", ids, ct).ConfigureAwait(false);

        // Each test customer is new, so each complaint opens its own case: no case, or more than one, or a case for
        // what is not a complaint, is a wrong effect.
        var casesLost = complaints.Where(id => cases.GetValueOrDefault(id) == 0 || caseComplaints.GetValueOrDefault(id) == 0).Order().ToList();
        var casesDuplicated = cases.Keys.Union(caseComplaints.Keys)
            .Where(id => cases.GetValueOrDefault(id) > 1 || caseComplaints.GetValueOrDefault(id) > 1 || !complaints.Contains(id)).Order().ToList();
        var factsLost = ids.Where(id => facts.GetValueOrDefault(id) == 0).Order().ToList();
        var factsDuplicated = facts.Where(f => f.Value > 1).Select(f => f.Key).Order().ToList();

        // Only the API's complaints carry the drill's customer tier, so only they fall under its breach policy.
        var tiered = accepted.Where(a => a.Channel == Channel.Api).Select(a => a.ExternalId).ToHashSet(StringComparer.Ordinal);
        var breaches = breachRuleId is { } ruleId
            ? await BreachesAsync([.. stored.Where(s => complaints.Contains(s.Id) && tiered.Contains(s.ExternalId)).Select(s => s.Id)], ruleId, ct).ConfigureAwait(false)
            : BreachCheck.None;

        return new Reconciliation(accepted.Count, stored.Count, complaints.Count, intakeLost, intakeDuplicated,
            casesLost, casesDuplicated, factsLost, factsDuplicated, breaches);
    }

    /// <summary>
    /// Each API complaint's case breaches its one short first-response goal: its breach recorded exactly once in Routing
    /// (no breach is a timer that never fired, two are a timer fired twice) and alerted exactly once by the rule.
    /// </summary>
    private async Task<BreachCheck> BreachesAsync(Guid[] complaintIds, Guid ruleId, CancellationToken ct)
    {
        var breaches = await RowsAsync(ResourceNames.RoutingDb,
            """
            SELECT c.id, (SELECT count(*) FROM sla_timeline t WHERE t.case_id = c.id AND t.event = 'breached')
            FROM cases c WHERE c.feedback_id = ANY($1)
            """, [complaintIds], r => (Id: r.GetGuid(0), Count: r.GetInt64(1)), ct).ConfigureAwait(false);
        var caseIds = breaches.Select(b => b.Id).ToArray();
        var alerts = (await RowsAsync(ResourceNames.NotificationsDb,
                "SELECT case_id, count(*) FROM alerts WHERE rule_id = $2 AND case_id = ANY($1) GROUP BY case_id",
                [caseIds, ruleId], r => (Id: r.GetGuid(0), Count: r.GetInt64(1)), ct).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Count);

        return new BreachCheck(
            Breached: breaches.Count(b => b.Count > 0),
            NotBreached: [.. breaches.Where(b => b.Count == 0).Select(b => b.Id).Order()],
            BreachedTwice: [.. breaches.Where(b => b.Count > 1).Select(b => b.Id).Order()],
            NotAlerted: [.. breaches.Where(b => b.Count > 0 && alerts.GetValueOrDefault(b.Id) == 0).Select(b => b.Id).Order()],
            AlertedTwice: [.. alerts.Where(a => a.Value > 1).Select(a => a.Key).Order()]);
    }

    private async Task<Dictionary<Guid, long>> CountsAsync(string database, string sql, Guid[] ids, CancellationToken ct) =>
        (await RowsAsync(database, sql, [ids], r => (Id: r.GetGuid(0), Count: r.GetInt64(1)), ct).ConfigureAwait(false))
            .ToDictionary(r => r.Id, r => r.Count);

    private async Task<List<T>> RowsAsync<T>(string database, string sql, object[] parameters, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(postgresConnection) { Database = database };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
