using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.ClassifierModels;

namespace Quality.Intake.Infrastructure;

internal sealed class TrainingExampleConfiguration : IEntityTypeConfiguration<TrainingExample>
{
    public void Configure(EntityTypeBuilder<TrainingExample> example)
    {
        example.ToTable("classifier_training_examples");
        example.HasKey(e => e.Id);
        example.Property(e => e.Text).HasMaxLength(TrainingExampleImporter.MaxTextLength);
        example.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        example.Property(e => e.Category).HasMaxLength(60);
        example.Property(e => e.ImportedBy).HasMaxLength(200);
    }
}
