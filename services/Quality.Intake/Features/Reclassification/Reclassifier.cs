using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Validation;
using Quality.Intake.Infrastructure;
using Quality.Messaging.Outbox;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Reclassification;

/// <summary>
/// Applies a person's correction: the item, its history row and the <see cref="FeedbackReclassified"/>
/// event commit together. The row is locked while it changes, so two corrections at once are applied one
/// after the other and each history row's "before" is what the other left. An item a person turns into a
/// complaint also raises <see cref="ComplaintRaised"/> (Routing opens at most one case per feedback id).
/// </summary>
public sealed class Reclassifier(IntakeDbContext db, FeedbackClassifier classifier, TimeProvider time)
{
    public async Task<ReclassificationEntry> ReclassifyAsync(Guid feedbackId, ReclassifyRequest request, string changedBy, CancellationToken cancellationToken)
    {
        var kind = Validate(request);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var item = await db.Feedback.FromSqlInterpolated($"SELECT * FROM feedback WHERE id = {feedbackId} FOR UPDATE")
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Feedback {feedbackId} does not exist.");

        var entry = new Reclassification
        {
            Id = Guid.CreateVersion7(),
            FeedbackId = item.Id,
            ChangedBy = changedBy,
            ChangedAt = time.GetUtcNow(),
            Reason = request.Reason!.Trim(),
            PreviousKind = item.Kind,
            PreviousCategory = item.Category,
            PreviousSeverity = item.Severity,
            Kind = kind ?? item.Kind,
            Category = request.Category ?? item.Category,
            Severity = request.Severity ?? item.Severity,
        };

        item.Kind = entry.Kind;
        item.Category = entry.Category;
        item.Severity = entry.Severity;
        item.Confidence = 1;
        item.Evidence = [.. item.Evidence, $"reclassified:{changedBy}"];
        db.Reclassifications.Add(entry);
        db.AddToOutbox(new FeedbackReclassified
        {
            CorrelationId = item.Id,
            FeedbackId = item.Id,
            PreviousKind = entry.PreviousKind,
            Kind = entry.Kind,
            PreviousCategory = entry.PreviousCategory,
            Category = entry.Category,
            PreviousSeverity = entry.PreviousSeverity,
            Severity = entry.Severity,
            ReclassifiedBy = changedBy,
            Reason = entry.Reason,
            ReclassifiedAt = entry.ChangedAt,
        });
        if (entry.Kind == FeedbackKind.Complaint && entry.PreviousKind != FeedbackKind.Complaint)
        {
            db.AddToOutbox(FeedbackSubmitter.ComplaintRaised(item, customerTier: null));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ReclassificationEntry.From(entry);
    }

    public async Task<IReadOnlyList<ReclassificationEntry>> HistoryAsync(Guid feedbackId, CancellationToken cancellationToken)
    {
        if (!await db.Feedback.AnyAsync(f => f.Id == feedbackId, cancellationToken))
        {
            throw new NotFoundException($"Feedback {feedbackId} does not exist.");
        }

        return (await db.Reclassifications.AsNoTracking().Where(r => r.FeedbackId == feedbackId).OrderBy(r => r.ChangedAt).ToListAsync(cancellationToken))
            .Select(ReclassificationEntry.From).ToList();
    }

    private FeedbackKind? Validate(ReclassifyRequest request)
    {
        var errors = RequestValidator.Errors(request) ?? [];
        FeedbackKind? kind = null;
        if (request.Kind is not null)
        {
            if (EnumNames.TryParse<FeedbackKind>(request.Kind, out var parsed))
            {
                kind = parsed;
            }
            else
            {
                errors["kind"] = ["must be one of: complaint, praise, suggestion, inquiry"];
            }
        }

        if (request.Category is not null && !classifier.Categories.Contains(request.Category))
        {
            errors["category"] = [$"must be one of: {string.Join(", ", classifier.Categories.Order())}"];
        }

        if (request is { Kind: null, Category: null, Severity: null })
        {
            errors["kind"] = ["give at least one of kind, category or severity"];
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        return kind;
    }
}
