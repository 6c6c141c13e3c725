using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quality.Routing.Features.Teams;

namespace Quality.Routing.Infrastructure;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> team)
    {
        team.ToTable("teams");
        team.HasKey(t => t.Id);
        team.Property(t => t.Id).HasMaxLength(100);
        team.Property(t => t.Name).HasMaxLength(200);
        team.Property(t => t.Assignment).HasConversion<string>().HasMaxLength(20);
        team.Property(t => t.RoundRobinCursor).HasMaxLength(100);
    }
}
