using Microsoft.EntityFrameworkCore;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Features.Channels;
using Quality.Intake.Features.Email;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Validation;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.Search;

/// <summary>
/// Reads stored feedback: one item, or a filtered list newest first with keyset paging on (received at, id),
/// so a page costs the same however deep it is and items arriving meanwhile neither repeat nor vanish. A
/// customer is found by the lookup hash of their email or phone: nothing is decrypted to search.
/// </summary>
public sealed class FeedbackQueries(IntakeDbContext db, FeedbackClassifier classifier, PiiProtector pii)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    private static readonly string[] Languages = ["en", "zh"];

    public async Task<FeedbackItem> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken)
        ?? throw new NotFoundException($"Feedback {id} does not exist.");

    public async Task<FeedbackPage> ListAsync(FeedbackFilter filter, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = Filter(db.Feedback.AsNoTracking(), filter, errors);
        var pageSize = filter.PageSize switch
        {
            0 => DefaultPageSize,
            >= 1 and <= MaxPageSize => filter.PageSize,
            _ => Fail(errors, "page_size", $"must be between 1 and {MaxPageSize} (got {filter.PageSize})", 0),
        };

        if (filter.PageToken.Length > 0)
        {
            if (FeedbackPageToken.TryDecode(filter.PageToken, out var position))
            {
                var (at, id) = position.Value;
                // A row comparison, so PostgreSQL walks the (received_at, id) index from the cursor.
                query = query.Where(f => EF.Functions.LessThan(ValueTuple.Create(f.ReceivedAt, f.Id), ValueTuple.Create(at, id)));
            }
            else
            {
                errors["page_token"] = ["is not a token this list gave out: pass next_page_token unchanged"];
            }
        }

        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var page = await WithoutTurns(query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id))
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);
        if (page.Count <= pageSize)
        {
            return new FeedbackPage(page, null);
        }

        var last = page[pageSize - 1];
        return new FeedbackPage(page[..pageSize], FeedbackPageToken.Encode(last.ReceivedAt, last.Id));
    }

    /// <summary>
    /// Counts per channel, kind, category and sentiment band in [from, to), each a GROUP BY in PostgreSQL over the
    /// (received_at) index: no row is loaded. <paramref name="filter"/>'s paging and contact fields are not used.
    /// </summary>
    public async Task<FeedbackCounts> CountAsync(FeedbackFilter filter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (filter.From is null)
        {
            errors["from"] = ["is required"];
        }

        var period = filter with { To = filter.To ?? now, CustomerEmail = "", CustomerPhone = "", PageSize = 0, PageToken = "" };
        var query = Filter(db.Feedback.AsNoTracking(), period, errors);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var byChannel = await Count(query.GroupBy(f => f.Channel), cancellationToken);
        var byKind = await query.GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var byCategory = await Count(query.GroupBy(f => f.Category), cancellationToken);
        var bySentiment = await Count(query.GroupBy(f =>
            f.Sentiment <= FeedbackCounts.NegativeSentiment ? "negative" : f.Sentiment >= FeedbackCounts.PositiveSentiment ? "positive" : "neutral"), cancellationToken);
        return new FeedbackCounts(
            period.From!.Value, period.To!.Value, byChannel.Sum(c => c.Value), byChannel,
            MostFirst(byKind.Select(k => KeyValuePair.Create(k.Key.ToString().ToLowerInvariant(), k.Count))), byCategory, bySentiment);
    }

    private static async Task<IReadOnlyList<KeyValuePair<string, long>>> Count(IQueryable<IGrouping<string, FeedbackItem>> groups, CancellationToken ct) =>
        MostFirst(await groups.Select(g => KeyValuePair.Create(g.Key, g.LongCount())).ToListAsync(ct));

    private static IReadOnlyList<KeyValuePair<string, long>> MostFirst(IEnumerable<KeyValuePair<string, long>> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private IQueryable<FeedbackItem> Filter(IQueryable<FeedbackItem> query, FeedbackFilter filter, Dictionary<string, string[]> errors)
    {
        if (filter.Channel.Length > 0)
        {
            query = ChannelNames.Stored.Contains(filter.Channel)
                ? query.Where(f => f.Channel == filter.Channel)
                : Fail(errors, "channel", $"must be one of: {string.Join(", ", ChannelNames.Stored)}", query);
        }

        if (filter.Kind.Length > 0)
        {
            query = EnumNames.TryParse<FeedbackKind>(filter.Kind, out var kind)
                ? query.Where(f => f.Kind == kind)
                : Fail(errors, "kind", "must be one of: complaint, praise, suggestion, inquiry", query);
        }

        if (filter.Category.Length > 0)
        {
            query = classifier.Categories.Contains(filter.Category)
                ? query.Where(f => f.Category == filter.Category)
                : Fail(errors, "category", $"must be one of: {string.Join(", ", classifier.Categories.Order())}", query);
        }

        if (filter.Severity != 0)
        {
            query = filter.Severity is >= 1 and <= 4
                ? query.Where(f => f.Severity == filter.Severity)
                : Fail(errors, "severity", $"must be between 1 and 4 (got {filter.Severity})", query);
        }

        if (filter.Language.Length > 0)
        {
            query = Languages.Contains(filter.Language)
                ? query.Where(f => f.Language == filter.Language)
                : Fail(errors, "language", "must be zh or en", query);
        }

        if (filter.From is { } from)
        {
            query = query.Where(f => f.ReceivedAt >= from);
        }

        if (filter.To is { } to)
        {
            query = filter.From is { } start && to <= start
                ? Fail(errors, "to", "must be after from", query)
                : query.Where(f => f.ReceivedAt < to);
        }

        return FilterCustomer(query, filter, errors);
    }

    private IQueryable<FeedbackItem> FilterCustomer(IQueryable<FeedbackItem> query, FeedbackFilter filter, Dictionary<string, string[]> errors)
    {
        var contactErrors = ContactRules.Validate(filter.CustomerEmail, filter.CustomerPhone, null).ToList();
        foreach (var error in contactErrors)
        {
            errors[error.MemberNames.First() == "CustomerEmail" ? "customer_email" : "customer_phone"] = [error.ErrorMessage!];
        }

        var email = CustomerContact.NormalizeEmail(filter.CustomerEmail);
        var phone = CustomerContact.NormalizePhone(filter.CustomerPhone);
        if ((email is not null || phone is not null) && !pii.Enabled)
        {
            return Fail(errors, email is not null ? "customer_email" : "customer_phone",
                "cannot be searched: this Intake stores no contact data (Intake:Pii)", query);
        }

        if (contactErrors.Count > 0)
        {
            return query;
        }

        if (email is not null)
        {
            // Also the email channel's pseudonym, which items stored before contact data was kept carry.
            var lookup = pii.Lookup("email", email);
            var emailKey = CustomerKeys.FromEmail(email);
            query = query.Where(f => f.EmailLookup == lookup || f.CustomerKey == emailKey);
        }

        if (phone is not null)
        {
            var lookup = pii.Lookup("phone", phone);
            query = query.Where(f => f.PhoneLookup == lookup);
        }

        if (!string.IsNullOrWhiteSpace(filter.CustomerId))
        {
            var customerId = filter.CustomerId.Trim();
            query = query.Where(f => f.CustomerKey == customerId);
        }

        return query;
    }

    /// <summary>Every column but the transcript turns, which can be long: a list shows items, GetFeedback a whole one.</summary>
    private static IQueryable<FeedbackItem> WithoutTurns(IQueryable<FeedbackItem> query) => query.Select(f => new FeedbackItem
    {
        Id = f.Id,
        Channel = f.Channel,
        ExternalId = f.ExternalId,
        Text = f.Text,
        CustomerKey = f.CustomerKey,
        Kind = f.Kind,
        Category = f.Category,
        Severity = f.Severity,
        Sentiment = f.Sentiment,
        Language = f.Language,
        Confidence = f.Confidence,
        Evidence = f.Evidence,
        ReceivedAt = f.ReceivedAt,
        CaseId = f.CaseId,
        SurveyType = f.SurveyType,
        SurveyScore = f.SurveyScore,
        Subject = f.Subject,
        OccurredAt = f.OccurredAt,
        Source = f.Source,
        Rating = f.Rating,
        RatingMin = f.RatingMin,
        RatingMax = f.RatingMax,
        CustomerEmail = f.CustomerEmail,
        CustomerPhone = f.CustomerPhone,
        CustomerName = f.CustomerName,
        PiiKeyId = f.PiiKeyId,
        ErasedAt = f.ErasedAt,
    });

    private static T Fail<T>(Dictionary<string, string[]> errors, string field, string error, T fallback)
    {
        errors[field] = [error];
        return fallback;
    }
}
