using Quality.LoadGenerator.Agents;

namespace Quality.LoadGenerator.Tests.Agents;

public sealed class SkillPlanTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Every_category_has_at_least_one_agent(int agents)
    {
        var covered = Enumerable.Range(0, agents).SelectMany(i => SkillPlan.CategoriesFor(i, agents)).ToHashSet();
        Assert.Equal(SkillPlan.Categories.ToHashSet(), covered);
    }

    [Fact]
    public void A_lone_agent_handles_everything() => Assert.Equal(SkillPlan.Categories, SkillPlan.CategoriesFor(0, 1));
}
