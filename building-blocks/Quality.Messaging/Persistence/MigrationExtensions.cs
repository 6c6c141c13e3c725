using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Quality.Messaging.Persistence;

public static class MigrationExtensions
{
    /// <summary>
    /// Brings the service's database to the latest migration before the service answers anything; EF Core
    /// takes a database lock, so replicas starting together migrate once.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost host, CancellationToken cancellationToken = default)
        where TDbContext : DbContext
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TDbContext>().Database.MigrateAsync(cancellationToken);
    }
}
