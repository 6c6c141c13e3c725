using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;

namespace Quality.Routing.Infrastructure;

internal sealed class SlaTimerConfiguration : IEntityTypeConfiguration<SlaTimer>
{
    public void Configure(EntityTypeBuilder<SlaTimer> timer)
    {
        timer.ToTable("sla_timers");
        timer.HasKey(t => t.Id);
        timer.Property(t => t.Id).UseIdentityAlwaysColumn();
        timer.Property(t => t.Target).HasConversion<string>().HasMaxLength(20);
        timer.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        timer.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Cascade);
        // The sweep reads the earliest due timers; only pending timers exist, so the table stays as small as the open clocks.
        timer.HasIndex(t => t.DueAt);
        timer.HasIndex(t => new { t.CaseId, t.Target });
    }
}
