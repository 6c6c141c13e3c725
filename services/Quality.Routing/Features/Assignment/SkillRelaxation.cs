using Quality.Routing.Features.Cases;

namespace Quality.Routing.Features.Assignment;

/// <summary>
/// Which optional skills a queued case may go without, and from when: a case that has waited in the queue
/// since <see cref="QueuedBefore"/> or earlier may go to an agent lacking its language (when
/// <see cref="Language"/>) or its channel (when <see cref="Channel"/>). The category is never relaxed: an
/// agent who does not handle a kind of complaint cannot resolve it, however long it waits.
/// </summary>
public readonly record struct SkillRelaxation(bool Language, bool Channel, DateTimeOffset QueuedBefore)
{
    /// <summary>Every skill required, however long the case has waited.</summary>
    public static SkillRelaxation None => new(false, false, DateTimeOffset.MinValue);

    public static SkillRelaxation At(QueueOptions options, DateTimeOffset now) =>
        new(options.RelaxLanguage, options.RelaxChannel, now - options.RelaxAfter);

    /// <summary>Whether the case is queued and has waited long enough for its optional skills to relax.</summary>
    public bool Applies(Case @case) => (Language || Channel) && @case.Status == CaseStatus.Open && @case.QueuedAt <= QueuedBefore;
}
