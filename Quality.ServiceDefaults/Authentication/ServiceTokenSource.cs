using Microsoft.Extensions.Options;

namespace Quality.ServiceDefaults.Authentication;

/// <summary>
/// The calling service's own token, minted on first use and again shortly before it expires, so a call never
/// pays for signing and never carries a token about to lapse.
/// </summary>
public sealed class ServiceTokenSource(IOptions<AuthOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = [];

    public string For(string serviceName)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_tokens.TryGetValue(serviceName, out var held) && now < held.RenewAt)
            {
                return held.Token;
            }

            var token = TokenFactory.CreateForService(options.Value, serviceName, now, Lifetime);
            _tokens[serviceName] = (token, now + Lifetime - RenewBefore);
            return token;
        }
    }
}
