using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Scoring.Features.LiveKpis;

namespace Quality.Scoring.Infrastructure;

public sealed class ScoringDbContext(DbContextOptions<ScoringDbContext> options) : DbContext(options)
{
    public DbSet<CaseFact> CaseFacts => Set<CaseFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseFact>(fact =>
        {
            fact.ToTable("case_facts");
            fact.HasKey(f => f.CaseId);
            fact.Property(f => f.Category).HasMaxLength(60);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => f.OpenedAt);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
