using Quality.Routing.Features.Escalation;

namespace Quality.Routing.Tests.Features.Escalation;

public sealed class EscalationOptionsValidatorTests
{
    [Fact]
    public void The_default_ladder_is_valid()
    {
        var result = new EscalationOptionsValidator().Validate(null, new EscalationOptions { Levels = EscalationOptions.DefaultLevels() });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Each_bad_level_is_named_by_its_configuration_key()
    {
        var options = new EscalationOptions
        {
            Levels =
            [
                new() { Role = "supervisor", Delay = TimeSpan.FromMinutes(-5) },
                new() { Role = "agent", Delay = TimeSpan.FromMinutes(10) },
                new() { Role = "boss", Delay = TimeSpan.FromMinutes(10) },
                new() { Role = "admin", Delay = TimeSpan.Zero },
            ],
        };

        var result = new EscalationOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Configuration value 'Routing:Escalation:Levels:0:Delay' is invalid: must be between 00:00:00 and 30 days, not -00:05:00.",
                "Configuration value 'Routing:Escalation:Levels:1:Role' is invalid: agent is less senior than supervisor on the level below.",
                "Configuration value 'Routing:Escalation:Levels:2:Role' is invalid: 'boss' is not one of agent, supervisor, quality_manager, admin.",
                "Configuration value 'Routing:Escalation:Levels:3:Delay' is invalid: only the first level may be reached at once; give the level below time to acknowledge.",
            ],
            result.Failures);
    }
}
