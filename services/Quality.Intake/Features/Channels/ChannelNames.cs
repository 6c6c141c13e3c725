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

    public static readonly IReadOnlySet<string> All = new SortedSet<string>([Api, Survey, Email], StringComparer.Ordinal);
}
