using Microsoft.Extensions.Options;

namespace Quality.Gateway.Tests;

public sealed class ConfigurationTests(StandIns standIns)
{
    [Fact]
    public void A_body_limit_for_an_unknown_route_stops_the_gateway_at_start_naming_the_valid_ids()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new GatewayHost(standIns, new() { ["Gateway:BodyLimits:Routes:intake-import"] = "1048576" }));

        var validation = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains("intake-imports", validation.Message);
    }

    [Fact]
    public void A_rate_limit_of_zero_stops_the_gateway_at_start_naming_the_key()
    {
        var failure = Assert.ThrowsAny<Exception>(() => new GatewayHost(standIns, new() { ["Gateway:RateLimits:PermitLimit"] = "0" }));

        Assert.Contains("Gateway:RateLimits:PermitLimit", Unwrap(failure).Message);
    }

    private static Exception Unwrap(Exception e) => e is OptionsValidationException || e.InnerException is null ? e : Unwrap(e.InnerException);
}
