using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Infrastructure;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Notifications.Features.Rules;

public static class RuleEndpoints
{
    public static void MapRuleEndpoints(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Subscription rules").RequireAuthorization(Policies.QualityManager);
        rules.MapPost("/", CreateAsync);
        rules.MapGet("/", ListAsync);
        rules.MapGet("/{id:guid}", GetAsync);
        rules.MapDelete("/{id:guid}", DeleteAsync);
    }

    private static async Task<IResult> CreateAsync(
        CreateRuleRequest request, RuleValidator validator, NotificationsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var valid = await validator.ValidateAsync(request, cancellationToken);
        var rule = new SubscriptionRule
        {
            Id = Guid.CreateVersion7(),
            Name = valid.Name,
            EventTypes = valid.EventTypes,
            MinSeverity = valid.MinSeverity,
            ScopeKind = valid.ScopeKind,
            ScopeValue = valid.ScopeValue,
            Channel = valid.Channel,
            WebhookUrl = valid.WebhookUrl,
            // 32 random bytes: the receivers' HMAC key (the rule's and its escalation levels' endpoints), returned in
            // this answer and never again.
            WebhookSecret = valid.WebhookUrl is null && valid.Escalation.All(l => l.WebhookUrl is null) ? null : "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            TemplateZh = valid.TemplateZh,
            TemplateEn = valid.TemplateEn,
            EmailTo = valid.EmailTo,
            BodyZh = valid.BodyZh,
            BodyEn = valid.BodyEn,
            Language = valid.Language,
            DedupWindowSeconds = valid.DedupWindowSeconds,
            Escalation = valid.Escalation,
            CreatedBy = CallerScope.From(http.User).Subject,
            CreatedAt = time.GetUtcNow(),
        };
        db.Rules.Add(rule);
        await db.SaveChangesAsync(cancellationToken);
        return Results.Created($"/api/rules/{rule.Id}", RuleResponse.From(rule, withSecret: true));
    }

    private static async Task<List<RuleResponse>> ListAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var rules = await db.Rules.AsNoTracking().Where(r => r.DeletedAt == null).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return [.. rules.Select(r => RuleResponse.From(r))];
    }

    private static async Task<RuleResponse> GetAsync(Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var rule = await db.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.DeletedAt == null, cancellationToken)
            ?? throw new NotFoundException($"Rule {id} does not exist.");
        return RuleResponse.From(rule);
    }

    /// <summary>
    /// Marks the rule deleted and, in the same transaction, cancels its deliveries not yet sent (pending, including
    /// retries and any in flight, and held for a digest), each with a "cancelled" entry in the delivery log. A send
    /// already on the wire that the receiver then accepts is still recorded as delivered.
    /// </summary>
    private static async Task<IResult> DeleteAsync(Guid id, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rule = await db.Rules.FromSql($"SELECT * FROM subscription_rules WHERE id = {id} AND deleted_at IS NULL FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Rule {id} does not exist.");
        var now = time.GetUtcNow();
        rule.DeletedAt = now;
        var unsent = await db.Deliveries
            .FromSql($"SELECT * FROM deliveries WHERE rule_id = {id} AND status IN ('pending', 'held') FOR UPDATE")
            .ToListAsync(cancellationToken);
        foreach (var delivery in unsent)
        {
            delivery.Status = DeliveryStatuses.Cancelled;
            delivery.CompletedAt = now;
            delivery.LeasedUntil = null;
            delivery.LastError = CancelledReason;
            db.DeliveryAttempts.Add(DeliveryAttempt.For(delivery, now, DeliveryStatuses.Cancelled, CancelledReason));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Results.NoContent();
    }

    private const string CancelledReason = "rule deleted before the delivery was sent";
}
