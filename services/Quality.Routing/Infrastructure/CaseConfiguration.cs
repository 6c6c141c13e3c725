using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Infrastructure;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> @case)
    {
        @case.ToTable("cases");
        @case.HasKey(c => c.Id);
        @case.HasIndex(c => c.FeedbackId).IsUnique();
        @case.HasIndex(c => new { c.Status, c.Priority, c.OpenedAt });
        @case.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        @case.Property(c => c.Category).HasMaxLength(60);
        @case.Property(c => c.Channel).HasMaxLength(40);
        @case.Property(c => c.Language).HasMaxLength(8);
        @case.Property(c => c.Summary).HasMaxLength(400);
        @case.Property(c => c.CustomerKey).HasMaxLength(200);
        @case.Property(c => c.CustomerTier).HasMaxLength(60);
        @case.Property(c => c.SlaPolicyId).HasMaxLength(100);
        @case.Property(c => c.TeamId).HasMaxLength(100);
        @case.Property(c => c.AgentId).HasMaxLength(100);
        @case.Ignore(c => c.IsActive);
        // The queue: unassigned open cases, most urgent first, then oldest (priority 1 is the most urgent).
        @case.HasIndex(c => new { c.Priority, c.OpenedAt }).HasDatabaseName("ix_cases_queue").HasFilter("status = 'Open'");
        @case.HasIndex(c => new { c.AgentId, c.Status });
        // A repeat complaint looks for its customer's unresolved case on the same category.
        @case.HasIndex(c => new { c.CustomerKey, c.Category }).HasFilter("status IN ('Open', 'Assigned', 'PendingCustomer')");
    }
}
