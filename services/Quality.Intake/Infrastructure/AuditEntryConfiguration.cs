using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Infrastructure;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_log");
        entry.HasKey(a => a.Id);
        entry.Property(a => a.Actor).HasMaxLength(200);
        entry.Property(a => a.Action).HasMaxLength(60);
        entry.Property(a => a.Subject).HasMaxLength(200);
        entry.Property(a => a.Details).HasMaxLength(1000);
        entry.HasIndex(a => a.At);
    }
}
