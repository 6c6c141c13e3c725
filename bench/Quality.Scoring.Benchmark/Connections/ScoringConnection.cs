using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Quality.Scoring.Grpc;

namespace Quality.Scoring.Benchmark.Connections;

/// <summary>
/// Scoring's two doors: the gRPC client (cleartext HTTP/2, several connections, since Kestrel allows 100 streams
/// per connection and the feed holds a thousand) and an HTTP client for the JSON routes, both with the token.
/// </summary>
public sealed class ScoringConnection : IDisposable
{
    private readonly GrpcChannel _channel;

    public ScoringConnection(Uri httpUrl, Uri grpcUrl, string token, int httpConnections)
    {
        _channel = GrpcChannel.ForAddress(grpcUrl, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            },
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        Grpc = new ScoringService.ScoringServiceClient(_channel);
        Headers = new Metadata { { "Authorization", $"Bearer {token}" } };
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = httpConnections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = httpUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public ScoringService.ScoringServiceClient Grpc { get; }

    public Metadata Headers { get; }

    public HttpClient Http { get; }

    /// <summary>One <c>GetKpis</c> by gRPC; fails with a one-line <see cref="RunException"/> when Scoring cannot be reached or refuses the token.</summary>
    public async Task<KpiReport> GetKpisAsync(string scope, string scopeId, string period, CancellationToken ct, TimeSpan? timeout = null)
    {
        try
        {
            return await Grpc.GetKpisAsync(
                new GetKpisRequest { Scope = scope, ScopeId = scopeId, Period = period }, Headers,
                DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)), ct);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
        {
            throw new RunException($"Scoring's gRPC endpoint {_channel.Target} is unreachable: {e.Status.Detail}");
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
        {
            throw new RunException($"Scoring refused the token ({e.StatusCode}): use an admin or quality-manager token (QUALITY_TOKEN)");
        }
    }

    public void Dispose()
    {
        _channel.Dispose();
        Http.Dispose();
    }
}
