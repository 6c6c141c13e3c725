using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Validation;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Feedback;

/// <summary>
/// Stores a batch in one transaction when it can: one query finds the external ids already seen, one save
/// writes the new items and their events. Invalid items are reported and skipped, never half-stored. If a
/// concurrent submission takes an external id in between (unique violation), or two overlapping batches lock
/// each other's rows (deadlock: EF orders inserts by id, not external id), the whole save rolls back and the
/// new items go one by one through <see cref="FeedbackSubmitter"/>, which settles each race.
/// </summary>
public sealed class FeedbackBatchSubmitter(IntakeDbContext db, FeedbackSubmitter submitter, PiiProtector pii)
{
    public const int MaxItems = 1000;

    public async Task<SubmitBatchResponse> SubmitAsync(string channel, SubmitBatchRequest request, CancellationToken cancellationToken)
    {
        var items = request.Items ?? throw new RequestValidationException("items", "is required");
        if (items.Count is 0 or > MaxItems)
        {
            throw new RequestValidationException("items", $"must hold 1 to {MaxItems:N0} items (got {items.Count:N0})");
        }

        var results = new BatchItemResult?[items.Count];
        var valid = new List<(int Index, SubmitFeedbackRequest Request)>();
        for (var index = 0; index < items.Count; index++)
        {
            var errors = items[index] is { } item ? RequestValidator.Errors(item) ?? pii.Refusal(item.Contact()) : new() { [""] = ["must be an object"] };
            if (errors is null)
            {
                valid.Add((index, items[index]!));
            }
            else
            {
                results[index] = new BatchItemResult(index) { Errors = errors };
            }
        }

        var externalIds = valid.Select(v => v.Request.ExternalId).OfType<string>().Distinct().ToList();
        var existing = await db.Feedback.AsNoTracking()
            .Where(f => f.Channel == channel && f.ExternalId != null && externalIds.Contains(f.ExternalId))
            .ToDictionaryAsync(f => f.ExternalId!, cancellationToken);

        // The first occurrence of an external id in the batch is stored; later ones answer it as duplicates.
        var fresh = new List<(int Index, FeedbackItem Item, string? Tier)>();
        var firstInBatch = new Dictionary<string, FeedbackItem>();
        var repeats = new List<(int Index, string ExternalId)>();
        foreach (var (index, item) in valid)
        {
            if (item.ExternalId is { } externalId && existing.TryGetValue(externalId, out var original))
            {
                results[index] = BatchItemResult.Stored(index, FeedbackSubmitter.Answer(original, duplicate: true));
            }
            else if (item.ExternalId is { } repeated && firstInBatch.ContainsKey(repeated))
            {
                repeats.Add((index, repeated));
            }
            else
            {
                var built = submitter.Build(channel, item);
                fresh.Add((index, built, item.CustomerTier));
                if (item.ExternalId is not null)
                {
                    firstInBatch[item.ExternalId] = built;
                }
            }
        }

        var answers = await StoreAsync(fresh, cancellationToken);
        foreach (var (index, answer) in answers)
        {
            results[index] = BatchItemResult.Stored(index, answer);
        }

        var byExternalId = fresh.Zip(answers).Where(p => p.First.Item.ExternalId is not null)
            .ToDictionary(p => p.First.Item.ExternalId!, p => p.Second.Answer);
        foreach (var (index, externalId) in repeats)
        {
            results[index] = BatchItemResult.Stored(index, byExternalId[externalId] with { Duplicate = true });
        }

        var all = results.Select(r => r!).ToList();
        return new SubmitBatchResponse(
            Stored: all.Count(r => r.Duplicate == false),
            Duplicates: all.Count(r => r.Duplicate == true),
            Rejected: all.Count(r => r.Errors is not null),
            Items: all);
    }

    private async Task<List<(int Index, SubmitFeedbackResponse Answer)>> StoreAsync(
        List<(int Index, FeedbackItem Item, string? Tier)> fresh, CancellationToken cancellationToken)
    {
        if (fresh.Count == 0)
        {
            return [];
        }

        foreach (var (_, item, tier) in fresh)
        {
            submitter.Stage(item, tier, []);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return [.. fresh.Select(f => (f.Index, FeedbackSubmitter.Answer(f.Item, duplicate: false)))];
        }
        catch (Exception e) when (FeedbackSubmitter.IsUniqueViolation(e) || IsDeadlock(e))
        {
            db.ChangeTracker.Clear();
            var answers = new List<(int, SubmitFeedbackResponse)>();
            foreach (var (index, item, tier) in fresh)
            {
                answers.Add((index, await submitter.SubmitAsync(item, tier, [], cancellationToken)));
            }

            return answers;
        }
    }

    /// <summary>EF reports a deadlock wrapped (as a transient failure), so the cause is looked for down the chain.</summary>
    private static bool IsDeadlock(Exception e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected } || e.InnerException is { } inner && IsDeadlock(inner);
}
