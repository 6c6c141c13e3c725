using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Notifications.Features.Alerts;
using Quality.Notifications.Features.Deliveries;
using Quality.Notifications.Features.Rules;
using Quality.Notifications.Features.Webhooks;

namespace Quality.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<SubscriptionRule> Rules => Set<SubscriptionRule>();
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();
    public DbSet<DeliveryAttempt> DeliveryAttempts => Set<DeliveryAttempt>();

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
            alert.HasIndex(a => new { a.Kind, a.SourceEventId, a.RuleId }).IsUnique();
            alert.HasIndex(a => a.CaseId);
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
            rule.HasIndex(r => r.EventTypes).HasMethod("gin").HasFilter("deleted_at IS NULL");
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.Url).HasMaxLength(2000);
            delivery.Property(d => d.Status).HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(1000);
            // One delivery per alert: a redelivered event cannot queue a second.
            delivery.HasIndex(d => d.AlertId).IsUnique();
            // What the worker's claim scans: only pending rows, by due time.
            delivery.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'pending'").HasDatabaseName("ix_deliveries_due");
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
        modelBuilder.AddOutboxAndInbox();
    }
}
