using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Assignment;
using Quality.Routing.Features.Cases;

namespace Quality.Routing.Tests.Features.Assignment;

public sealed class AssignmentPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Least_loaded_agent_wins()
    {
        var busy = Agent("busy", active: 2, capacity: 4);
        var light = Agent("light", active: 1, capacity: 4);

        Assert.Equal(["light", "busy"], Ids(AssignmentPolicy.Rank([busy, light], Case())));
    }

    [Fact]
    public void Load_is_the_share_of_capacity_in_use()
    {
        var small = Agent("small", active: 1, capacity: 2);
        var large = Agent("large", active: 2, capacity: 10);

        Assert.Equal("large", AssignmentPolicy.Rank([small, large], Case())[0].Id);
    }

    [Fact]
    public void Equal_load_goes_to_the_longest_idle_and_never_assigned_first()
    {
        var recent = Agent("recent", active: 1, capacity: 3, lastAssigned: Noon);
        var idle = Agent("idle", active: 1, capacity: 3, lastAssigned: Noon.AddHours(-2));
        var fresh = Agent("fresh", active: 1, capacity: 3);

        Assert.Equal(["fresh", "idle", "recent"], Ids(AssignmentPolicy.Rank([recent, idle, fresh], Case())));
    }

    [Fact]
    public void Agents_who_are_not_online_or_full_are_never_chosen()
    {
        var away = Agent("away", presence: AgentPresence.Away);
        var offline = Agent("offline", presence: AgentPresence.Offline);
        var full = Agent("full", active: 2, capacity: 2);
        var none = Agent("none", capacity: 0);

        Assert.Empty(AssignmentPolicy.Rank([away, offline, full, none], Case()));
    }

    [Fact]
    public void Category_and_language_must_match_the_skills()
    {
        var wrongCategory = Agent("billing", categories: ["billing"]);
        var wrongLanguage = Agent("english", languages: ["en"]);
        var right = Agent("right");

        Assert.Equal(["right"], Ids(AssignmentPolicy.Rank([wrongCategory, wrongLanguage, right], Case())));
    }

    [Fact]
    public void Channel_matters_only_when_the_agent_lists_channels()
    {
        var everyChannel = Agent("every");
        var chatOnly = Agent("chat", channels: ["chat"]);
        var emailToo = Agent("email", channels: ["chat", "email"]);

        Assert.Equal(["email", "every"], Ids(AssignmentPolicy.Rank([everyChannel, chatOnly, emailToo], Case(channel: "email"))));
    }

    [Fact]
    public void Skills_compare_without_regard_to_case()
    {
        Assert.True(AssignmentPolicy.HasSkills(Agent("a", categories: ["delivery"], languages: ["zh"]), Case(category: "Delivery", language: "ZH")));
    }

    private static string[] Ids(IEnumerable<Agent> agents) => [.. agents.Select(a => a.Id)];

    private static Agent Agent(
        string id, int active = 0, int capacity = 3, DateTimeOffset? lastAssigned = null, AgentPresence presence = AgentPresence.Online,
        List<string>? categories = null, List<string>? languages = null, List<string>? channels = null) => new()
    {
        Id = id,
        TeamId = "t",
        ActiveCases = active,
        Capacity = capacity,
        LastAssignedAt = lastAssigned,
        Presence = presence,
        Categories = categories ?? ["delivery"],
        Languages = languages ?? ["zh"],
        Channels = channels ?? [],
    };

    private static Case Case(string category = "delivery", string language = "zh", string channel = "api") => new()
    {
        Category = category,
        Language = language,
        Channel = channel,
        Summary = "",
    };
}
