using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Quality.BadInput.Credentials;

/// <summary>
/// Issues the suite one Intake API key per channel, so attacks on a channel's endpoint get past authentication and
/// reach its body's validation; and revokes them when the run ends.
/// </summary>
public sealed class ApiKeyProvisioner(HttpClient http, Uri intake, string adminToken)
{
    /// <summary>The channels Intake issues keys for (its <c>ChannelNames.All</c>).</summary>
    public static readonly IReadOnlyList<string> Channels = ["api", "survey", "email", "call", "chat", "review", "import"];

    private readonly List<Guid> _issued = [];

    public async Task<IReadOnlyList<Credential>> IssueAsync(CancellationToken cancellationToken)
    {
        var keys = new List<Credential>();
        foreach (var channel in Channels)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(intake, "/api/admin/api-keys"))
            {
                Content = JsonContent.Create(new { name = $"bad-input suite ({channel})", channel }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new RunException($"intake: issuing an API key for channel '{channel}' answered {(int)response.StatusCode}: is the token an admin's?");
            }

            var created = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _issued.Add(created.GetProperty("id").GetGuid());
            keys.Add(new Credential($"{channel}-api-key", ApiKey: created.GetProperty("key").GetString()));
        }

        return keys;
    }

    public async Task RevokeAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _issued)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, new Uri(intake, $"/api/admin/api-keys/{id}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await http.SendAsync(request, cancellationToken);
        }

        _issued.Clear();
    }
}
