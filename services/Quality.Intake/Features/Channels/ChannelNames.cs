namespace Quality.Intake.Features.Channels;

/// <summary>
/// The channels feedback arrives through. Each is both the <c>channel</c> stored with an item (part of its
/// idempotency key) and what an API key is issued for, so a key for one channel cannot post to another.
/// </summary>
public static class ChannelNames
{
    public const string Api = "api";
    public const string Survey = "survey";
    public const string Email = "email";

    /// <summary>A call-centre conversation, transcribed into speaker turns.</summary>
    public const string Call = "call";

    /// <summary>A chat conversation, as speaker turns.</summary>
    public const string Chat = "chat";

    /// <summary>Reviews and social posts pushed by the webhooks configured under <c>Intake:ReviewSources</c>.</summary>
    public const string Review = "review";

    /// <summary>Rows of an uploaded CSV or JSON Lines file.</summary>
    public const string Import = "import";

    /// <summary>
    /// Survey answers given through a signed invitation link (<c>/surveys/answer</c>); the external id is the link's
    /// nonce, so the unique (channel, external id) index makes each link one-time. No API key is issued for it: the
    /// link is the customer's credential.
    /// </summary>
    public const string SurveyLink = "survey_link";

    /// <summary>The channels an API key can be issued for.</summary>
    public static readonly IReadOnlySet<string> All =
        new SortedSet<string>([Api, Survey, Email, Call, Chat, Review, Import], StringComparer.Ordinal);

    /// <summary>Every channel a stored item can have: <see cref="All"/> and <see cref="SurveyLink"/>.</summary>
    public static readonly IReadOnlySet<string> Stored = new SortedSet<string>([.. All, SurveyLink], StringComparer.Ordinal);
}
