namespace Quality.Intake.Features.SurveyLinks;

/// <summary>Why a survey link or its answer was refused.</summary>
public enum SurveyLinkFailure
{
    /// <summary>No link key is configured (503): invitations are off here.</summary>
    NotConfigured,

    /// <summary>Missing, damaged, forged or of an unknown format (400).</summary>
    Invalid,

    /// <summary>Past its expiry (410).</summary>
    Expired,

    /// <summary>Answered before (409): a link is one-time.</summary>
    Used,

    ScoreMissing,
    ScoreOutOfRange,
    CommentTooLong,
}
