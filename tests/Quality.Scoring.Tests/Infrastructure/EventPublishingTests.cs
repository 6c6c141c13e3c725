namespace Quality.Scoring.Tests.Infrastructure;

/// <summary>
/// Test classes that publish events and read organisation-wide figures run one after the other, so one's
/// events never land in the middle of another's before/after comparison.
/// </summary>
[CollectionDefinition(nameof(EventPublishingTests))]
public sealed class EventPublishingTests;
