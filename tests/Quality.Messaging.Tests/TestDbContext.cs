using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;

namespace Quality.Messaging.Tests;

/// <summary>A service's database in miniature: a state table, an effects table, and the outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();
    public DbSet<WidgetEffect> Effects => Set<WidgetEffect>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().ToTable("widgets");
        modelBuilder.Entity<WidgetEffect>().ToTable("widget_effects");
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class Widget
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
}

/// <summary>One row per applied effect: the count is what the tests check.</summary>
public sealed class WidgetEffect
{
    public Guid Id { get; init; }
    public Guid WidgetId { get; init; }
}
