using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Infrastructure;

internal sealed class CaseComplaintConfiguration : IEntityTypeConfiguration<CaseComplaint>
{
    public void Configure(EntityTypeBuilder<CaseComplaint> complaint)
    {
        complaint.ToTable("case_complaints");
        complaint.HasKey(c => c.FeedbackId);
        complaint.Property(c => c.Channel).HasMaxLength(40);
        complaint.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        complaint.HasIndex(c => c.CaseId);
    }
}
