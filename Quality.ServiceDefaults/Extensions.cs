using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;
using Quality.ServiceDefaults.Telemetry;

namespace Quality.ServiceDefaults;

/// <summary>
/// What every Quality service gets: telemetry, health, service discovery, resilient clients,
/// ProblemDetails and JWT authentication. Uses only standard configuration keys, so a service
/// runs the same under our AppHost, a real Aspire AppHost or Kubernetes.
/// </summary>
public static class Extensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string OpenApiPath = "/openapi/{documentName}.json";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddQualityResilience();
            http.AddServiceDiscovery();
        });

        // Enums travel as words ("complaint"), the same spelling the gRPC JSON transcoding uses.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.Converters.Add(new NulRejectingStringConverter());
        });
        // A database outage answers 503 (see UnavailableDependency) with the wait a caller should make before trying again.
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = problem =>
        {
            if (problem.Exception is { } e && UnavailableDependency.Caused(e))
            {
                problem.HttpContext.Response.Headers.RetryAfter = UnavailableDependency.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }
        });
        // Behind the gateway (or another proxy on the same machine) the caller is the client it names, not the proxy:
        // per-client rate limits, audit and logs see the real address and scheme. Only loopback proxies are trusted
        // (the framework's default KnownProxies/KnownIPNetworks); elsewhere add the proxy's network there.
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // Binding failures throw, so the exception handler can answer them naming the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.AddDefaultAuthentication();
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "self" is the only liveness check: a dependency being down must not get the process restarted.
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<TranscodedProblemDetailsMiddleware>();
        app.UseMiddleware<NulCharacterGuardMiddleware>();

        // Health answers in every environment: the AppHost, Kubernetes probes and load balancers need it.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) })
            .AllowAnonymous();

        // The HTTP API's own description: for people writing clients, and for the bad-input suite, which finds every
        // endpoint to attack through it. It names routes and shapes only, never data.
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        return app;
    }

    internal static bool IsHealthRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments(HealthPath) || context.Request.Path.StartsWithSegments(AlivePath);
}
