using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Sla;

namespace Quality.Routing.Infrastructure;

internal sealed class SlaPolicyConfiguration : IEntityTypeConfiguration<SlaPolicy>
{
    public void Configure(EntityTypeBuilder<SlaPolicy> policy)
    {
        policy.ToTable("sla_policies", t =>
            t.HasCheckConstraint("ck_sla_policies_warning_fraction", "warning_fraction > 0 AND warning_fraction < 1"));
        policy.HasKey(p => p.Id);
        policy.Property(p => p.Id).HasMaxLength(100);
        policy.Property(p => p.Name).HasMaxLength(200);
        policy.Property(p => p.CalendarId).HasMaxLength(100);
        policy.Property(p => p.Targets).HasJsonConversion();
        policy.HasOne<BusinessCalendar>().WithMany().HasForeignKey(p => p.CalendarId).OnDelete(DeleteBehavior.Restrict);
        policy.HasIndex(p => new { p.Rank, p.Id });
    }
}
