using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Escalation;
using Quality.Notifications.Features.Feed;
using Quality.Notifications.Features.Noise;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Surveys;

namespace Quality.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<SubscriptionRule> Rules => Set<SubscriptionRule>();
    public DbSet<Delivery> Deliveries => Set<Delivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();
    public DbSet<EndpointCircuit> EndpointCircuits => Set<EndpointCircuit>();
    public DbSet<RecipientQuietHours> QuietHours => Set<RecipientQuietHours>();
    public DbSet<EscalationTimer> EscalationTimers => Set<EscalationTimer>();
    public DbSet<AlertRead> AlertReads => Set<AlertRead>();
    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Alert>(alert =>
        {
            alert.ToTable("alerts");
            alert.HasKey(a => a.Id);
            alert.Property(a => a.Kind).HasMaxLength(40);
            alert.Property(a => a.RecipientRole).HasMaxLength(40);
            alert.Property(a => a.RecipientId).HasMaxLength(100);
            alert.Property(a => a.TeamId).HasMaxLength(100);
            alert.Property(a => a.Title).HasMaxLength(300);
            alert.Property(a => a.TitleZh).HasMaxLength(300);
            alert.Property(a => a.Channel).HasMaxLength(20).HasDefaultValue("in_app");
            alert.Property(a => a.AcknowledgedBy).HasMaxLength(100);
            alert.HasIndex(a => new { a.Kind, a.SourceEventId, a.RuleId, a.EscalationLevel }).IsUnique();
            alert.HasIndex(a => a.ChainId).HasFilter("chain_id IS NOT NULL");
            // A person's feed and unread count: recent in-app alerts by recipient.
            alert.HasIndex(a => new { a.RecipientId, a.RecipientRole, a.TeamId, a.CreatedAt })
                .HasFilter("channel = 'in_app' AND duplicate_of IS NULL").HasDatabaseName("ix_alerts_feed");
            alert.HasIndex(a => a.CaseId);
            alert.Property(a => a.DedupKey).HasMaxLength(200);
            alert.HasIndex(a => new { a.RuleId, a.DedupKey, a.CreatedAt }).HasFilter("dedup_key IS NOT NULL");
        });
        modelBuilder.Entity<SubscriptionRule>(rule =>
        {
            rule.ToTable("subscription_rules");
            rule.HasKey(r => r.Id);
            rule.Property(r => r.Name).HasMaxLength(200);
            rule.Property(r => r.ScopeKind).HasMaxLength(20);
            rule.Property(r => r.ScopeValue).HasMaxLength(100);
            rule.Property(r => r.Channel).HasMaxLength(20);
            rule.Property(r => r.WebhookUrl).HasMaxLength(2000);
            rule.Property(r => r.WebhookSecret).HasMaxLength(100);
            rule.Property(r => r.CreatedBy).HasMaxLength(100);
            rule.Property(r => r.EmailTo).HasDefaultValueSql("'{}'::text[]");
            rule.Property(r => r.BodyZh).HasMaxLength(10_000);
            rule.Property(r => r.BodyEn).HasMaxLength(10_000);
            rule.Property(r => r.Language).HasMaxLength(5);
            rule.HasIndex(r => r.EventTypes).HasMethod("gin").HasFilter("deleted_at IS NULL");
            rule.OwnsMany(r => r.Escalation, level => level.ToJson("escalation"));
        });
        modelBuilder.Entity<Delivery>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Channel).HasMaxLength(20).HasDefaultValue("webhook");
            delivery.Property(d => d.Url).HasMaxLength(2000);
            delivery.Property(d => d.Recipient).HasMaxLength(254);
            delivery.Property(d => d.Subject).HasMaxLength(300);
            delivery.Property(d => d.Status).HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            // One delivery per alert and recipient: a redelivered event cannot queue a second.
            delivery.HasIndex(d => new { d.AlertId, d.Recipient }).IsUnique().AreNullsDistinct(false).HasFilter("alert_id IS NOT NULL");
            delivery.Property(d => d.Kind).HasMaxLength(10).HasDefaultValue(DeliveryKinds.Alert);
            delivery.Property(d => d.Reason).HasMaxLength(20);
            // The throttle's count and the digest sweep: one recipient's email, by time.
            delivery.HasIndex(d => new { d.Recipient, d.CreatedAt }).HasFilter("recipient IS NOT NULL");
            delivery.HasIndex(d => d.HoldUntil).HasFilter("status = 'held'");
            // What the email claim scans: pending rows without an endpoint, by due time. The two claim indexes take
            // disjoint rows, so each claim has exactly one index that fits: with both over every pending row, a fresh,
            // not yet analysed table had the webhook claim read every pending row through this one, which slowed the
            // claim as the backlog grew and let the backlog grow.
            delivery.HasIndex(d => new { d.Channel, d.NextAttemptAt }).HasFilter("status = 'pending' AND endpoint IS NULL").HasDatabaseName("ix_deliveries_due");
            // Computed here so every writer (consumers, digests, escalations, surveys) agrees on the endpoint key.
            delivery.Property(d => d.Endpoint).HasMaxLength(2000).HasComputedColumnSql("lower(substring(url from '^[^:/?#]+://[^/?#]*'))", stored: true);
            // The webhook claim: the endpoints with pending rows (skipped through one by one), each one's due rows, and
            // what the per-endpoint cap counts, its unexpired leases (a lease is also the row's next attempt time).
            delivery.HasIndex(d => new { d.Channel, d.Endpoint, d.NextAttemptAt }).HasFilter("status = 'pending' AND endpoint IS NOT NULL").HasDatabaseName("ix_deliveries_endpoint_due");
            // Cancelling a deleted rule's unsent deliveries.
            delivery.HasIndex(d => d.RuleId).HasFilter("status IN ('pending', 'held')").HasDatabaseName("ix_deliveries_rule_unsent");
        });
        modelBuilder.Entity<EndpointCircuit>(circuit =>
        {
            circuit.ToTable("endpoint_circuits");
            circuit.HasKey(c => c.Endpoint);
            circuit.Property(c => c.Endpoint).HasMaxLength(2000);
            circuit.Property(c => c.LastError).HasMaxLength(1000);
        });
        modelBuilder.Entity<DeliveryAttempt>(attempt =>
        {
            attempt.ToTable("delivery_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Channel).HasMaxLength(20);
            attempt.Property(a => a.Outcome).HasMaxLength(20);
            attempt.Property(a => a.Error).HasMaxLength(1000);
            attempt.HasIndex(a => a.AlertId);
            attempt.HasIndex(a => new { a.RuleId, a.AttemptedAt });
            attempt.HasIndex(a => a.AttemptedAt);
        });
        modelBuilder.Entity<RecipientQuietHours>(quiet =>
        {
            // Either a fixed period (all three of its columns) or a calendar, never a mix.
            quiet.ToTable("recipient_quiet_hours", t => t.HasCheckConstraint(
                "ck_recipient_quiet_hours_one_kind",
                "(calendar_id IS NOT NULL AND time_zone IS NULL AND start IS NULL AND \"end\" IS NULL) OR (calendar_id IS NULL AND time_zone IS NOT NULL AND start IS NOT NULL AND \"end\" IS NOT NULL)"));
            quiet.HasKey(q => q.Address);
            quiet.Property(q => q.Address).HasMaxLength(254);
            quiet.Property(q => q.TimeZone).HasMaxLength(100);
            quiet.Property(q => q.CalendarId).HasMaxLength(100);
            quiet.Property(q => q.UpdatedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<EscalationTimer>(timer =>
        {
            timer.ToTable("escalation_timers");
            timer.HasKey(t => t.ChainId);
            timer.Property(t => t.EventType).HasMaxLength(60);
            // The sweep's scan: due timers, oldest first.
            timer.HasIndex(t => t.DueAt);
        });
        modelBuilder.Entity<AlertRead>(read =>
        {
            read.ToTable("alert_reads");
            read.HasKey(r => new { r.Subject, r.AlertId });
            read.Property(r => r.Subject).HasMaxLength(100);
        });
        modelBuilder.Entity<SurveyInvitation>(invitation =>
        {
            invitation.ToTable("survey_invitations");
            invitation.HasKey(i => i.Id);
            // One decision per case, ever: a redelivered or repeated resolution cannot make a second.
            invitation.HasIndex(i => i.CaseId).IsUnique();
            invitation.Property(i => i.CustomerKey).HasMaxLength(200);
            invitation.Property(i => i.TeamId).HasMaxLength(100);
            invitation.Property(i => i.SurveyType).HasMaxLength(10);
            invitation.Property(i => i.Status).HasMaxLength(20);
            invitation.Property(i => i.Reason).HasMaxLength(40);
            invitation.Property(i => i.Language).HasMaxLength(5);
            invitation.Property(i => i.LastError).HasMaxLength(1000);
            // The sweep's scan: scheduled invitations by due time.
            invitation.HasIndex(i => i.DueAt).HasFilter("status = 'scheduled'").HasDatabaseName("ix_survey_invitations_due");
            // The cooldown's look-up: a customer's live invitations by time.
            invitation.HasIndex(i => new { i.CustomerKey, i.DueAt }).HasFilter("status IN ('scheduled', 'sent')").HasDatabaseName("ix_survey_invitations_cooldown");
            invitation.HasIndex(i => i.CreatedAt);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
