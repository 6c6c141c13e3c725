using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.Imports;

namespace Quality.Intake.Infrastructure;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> job)
    {
        job.ToTable("import_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Format).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.CreatedBy).HasMaxLength(200);
        job.Property(j => j.Node).HasMaxLength(200);
        job.Property(j => j.SpoolFile).HasMaxLength(1000);
        job.Property(j => j.Error).HasMaxLength(1000);
        // The worker looks for its machine's unfinished jobs.
        job.HasIndex(j => new { j.Node, j.Status });
    }
}
