using Microsoft.EntityFrameworkCore;
using Quality.Intake.Features.Feedback;
using Quality.Messaging.Persistence;

namespace Quality.Intake.Infrastructure;

public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
