using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Teams;

namespace Quality.Routing.Infrastructure;

internal sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(EntityTypeBuilder<Agent> agent)
    {
        agent.ToTable("agents", t =>
        {
            t.HasCheckConstraint("ck_agents_capacity", "capacity >= 0");
            t.HasCheckConstraint("ck_agents_active_cases", "active_cases >= 0");
        });
        agent.HasKey(a => a.Id);
        agent.Property(a => a.Id).HasMaxLength(100);
        agent.Property(a => a.TeamId).HasMaxLength(100);
        agent.Property(a => a.DisplayName).HasMaxLength(200);
        agent.Property(a => a.Presence).HasConversion<string>().HasMaxLength(20);
        agent.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        agent.HasIndex(a => new { a.TeamId, a.Id });
    }
}
