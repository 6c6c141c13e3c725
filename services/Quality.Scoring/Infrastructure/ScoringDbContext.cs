using Microsoft.EntityFrameworkCore;
using Quality.Messaging.Persistence;
using Quality.Scoring.Features.Facts;
using Quality.Scoring.Features.Goals;
using Quality.Scoring.Features.LiveKpis;
using Quality.Scoring.Features.QaReviews;
using Quality.Scoring.Features.Surges;

namespace Quality.Scoring.Infrastructure;

public sealed class ScoringDbContext(DbContextOptions<ScoringDbContext> options) : DbContext(options)
{
    public DbSet<CaseFact> CaseFacts => Set<CaseFact>();
    public DbSet<FeedbackFact> FeedbackFacts => Set<FeedbackFact>();
    public DbSet<SurveyFact> SurveyFacts => Set<SurveyFact>();
    public DbSet<CaseAssignmentFact> CaseAssignmentFacts => Set<CaseAssignmentFact>();
    public DbSet<CaseResponseFact> CaseResponseFacts => Set<CaseResponseFact>();
    public DbSet<CaseResolutionFact> CaseResolutionFacts => Set<CaseResolutionFact>();
    public DbSet<CaseReopenFact> CaseReopenFacts => Set<CaseReopenFact>();
    public DbSet<LivePendingDelta> LivePendingDeltas => Set<LivePendingDelta>();
    public DbSet<Goal> Goals => Set<Goal>();
    public DbSet<SurgeState> SurgeStates => Set<SurgeState>();
    public DbSet<Rubric> Rubrics => Set<Rubric>();
    public DbSet<QaReview> QaReviews => Set<QaReview>();
    public DbSet<CalibrationSession> CalibrationSessions => Set<CalibrationSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CaseFact>(fact =>
        {
            fact.ToTable("case_facts");
            fact.HasKey(f => f.CaseId);
            fact.Property(f => f.Category).HasMaxLength(60);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => f.OpenedAt);
            fact.HasIndex(f => f.FeedbackId);
            fact.HasIndex(f => f.TeamId);
        });
        modelBuilder.Entity<FeedbackFact>(fact =>
        {
            fact.ToTable("feedback_facts");
            fact.HasKey(f => f.FeedbackId);
            fact.Property(f => f.Category).HasMaxLength(60);
            fact.Property(f => f.Channel).HasMaxLength(40);
            fact.HasIndex(f => f.ReceivedAt);
            fact.HasIndex(f => f.CaseId);
            // Complaint surges count complaints per category and interval (kind 1 is a complaint).
            fact.HasIndex(f => new { f.Category, f.ReceivedAt }).HasFilter("kind = 1").HasDatabaseName("ix_feedback_facts_complaints");
        });
        modelBuilder.Entity<SurveyFact>(fact =>
        {
            fact.ToTable("survey_facts");
            fact.HasKey(f => new { f.FeedbackId, f.SurveyType });
            fact.HasIndex(f => f.AnsweredAt);
            fact.HasIndex(f => f.CaseId);
        });
        modelBuilder.Entity<CaseAssignmentFact>(fact =>
        {
            fact.ToTable("case_assignment_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.AgentId).HasMaxLength(100);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => new { f.CaseId, f.AssignedAt });
            fact.HasIndex(f => f.AgentId);
            fact.HasIndex(f => f.TeamId);
        });
        modelBuilder.Entity<CaseResponseFact>(fact =>
        {
            fact.ToTable("case_response_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.AgentId).HasMaxLength(100);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => f.RespondedAt);
            fact.HasIndex(f => f.CaseId);
        });
        modelBuilder.Entity<CaseResolutionFact>(fact =>
        {
            fact.ToTable("case_resolution_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.AgentId).HasMaxLength(100);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => f.ResolvedAt);
            fact.HasIndex(f => f.CaseId);
        });
        modelBuilder.Entity<CaseReopenFact>(fact =>
        {
            fact.ToTable("case_reopen_facts");
            fact.HasKey(f => f.EventId);
            fact.Property(f => f.AgentId).HasMaxLength(100);
            fact.Property(f => f.TeamId).HasMaxLength(100);
            fact.HasIndex(f => f.ReopenedAt);
            fact.HasIndex(f => f.CaseId);
        });
        modelBuilder.Entity<LivePendingDelta>(delta =>
        {
            delta.ToTable("live_pending_deltas");
            delta.HasKey(d => d.Id);
            delta.Property(d => d.Id).UseIdentityAlwaysColumn();
        });
        modelBuilder.Entity<Goal>(goal =>
        {
            goal.ToTable("goals");
            goal.HasKey(g => g.Id);
            goal.Property(g => g.Metric).HasMaxLength(60);
            goal.Property(g => g.Direction).HasConversion<string>().HasMaxLength(20);
            goal.Property(g => g.ScopeKind).HasConversion<string>().HasMaxLength(20);
            goal.Property(g => g.ScopeId).HasMaxLength(100);
            goal.Property(g => g.TeamId).HasMaxLength(100);
            goal.Property(g => g.OwnerId).HasMaxLength(100);
            goal.Property(g => g.CreatedBy).HasMaxLength(100);
            goal.Property(g => g.Outcome).HasConversion<string>().HasMaxLength(20);
            goal.Ignore(g => g.Scope);
            goal.Ignore(g => g.Definition);
            // What the evaluators scan: goals still open.
            goal.HasIndex(g => g.Deadline).HasFilter("outcome IS NULL AND cancelled_at IS NULL");
            goal.HasIndex(g => g.TeamId);
            goal.HasIndex(g => g.OwnerId);
            goal.HasIndex(g => new { g.ScopeKind, g.ScopeId });
        });
        modelBuilder.Entity<SurgeState>(state =>
        {
            state.ToTable("surge_states");
            state.HasKey(s => s.Category);
            state.Property(s => s.Category).HasMaxLength(60);
        });
        modelBuilder.Entity<Rubric>(rubric =>
        {
            rubric.ToTable("qa_rubrics");
            rubric.HasKey(r => r.Id);
            rubric.Property(r => r.Name).HasMaxLength(200);
            rubric.Property(r => r.CreatedBy).HasMaxLength(100);
            rubric.OwnsMany(r => r.Criteria, c => c.ToJson());
        });
        modelBuilder.Entity<QaReview>(review =>
        {
            review.ToTable("qa_reviews");
            review.HasKey(r => r.Id);
            review.Property(r => r.AgentId).HasMaxLength(100);
            review.Property(r => r.TeamId).HasMaxLength(100);
            review.Property(r => r.ReviewerId).HasMaxLength(100);
            review.Property(r => r.DecidedBy).HasMaxLength(100);
            review.Property(r => r.DisputeOutcome).HasConversion<string>().HasMaxLength(20);
            review.OwnsMany(r => r.Scores, s => s.ToJson());
            review.Ignore(r => r.FinalScore);
            review.HasOne<Rubric>().WithMany().HasForeignKey(r => r.RubricId).OnDelete(DeleteBehavior.Restrict);
            review.HasOne<CalibrationSession>().WithMany().HasForeignKey(r => r.CalibrationId).OnDelete(DeleteBehavior.Restrict);
            // The qa_score KPI reads reviews by time; calibration reviews count for nothing.
            review.HasIndex(r => r.ReviewedAt).HasFilter("calibration_id IS NULL");
            review.HasIndex(r => r.CaseId);
            review.HasIndex(r => r.AgentId);
            // One review per reviewer per calibration session.
            review.HasIndex(r => new { r.CalibrationId, r.ReviewerId }).IsUnique().HasFilter("calibration_id IS NOT NULL");
        });
        modelBuilder.Entity<CalibrationSession>(session =>
        {
            session.ToTable("qa_calibration_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.AgentId).HasMaxLength(100);
            session.Property(s => s.TeamId).HasMaxLength(100);
            session.Property(s => s.CreatedBy).HasMaxLength(100);
            session.HasOne<Rubric>().WithMany().HasForeignKey(s => s.RubricId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}
