using Microsoft.EntityFrameworkCore;
using Quality.Intake.Features.ApiKeys;
using Quality.Intake.Features.ClassifierModels;
using Quality.Intake.Features.Feedback;
using Quality.Intake.Features.Imports;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Reclassification;
using Quality.Messaging.Persistence;

namespace Quality.Intake.Infrastructure;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Reclassification> Reclassifications => Set<Reclassification>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportRejection> ImportRejections => Set<ImportRejection>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ClassifierModel> ClassifierModels => Set<ClassifierModel>();
    public DbSet<TrainingExample> TrainingExamples => Set<TrainingExample>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
