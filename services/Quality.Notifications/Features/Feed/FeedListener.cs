using Microsoft.Extensions.Options;
using Npgsql;
using Quality.Contracts;

namespace Quality.Notifications.Features.Feed;

/// <summary>
/// Keeps one dedicated PostgreSQL connection per replica listening on <see cref="FeedNotifier.Channel"/> and
/// hands each notification to the <see cref="FeedHub"/>. A lost connection is re-opened after a short delay;
/// notifications sent meanwhile are not queued for it, so subscribers are then told to re-read (a resync gap).
/// </summary>
public sealed partial class FeedListener(
    IConfiguration configuration, FeedHub hub, IOptions<FeedOptions> options, TimeProvider time, ILogger<FeedListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ResourceNames.NotificationsDb))
        {
            // Out of the pool (it is held for good), and probed so a silently dead server is noticed.
            Pooling = false,
            KeepAlive = 15,
        }.ConnectionString;
        var reconnected = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Dispatch(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {FeedNotifier.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                hub.Connected(reconnected);
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(e);
                reconnected = true;
                try
                {
                    await Task.Delay(options.Value.ReconnectDelay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Dispatch(string payload)
    {
        try
        {
            if (FeedNotifier.Parse(payload) is { } alert)
            {
                hub.Publish(alert);
            }
        }
        catch (System.Text.Json.JsonException e)
        {
            LogBadPayload(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for feed alerts failed; reconnecting, and subscribers will be told to re-read")]
    private partial void LogListenFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A feed notification could not be read")]
    private partial void LogBadPayload(Exception exception);
}
