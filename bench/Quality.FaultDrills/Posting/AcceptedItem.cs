using Quality.LoadGenerator.Traffic;

namespace Quality.FaultDrills.Posting;

/// <summary>
/// An item Intake answered with 2xx: its id, how many attempts failed before (the client saw an error), and whether
/// Intake answered that it was already stored (a failed attempt had in fact got through); the channel it came by.
/// </summary>
public sealed record AcceptedItem(
    string ExternalId, Guid FeedbackId, string Kind, int FailedAttempts, bool AnsweredAsDuplicate, TimeSpan AcceptedAt, Channel Channel = Channel.Api);
