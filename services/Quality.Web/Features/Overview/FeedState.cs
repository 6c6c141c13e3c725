namespace Quality.Web.Features.Overview;

public enum FeedState
{
    Connecting,
    Live,
    Reconnecting,

    /// <summary>Scoring refused the person this scope; retrying would not change that.</summary>
    NotAllowed,
}
