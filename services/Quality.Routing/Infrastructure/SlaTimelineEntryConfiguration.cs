using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;

namespace Quality.Routing.Infrastructure;

internal sealed class SlaTimelineEntryConfiguration : IEntityTypeConfiguration<SlaTimelineEntry>
{
    public void Configure(EntityTypeBuilder<SlaTimelineEntry> entry)
    {
        entry.ToTable("sla_timeline");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.Id).UseIdentityAlwaysColumn();
        entry.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => new { e.CaseId, e.At });
        entry.Property(e => e.Target).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.Event).HasMaxLength(20);
        entry.Property(e => e.Detail).HasMaxLength(1000);
    }
}
