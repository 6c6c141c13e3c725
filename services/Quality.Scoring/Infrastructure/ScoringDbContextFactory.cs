using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Quality.Scoring.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class ScoringDbContextFactory : IDesignTimeDbContextFactory<ScoringDbContext>
{
    public ScoringDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ScoringDbContext>().UseNpgsql("Host=localhost").UseSnakeCaseNamingConvention().Options);
}
