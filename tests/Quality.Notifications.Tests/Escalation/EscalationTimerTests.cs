namespace Quality.Notifications.Tests.Escalation;

/// <summary>
/// Test classes that start escalation timers run one after the other. <see cref="EscalationSweepTests"/> sweeps with a
/// clock hours ahead, and a sweep takes every due timer in the shared database: beside it, another class's timer due in
/// seconds would be escalated at that clock, its alert and email stamped hours from now, so the email would not be due
/// (nor sent) until then.
/// </summary>
[CollectionDefinition(nameof(EscalationTimerTests))]
public sealed class EscalationTimerTests;
