using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Quality.Messaging.Tests;

/// <summary>A service's DbContext is pooled, and what one request changes on it does not reach the next.</summary>
public sealed class ServiceDbContextTests
{
    [Fact]
    public async Task A_context_is_reused_with_savepoints_on_again_after_a_request_turned_them_off()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:widgets"] = "Host=127.0.0.1;Database=widgets",
        });
        builder.AddServiceDbContext<TestDbContext>("widgets");
        using var host = builder.Build();

        TestDbContext first;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            // The inbox turns savepoints off inside its own transaction.
            first.Database.AutoSavepointsEnabled = false;
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            Assert.Same(first, second);
            Assert.True(second.Database.AutoSavepointsEnabled);
        }
    }
}
