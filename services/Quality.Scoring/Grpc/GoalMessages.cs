using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Quality.Scoring.Features.Goals;
using Quality.ServiceDefaults.Errors;

namespace Quality.Scoring.Grpc;

/// <summary>Goals to and from their gRPC messages, spelled as the HTTP API spells them (snake_case words).</summary>
internal static class GoalMessages
{
    public static Features.Goals.CreateGoalRequest ToRequest(CreateGoalRequest request) => new(
        request.Metric, request.Target, request.Direction, request.Scope, request.ScopeId, request.OwnerId,
        request.Start?.ToDateTimeOffset(), request.Deadline?.ToDateTimeOffset());

    public static Guid ParseId(string id) =>
        Guid.TryParse(id, out var parsed) ? parsed : throw new RequestValidationException("id", $"'{id}' is not a goal id");

    public static GoalReport ToReport(GoalView view)
    {
        var (goal, progress, status) = view;
        var report = new GoalReport
        {
            Id = goal.Id.ToString(),
            Metric = goal.Metric,
            Unit = goal.Definition.Unit,
            Direction = Word(goal.Direction),
            Target = goal.Target,
            Scope = goal.Scope.Name,
            ScopeId = goal.ScopeId ?? "",
            TeamId = goal.TeamId ?? "",
            OwnerId = goal.OwnerId,
            Start = Timestamp.FromDateTimeOffset(goal.StartAt),
            Deadline = Timestamp.FromDateTimeOffset(goal.Deadline),
            Status = Word(status),
            AtRiskNotifiedAt = goal.AtRiskAt is { } atRisk ? Timestamp.FromDateTimeOffset(atRisk) : null,
            Outcome = goal.Outcome is { } outcome ? Word(outcome) : "",
            FinalValue = goal.FinalValue,
            DecidedAt = goal.DecidedAt is { } decided ? Timestamp.FromDateTimeOffset(decided) : null,
            CancelledAt = goal.CancelledAt is { } cancelled ? Timestamp.FromDateTimeOffset(cancelled) : null,
            CreatedBy = goal.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(goal.CreatedAt),
        };
        if (progress is not null)
        {
            report.Progress = new GoalProgressReport
            {
                From = Timestamp.FromDateTimeOffset(progress.From),
                To = Timestamp.FromDateTimeOffset(progress.To),
                Value = progress.Value,
                SampleCount = progress.SampleCount,
                Forecast = progress.Forecast,
                Method = GoalProgressResponse.MethodOf(goal, progress),
                Points = progress.Points,
                TrendPerDay = progress.TrendPerDay,
            };
        }

        return report;
    }

    private static string Word<TEnum>(TEnum value) where TEnum : struct, System.Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
