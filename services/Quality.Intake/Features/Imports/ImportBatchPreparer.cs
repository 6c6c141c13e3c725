using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Validation;

namespace Quality.Intake.Features.Imports;

/// <summary>
/// The CPU half of importing a batch: validates, classifies and encrypts its rows, touching no database, so the
/// runner can do it for the next batch while the previous one is being written.
/// </summary>
public sealed class ImportBatchPreparer(FeedbackClassifier classifier, PiiProtector pii, TimeProvider time)
{
    public PreparedImportBatch Prepare(Guid jobId, IReadOnlyList<ImportRow> rows, CancellationToken cancellationToken)
    {
        // Each row is independent: all cores.
        var outcomes = new (Dictionary<string, string[]>? Errors, FeedbackItem? Item)[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, index =>
        {
            if (rows[index].Request is not { } request)
            {
                return; // unreadable; its reason is already known
            }

            if ((RequestValidator.Errors(request) ?? pii.Refusal(request.Contact())) is { } errors)
            {
                outcomes[index] = (errors, null);
                return;
            }

            var item = FeedbackSubmitter.Build(ChannelNames.Import, request, classifier, time);
            if (item.Contact is { } contact)
            {
                pii.Protect(item, contact);
            }

            outcomes[index] = (null, item);
        });

        // Unreadable rows first, then invalid ones: the order the rejection report has always had.
        var rejections = rows.Where(r => r.Error is not null).Select(r => new ImportRejection { JobId = jobId, Row = r.Row, Reason = r.Error! }).ToList();
        var fresh = new List<(FeedbackItem Item, string? Tier)>(rows.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        for (var index = 0; index < rows.Count; index++)
        {
            var (errors, item) = outcomes[index];
            if (errors is not null)
            {
                rejections.Add(new ImportRejection
                {
                    JobId = jobId,
                    Row = rows[index].Row,
                    Reason = string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
                });
            }
            else if (item is null)
            {
                // unreadable, listed above
            }
            else if (item.ExternalId is { } externalId && !seen.Add(externalId))
            {
                duplicates++; // the first row with this id in the batch is the one stored
            }
            else
            {
                fresh.Add((item, rows[index].Request!.CustomerTier));
            }
        }

        return new PreparedImportBatch(rows, rejections, fresh, duplicates);
    }
}
