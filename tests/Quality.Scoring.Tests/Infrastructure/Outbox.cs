using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quality.Messaging.Outbox;
using Quality.Scoring.Infrastructure;

namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>What the service wrote to its outbox (published or not): the events it decided to announce.</summary>
public static class Outbox
{
    /// <summary>Events whose payload has <paramref name="property"/> = <paramref name="value"/>: (short type name, payload).</summary>
    public static async Task<List<(string Type, JsonElement Payload)>> WhereAsync(ScoringHost host, string property, string value)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ScoringDbContext>();
        var rows = await db.Set<OutboxMessage>().FromSql($"SELECT * FROM outbox_messages WHERE payload->>{property} = {value}")
            .AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
        return [.. rows.Select(r => (r.MessageType.Split(',')[0].Split('.')[^1], JsonDocument.Parse(r.Payload).RootElement))];
    }
}
