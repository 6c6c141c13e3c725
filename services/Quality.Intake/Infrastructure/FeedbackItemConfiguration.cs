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
        item.Property(f => f.Source).HasMaxLength(40);
        item.Ignore(f => f.Contact);
        item.Property(f => f.PiiKeyId).HasMaxLength(40);
        // A customer's items are found by lookup hash (erasure, queries); rows still under an old key by key id.
        item.HasIndex(f => f.EmailLookup).HasFilter("email_lookup IS NOT NULL");
        item.HasIndex(f => f.PhoneLookup).HasFilter("phone_lookup IS NOT NULL");
        item.HasIndex(f => f.PiiKeyId).HasFilter("pii_key_id IS NOT NULL");
        item.OwnsMany(f => f.Turns, turns =>
        {
            turns.ToJson();
            turns.Property(t => t.Role).HasJsonPropertyName("role");
            turns.Property(t => t.Text).HasJsonPropertyName("text");
            turns.Property(t => t.At).HasJsonPropertyName("at");
        });
        // The idempotency key: a resubmission of (channel, external id) answers the original.
        item.HasIndex(f => new { f.Channel, f.ExternalId }).IsUnique().HasFilter("external_id IS NOT NULL");
        // The list's sort key and keyset cursor, newest first; also serves time ranges.
        item.HasIndex(f => new { f.ReceivedAt, f.Id });
        item.HasIndex(f => f.CustomerKey).HasFilter("customer_key IS NOT NULL");
    }
}
