using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Sla;

namespace Quality.Routing.Infrastructure;

internal sealed class SlaClockConfiguration : IEntityTypeConfiguration<SlaClock>
{
    public void Configure(EntityTypeBuilder<SlaClock> clock)
    {
        clock.ToTable("sla_clocks");
        clock.HasKey(c => new { c.CaseId, c.Target });
        clock.Property(c => c.Target).HasConversion<string>().HasMaxLength(20);
        clock.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        clock.Property(c => c.CalendarId).HasMaxLength(100);
        clock.Ignore(c => c.WarnAfter);
        clock.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        clock.HasOne<BusinessCalendar>().WithMany().HasForeignKey(c => c.CalendarId).OnDelete(DeleteBehavior.Restrict);
    }
}
