using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.ClassifierModels;

namespace Quality.Intake.Infrastructure;

internal sealed class ClassifierModelConfiguration : IEntityTypeConfiguration<ClassifierModel>
{
    public void Configure(EntityTypeBuilder<ClassifierModel> model)
    {
        model.ToTable("classifier_models");
        model.HasKey(m => m.Id);
        model.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        model.Property(m => m.RequestedBy).HasMaxLength(200);
        model.Property(m => m.Error).HasMaxLength(2000);
        model.OwnsOne(m => m.Metrics, metrics => metrics.ToJson());
        model.HasIndex(m => new { m.Status, m.RequestedAt });

        // At most one active model, whatever two activations racing on two replicas do.
        model.HasIndex(m => m.IsActive).IsUnique().HasFilter("is_active");
    }
}
