using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Routing.Features.Agents;
using Quality.Routing.Features.Calendars;
using Quality.Routing.Features.Cases;
using Quality.Routing.Features.Escalation;
using Quality.Routing.Features.Sla;
using Quality.Routing.Features.Teams;

namespace Quality.Routing.Infrastructure;

public sealed class RoutingDbContext(DbContextOptions<RoutingDbContext> options) : DbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<TimelineEntry> Timeline => Set<TimelineEntry>();
    public DbSet<CaseComplaint> CaseComplaints => Set<CaseComplaint>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Agent> Agents => Set<Agent>();
    public DbSet<BusinessCalendar> Calendars => Set<BusinessCalendar>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<SlaClock> SlaClocks => Set<SlaClock>();
    public DbSet<SlaTimer> SlaTimers => Set<SlaTimer>();
    public DbSet<SlaTimelineEntry> SlaTimeline => Set<SlaTimelineEntry>();
    public DbSet<CaseEscalation> CaseEscalations => Set<CaseEscalation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RoutingDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
    }
}
