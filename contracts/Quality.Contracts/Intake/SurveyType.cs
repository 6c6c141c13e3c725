namespace Quality.Contracts.Intake;

/// <summary>CSAT 1–5, NPS 0–10, CES 1–7.</summary>
public enum SurveyType
{
    Csat = 1,
    Nps = 2,
    Ces = 3,
}
