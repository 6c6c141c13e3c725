using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;

namespace Quality.Routing.Infrastructure;

internal sealed class CaseEscalationConfiguration : IEntityTypeConfiguration<CaseEscalation>
{
    public void Configure(EntityTypeBuilder<CaseEscalation> escalation)
    {
        escalation.ToTable("case_escalations");
        escalation.HasKey(e => e.CaseId);
        escalation.HasOne<Case>().WithOne(c => c.Escalation).HasForeignKey<CaseEscalation>(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        escalation.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        escalation.Property(e => e.Trigger).HasConversion<string>().HasMaxLength(30);
        escalation.Property(e => e.Role).HasMaxLength(30);
        escalation.Property(e => e.AcknowledgedBy).HasMaxLength(100);
        // The sweep reads the earliest due climbs; rows that will not climb again have no time and stay out of the index.
        escalation.HasIndex(e => e.NextLevelAt).HasFilter("next_level_at IS NOT NULL");
    }
}
