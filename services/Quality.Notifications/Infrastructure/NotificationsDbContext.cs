using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Infrastructure;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<Alert> Alerts => Set<Alert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Alert>(alert =>
        {
            alert.ToTable("alerts");
            alert.HasKey(a => a.Id);
            alert.Property(a => a.Kind).HasMaxLength(40);
            alert.Property(a => a.RecipientRole).HasMaxLength(40);
            alert.Property(a => a.TeamId).HasMaxLength(100);
            alert.Property(a => a.Title).HasMaxLength(300);
            alert.Property(a => a.AcknowledgedBy).HasMaxLength(100);
            alert.HasIndex(a => new { a.Kind, a.SourceEventId }).IsUnique();
            alert.HasIndex(a => a.CaseId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
