using System.Security.Claims;
using Google.Protobuf.WellKnownTypes;
using Quality.Scoring.Grpc;
using Quality.Web.Account;

namespace Quality.Web.Features.Overview;

/// <summary>Scoring's KPIs over given intervals, asked as the signed-in person.</summary>
public sealed class KpiQueries(ScoringService.ScoringServiceClient scoring, PersonTokens tokens)
{
    public async Task<KpiReport> GetAsync(ClaimsPrincipal person, OverviewScope scope, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var request = new GetKpisRequest
        {
            Scope = scope.Scope,
            ScopeId = scope.ScopeId,
            From = Timestamp.FromDateTimeOffset(from),
            To = Timestamp.FromDateTimeOffset(to),
        };
        return await scoring.GetKpisAsync(request, tokens.Headers(person), cancellationToken: ct);
    }

    /// <summary>One KPI over every interval of a trend, asked in parallel.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        ClaimsPrincipal person, OverviewScope scope, string kpi, IReadOnlyList<TrendBucket> buckets, CancellationToken ct)
    {
        var reports = await Task.WhenAll(buckets.Select(b => GetAsync(person, scope, b.From, b.To, ct)));
        return [.. buckets.Zip(reports, (bucket, report) =>
        {
            var value = report.Kpis.FirstOrDefault(k => k.Name == kpi);
            return new TrendPoint(bucket, value?.Value, value?.SampleCount ?? 0);
        })];
    }
}
