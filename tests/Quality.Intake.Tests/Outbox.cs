using System.Text.Json;

namespace Quality.Intake.Tests;

/// <summary>Reads the events a change committed with it: the outbox rows keep them after publishing.</summary>
internal static class Outbox
{
    public static async Task<IReadOnlyList<(string Type, JsonElement Payload)>> EventsForAsync(IntakeServers servers, Guid correlationId)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT message_type, payload::text FROM outbox_messages WHERE correlation_id = @id ORDER BY created_at";
        command.Parameters.AddWithValue("id", correlationId);
        var events = new List<(string, JsonElement)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var type = reader.GetString(0);
            // "Quality.Contracts.Intake.FeedbackReceived, Quality.Contracts" → "FeedbackReceived"
            var name = type[..type.IndexOf(',')].Split('.')[^1];
            events.Add((name, JsonDocument.Parse(reader.GetString(1)).RootElement.Clone()));
        }

        return events;
    }

    public static async Task<IReadOnlyList<string>> TypesForAsync(IntakeServers servers, Guid correlationId) =>
        [.. (await EventsForAsync(servers, correlationId)).Select(e => e.Type)];
}
