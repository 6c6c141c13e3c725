using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Infrastructure;

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("case_timeline");
        entry.HasKey(e => e.Id);
        entry.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.HasIndex(e => new { e.CaseId, e.At });
        entry.Property(e => e.Actor).HasMaxLength(100);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.AgentId).HasMaxLength(100);
        entry.Property(e => e.PreviousAgentId).HasMaxLength(100);
        entry.Property(e => e.Detail).HasMaxLength(1000);
    }
}
