using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Calendars;

namespace Quality.Routing.Infrastructure;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> calendar)
    {
        calendar.ToTable("business_calendars");
        calendar.HasKey(c => c.Id);
        calendar.Property(c => c.Id).HasMaxLength(100);
        calendar.Property(c => c.Name).HasMaxLength(200);
        calendar.Property(c => c.TimeZone).HasMaxLength(100);
        calendar.Property(c => c.Hours).HasJsonConversion();
        calendar.Property(c => c.Holidays).HasJsonConversion();
        // Every policy falls back to this one, so it exists from the first start; admins may change it.
        calendar.HasData(new BusinessCalendar
        {
            Id = BusinessCalendar.DefaultId,
            Name = "Default (Asia/Shanghai, Monday to Friday 09:00–18:00)",
            TimeZone = "Asia/Shanghai",
            Hours = [.. Enumerable.Range(1, 5).Select(d => new WorkingPeriod((DayOfWeek)d, 9 * 60, 18 * 60))],
            Holidays = [],
            UpdatedAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero),
        });
    }
}
