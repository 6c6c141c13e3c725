using Npgsql;

namespace Quality.ServiceDefaults.Errors;

/// <summary>
/// A request that failed because the service's database could not be reached or refused it for a while (a dropped or
/// refused connection, a restart, the pool exhausted, a deadlock): not the caller's fault and not a bug, so it is
/// answered 503 with <c>Retry-After</c> (HTTP) or UNAVAILABLE (gRPC, which Quality's own clients retry for idempotent methods). A connection
/// that broke before the statement ran committed nothing, so trying again is safe.
/// </summary>
internal static class UnavailableDependency
{
    /// <summary>Long enough for a pool to replace its broken connections, short enough that nobody waits in vain.</summary>
    public const int RetryAfterSeconds = 2;

    public const string Message = "The service's database is unavailable for the moment; try again shortly.";

    /// <summary>
    /// True when Npgsql calls the failure transient, however deep it is wrapped (EF Core wraps it in
    /// <see cref="InvalidOperationException"/> or <c>DbUpdateException</c>).
    /// </summary>
    public static bool Caused(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
