using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.ApiKeys;

namespace Quality.Intake.Infrastructure;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.ToTable("api_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Name).HasMaxLength(100);
        key.Property(k => k.Channel).HasMaxLength(40);
        key.Property(k => k.Prefix).HasMaxLength(20);
        key.Property(k => k.Hash).HasMaxLength(32);
        key.Property(k => k.CreatedBy).HasMaxLength(200);
        key.Property(k => k.RevokedBy).HasMaxLength(200);
        // Every authenticated request finds its key by prefix.
        key.HasIndex(k => k.Prefix).IsUnique();
    }
}
