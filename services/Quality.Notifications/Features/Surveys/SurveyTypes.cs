using Quality.Contracts.Intake;

namespace Quality.Notifications.Features.Surveys;

public static class SurveyTypes
{
    public static SurveyType? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "csat" => SurveyType.Csat,
        "nps" => SurveyType.Nps,
        "ces" => SurveyType.Ces,
        _ => null,
    };

    public static string Name(SurveyType type) => type.ToString().ToLowerInvariant();
}
