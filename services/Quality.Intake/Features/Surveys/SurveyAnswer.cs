using Quality.Contracts.Intake;
using Quality.Intake.Features.Privacy;

namespace Quality.Intake.Features.Surveys;

/// <summary>A validated survey answer, ready to classify and store.</summary>
internal sealed record SurveyAnswer
{
    public required string Channel { get; init; }
    public string? ExternalId { get; init; }
    public required SurveyType Type { get; init; }
    public required int Score { get; init; }
    public Guid? CaseId { get; init; }
    public string? Comment { get; init; }
    public string? CustomerKey { get; init; }
    public string? CustomerTier { get; init; }
    public CustomerContact? Contact { get; init; }

    /// <summary>The language the customer answered in when there is no comment to read it from (the page's language).</summary>
    public string? Language { get; init; }
}
