using Microsoft.Extensions.Time.Testing;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Tests.Features.Assignment;

/// <summary>Which agents a queued case may go to as it waits: optional skills relax, the category never does.</summary>
public sealed class SkillRelaxationTests
{
    private static readonly DateTimeOffset Opened = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly QueueOptions Both = new() { RelaxAfter = TimeSpan.FromMinutes(10), RelaxLanguage = true, RelaxChannel = true };

    [Fact]
    public void Before_the_wait_every_skill_counts_and_after_it_the_optional_ones_relax()
    {
        var time = new FakeTimeProvider(Opened);
        var queued = Case(language: "fr", channel: "phone");
        var english = Agent("english", languages: ["en"], channels: ["chat"]);

        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        Assert.False(AssignmentPolicy.CanTake(english, queued, SkillRelaxation.At(Both, time.GetUtcNow())));

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(AssignmentPolicy.CanTake(english, queued, SkillRelaxation.At(Both, time.GetUtcNow())));
        Assert.Equal(["language fr", "channel phone"], AssignmentPolicy.MissingSkills(english, queued));
    }

    [Fact]
    public void By_default_only_the_channel_relaxes()
    {
        var defaults = new QueueOptions();
        var relax = SkillRelaxation.At(defaults, Opened + defaults.RelaxAfter);
        var chatOnly = Agent("chat", channels: ["chat"]);
        var english = Agent("english", languages: ["en"]);

        Assert.True(AssignmentPolicy.CanTake(chatOnly, Case(channel: "phone"), relax));
        Assert.False(AssignmentPolicy.CanTake(english, Case(language: "fr"), relax));
    }

    [Fact]
    public void The_category_never_relaxes()
    {
        var relax = SkillRelaxation.At(Both, Opened.AddDays(3));

        Assert.False(AssignmentPolicy.CanTake(Agent("billing", categories: ["billing"]), Case(), relax));
    }

    [Fact]
    public void Only_a_queued_case_relaxes_and_only_from_when_it_was_queued()
    {
        var relax = SkillRelaxation.At(Both, Opened.AddMinutes(30));
        var english = Agent("english", languages: ["en"]);

        Assert.False(AssignmentPolicy.CanTake(english, Case(language: "fr", status: CaseStatus.Assigned), relax));
        // Reopened (or taken back from an offline agent) 20 minutes ago: the wait starts again then.
        Assert.False(AssignmentPolicy.CanTake(english, Case(language: "fr", queuedAt: Opened.AddMinutes(25)), relax));
        Assert.False(AssignmentPolicy.CanTake(english, Case(language: "fr"), SkillRelaxation.None));
    }

    [Fact]
    public void Agents_with_every_skill_still_come_first_once_a_case_has_relaxed()
    {
        var relax = SkillRelaxation.At(Both, Opened.AddHours(1));
        var idleEnglish = Agent("idle-english", languages: ["en"]);
        var busyFrench = Agent("busy-french", active: 2, languages: ["fr"]);

        Assert.Equal(["busy-french", "idle-english"], AssignmentPolicy.Rank([idleEnglish, busyFrench], Case(language: "fr"), relax).Select(a => a.Id));
    }

    private static Agent Agent(string id, int active = 0, List<string>? categories = null, List<string>? languages = null, List<string>? channels = null) => new()
    {
        Id = id,
        TeamId = "t",
        ActiveCases = active,
        Capacity = 3,
        Presence = AgentPresence.Online,
        Categories = categories ?? ["delivery"],
        Languages = languages ?? ["zh"],
        Channels = channels ?? [],
    };

    private static Case Case(string language = "zh", string channel = "api", CaseStatus status = CaseStatus.Open, DateTimeOffset? queuedAt = null) => new()
    {
        Category = "delivery",
        Language = language,
        Channel = channel,
        Summary = "",
        Status = status,
        OpenedAt = Opened,
        QueuedAt = queuedAt ?? Opened,
    };
}
