using System.Globalization;
using System.Net.Sockets;
using Npgsql;
using Quality.Contracts;

namespace Quality.FaultDrills.Processes;

/// <summary>Whether a part is back: a service answers its health endpoint, a server accepts connections on its port.</summary>
public sealed class PartProbe(DrillTarget target, HttpClient http)
{
    public async Task<bool> AnswersAsync(string part, PartProcess process, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            return part switch
            {
                ResourceNames.Postgres => await PostgresAnswersAsync(timeout.Token).ConfigureAwait(false),
                ResourceNames.RabbitMQ => await AcceptsAsync(target.RabbitMQUri.Port, timeout.Token).ConfigureAwait(false),
                ResourceNames.Redis => await AcceptsAsync(RedisPort(process), timeout.Token).ConfigureAwait(false),
                _ when target.ServiceUrls.TryGetValue(part, out var url) =>
                    (await http.GetAsync(new Uri(url, "health"), timeout.Token).ConfigureAwait(false)).IsSuccessStatusCode,
                _ => throw new RunException($"no way to tell whether {part} is back"),
            };
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or NpgsqlException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<bool> PostgresAnswersAsync(CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(target.PostgresConnection) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is 1;
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct).ConfigureAwait(false);
        return client.Connected;
    }

    /// <summary>
    /// The AppHost launches redis-server with <c>--port N</c>; once up, redis-server retitles itself
    /// <c>redis-server 127.0.0.1:N</c>.
    /// </summary>
    private static int RedisPort(PartProcess process)
    {
        var parts = process.CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(parts, "--port");
        var text = at >= 0 && at + 1 < parts.Length ? parts[at + 1] : parts.LastOrDefault()?.Split(':').Last();
        return int.TryParse(text, CultureInfo.InvariantCulture, out var port)
            ? port
            : throw new RunException($"no port in redis-server's command line: {process.CommandLine}");
    }
}
