using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.Feedback;

namespace Quality.Intake.Infrastructure;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> item)
    {
        item.ToTable("feedback");
        item.HasKey(f => f.Id);
        item.Property(f => f.Channel).HasMaxLength(40);
        item.Property(f => f.ExternalId).HasMaxLength(200);
        item.Property(f => f.Category).HasMaxLength(60);
        item.Property(f => f.Language).HasMaxLength(8);
        item.Property(f => f.CustomerKey).HasMaxLength(200);
        item.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        item.Property(f => f.SurveyType).HasConversion<string>().HasMaxLength(10);
        item.Property(f => f.Subject).HasMaxLength(500);
        // The idempotency key: a resubmission of (channel, external id) answers the original.
        item.HasIndex(f => new { f.Channel, f.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        item.HasIndex(f => f.ReceivedAt);
    }
}
