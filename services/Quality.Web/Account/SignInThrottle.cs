using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Quality.Web.Account;

/// <summary>
/// Limits failed sign-ins per user name and per client address within a window, so passwords cannot be
/// guessed at speed. Only failures count: a person who signs in correctly is never held up. Names are
/// throttled whether they exist or not, so the limit does not reveal which do.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<WebOptions> options)
    {
        var o = options.Value;
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = key.StartsWith("name:", StringComparison.Ordinal) ? o.SignInFailuresPerName : o.SignInFailuresPerClient,
            Window = o.SignInWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>True when either the name or the client has used up its failures for this window.</summary>
    public bool IsBlocked(string name, string client) =>
        _failures.GetStatistics(NameKey(name))?.CurrentAvailablePermits == 0
        || _failures.GetStatistics(ClientKey(client))?.CurrentAvailablePermits == 0;

    public void RecordFailure(string name, string client)
    {
        using var byName = _failures.AttemptAcquire(NameKey(name));
        using var byClient = _failures.AttemptAcquire(ClientKey(client));
    }

    public void Dispose() => _failures.Dispose();

    private static string NameKey(string name) => "name:" + name.Trim().ToLowerInvariant();

    private static string ClientKey(string client) => "client:" + client;
}
