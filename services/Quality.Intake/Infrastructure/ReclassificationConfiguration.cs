using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Reclassification;

namespace Quality.Intake.Infrastructure;

internal sealed class ReclassificationConfiguration : IEntityTypeConfiguration<Reclassification>
{
    public void Configure(EntityTypeBuilder<Reclassification> entry)
    {
        entry.ToTable("feedback_reclassifications");
        entry.HasKey(r => r.Id);
        entry.Property(r => r.ChangedBy).HasMaxLength(200);
        entry.Property(r => r.Reason).HasMaxLength(500);
        entry.Property(r => r.PreviousKind).HasConversion<string>().HasMaxLength(20);
        entry.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(r => r.PreviousCategory).HasMaxLength(60);
        entry.Property(r => r.Category).HasMaxLength(60);
        entry.HasOne<FeedbackItem>().WithMany().HasForeignKey(r => r.FeedbackId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(r => new { r.FeedbackId, r.ChangedAt });
    }
}
