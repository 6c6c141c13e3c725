namespace Quality.Web.Benchmark.Options;

/// <summary>Everything one run needs, from the command line and the AppHost's <c>quality.env</c>.</summary>
public sealed record WebBenchOptions
{
    public required Uri WebUrl { get; init; }
    public required Uri IntakeUrl { get; init; }

    /// <summary>Scoring's address, to find its process (it serves every open dashboard's live feed); optional.</summary>
    public Uri? ScoringUrl { get; init; }

    /// <summary>An admin token for Intake, to post the feedback the open dashboards must show.</summary>
    public required string Token { get; init; }

    public required string UserName { get; init; }
    public required string Password { get; init; }

    /// <summary>The AppHost's data directory (<c>apphost.pid</c>), to find the web process.</summary>
    public string? DataDirectory { get; init; }

    public required string ChromiumPath { get; init; }

    /// <summary>Cold loads of the overview for first paint and time to live data; 0 skips.</summary>
    public int ColdLoads { get; init; } = 20;

    /// <summary>Dashboards held open at once; 0 skips.</summary>
    public int Pages { get; init; } = 200;

    /// <summary>Browser contexts the pages are spread over (each its own cookie jar and connection pool).</summary>
    public int Contexts { get; init; } = 10;

    /// <summary>Chromium's renderer processes at most (pages share them beyond); 0 for one per page.</summary>
    public int RendererProcesses { get; init; } = 8;

    /// <summary>Pages opened at once while filling up.</summary>
    public int OpenConcurrency { get; init; } = 8;

    /// <summary>How long the pages are held after they are all live.</summary>
    public TimeSpan Hold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Complaints posted during the hold, evenly spaced; each must show on every page.</summary>
    public int Posts { get; init; } = 5;

    /// <summary>How long after a post a page may take to show it before it counts as missed.</summary>
    public TimeSpan SeenWithin { get; init; } = TimeSpan.FromSeconds(15);

    public required string OutputDirectory { get; init; }
    public string Label { get; init; } = "web";

    public required string CommandLine { get; init; }
}
