namespace Quality.Web.Benchmark.Reporting;

/// <summary>Many dashboards held open while complaints arrive, and what it cost the web process and the browser.</summary>
public sealed record HoldResult
{
    public required int PagesRequested { get; init; }
    public required int Contexts { get; init; }
    public required int PagesLive { get; init; }
    public required IReadOnlyList<string> OpenFailures { get; init; }
    public required double OpenSeconds { get; init; }
    public required double HeldSeconds { get; init; }
    public required int Posts { get; init; }

    /// <summary>Page × post pairs where the page showed the post's backlog change within the limit, of <see cref="Expected"/>.</summary>
    public required int Seen { get; init; }
    public required int Expected { get; init; }
    public required IReadOnlyList<PostResult> PerPost { get; init; }

    /// <summary>Post sent → the page's backlog tile changed, over every page and post that saw it.</summary>
    public required LatencySummary PostToPageMs { get; init; }
    public required int PagesLiveAtEnd { get; init; }
    public required ProcessFigures? Web { get; init; }

    /// <summary>Scoring serves one live KPI feed per open dashboard: its CPU while they were held.</summary>
    public required double ScoringCpuCoresWhileHeld { get; init; }
    public required ProcessFigures Client { get; init; }
}
