using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Infrastructure;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RoutingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
