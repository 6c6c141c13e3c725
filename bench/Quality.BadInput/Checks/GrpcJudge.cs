using Grpc.Core;
using Quality.BadInput.Attacks;

namespace Quality.BadInput.Checks;

/// <summary>Judges a gRPC status answered to a bad call.</summary>
public static class GrpcJudge
{
    /// <summary>Statuses that mean the service broke or does not serve a method its contract names.</summary>
    private static readonly HashSet<StatusCode> Broken =
        [StatusCode.Internal, StatusCode.Unknown, StatusCode.DataLoss, StatusCode.Unimplemented, StatusCode.Unavailable];

    public static Outcome Judge(GrpcAttack attack, Status status, bool streamOpened)
    {
        var operation = attack.Operation;
        var answer = status.StatusCode == StatusCode.OK || streamOpened ? "OK" : $"{status.StatusCode}: {status.Detail}";
        Outcome Result(Verdict verdict, string? problem = null) => new(operation.Service, operation.Name, attack.Name, answer, verdict, problem);

        if (attack.Kind == "auth" && (streamOpened || status.StatusCode is not (StatusCode.Unauthenticated or StatusCode.PermissionDenied)))
        {
            return Result(Verdict.Failed, $"answered {status.StatusCode} to credentials '{attack.Credential}' that must be refused");
        }

        if (streamOpened || status.StatusCode == StatusCode.OK)
        {
            return operation.IsRead ? Result(Verdict.AcceptedRead) : Result(Verdict.Failed, "a malformed write was accepted");
        }

        // gRPC's own handler answers bytes that are not the method's message with UNKNOWN before any service code
        // runs; the services enable detailed errors so that the answer names the parser's reason.
        if (status.StatusCode == StatusCode.Unknown && status.Detail.Contains("InvalidProtocolBufferException", StringComparison.Ordinal))
        {
            return Result(Verdict.Refused);
        }

        if (Broken.Contains(status.StatusCode))
        {
            return Result(Verdict.Failed, $"service error {status.StatusCode}");
        }

        if (status.StatusCode is StatusCode.DeadlineExceeded or StatusCode.Cancelled)
        {
            return Result(Verdict.Failed, "no answer before the deadline");
        }

        return string.IsNullOrWhiteSpace(status.Detail) ? Result(Verdict.Failed, "an error status without a message") : Result(Verdict.Refused);
    }
}
