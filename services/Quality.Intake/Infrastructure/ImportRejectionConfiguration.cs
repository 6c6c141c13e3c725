using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Intake.Features.Imports;

namespace Quality.Intake.Infrastructure;

internal sealed class ImportRejectionConfiguration : IEntityTypeConfiguration<ImportRejection>
{
    public void Configure(EntityTypeBuilder<ImportRejection> rejection)
    {
        rejection.ToTable("import_rejections");
        rejection.HasKey(r => new { r.JobId, r.Row });
        rejection.Property(r => r.Reason).HasMaxLength(2000);
        rejection.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
