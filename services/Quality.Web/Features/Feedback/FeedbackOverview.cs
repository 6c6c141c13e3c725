using Quality.Intake.Grpc;
using Quality.Scoring.Grpc;

namespace Quality.Web.Features.Feedback;

/// <summary>What the feedback view shows for a period: Intake's counts and newest items, Scoring's surge states.</summary>
public sealed record FeedbackOverview(FeedbackCounts Counts, IReadOnlyList<Intake.Grpc.Feedback> Latest, IReadOnlyList<SurgeReport> Surges);
