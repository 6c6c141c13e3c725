using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.Intake.Tests;

internal static class TestKeys
{
    /// <summary>Has an admin issue a key for <paramref name="channel"/>; returns its id and secret.</summary>
    public static async Task<(string Id, string Key)> CreateAsync(IntakeServers servers, string channel)
    {
        using var admin = servers.Client();
        var response = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = $"test {channel}", channel }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }
}
