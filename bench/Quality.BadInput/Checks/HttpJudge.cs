using System.Net;
using System.Text.Json;
using Quality.BadInput.Attacks;

namespace Quality.BadInput.Checks;

/// <summary>Judges an HTTP answer to a bad request.</summary>
public static class HttpJudge
{
    /// <summary>Refusals Kestrel gives before any endpoint runs, without a body: their status says it all.</summary>
    private static readonly HashSet<HttpStatusCode> BareRefusals =
        [HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestUriTooLong, HttpStatusCode.RequestHeaderFieldsTooLarge];

    public static Outcome Judge(HttpAttack attack, bool anonymous, HttpStatusCode status, string? mediaType, string body)
    {
        var operation = attack.Operation;
        var answer = $"{(int)status} {mediaType ?? "(no body)"}";
        Outcome Result(Verdict verdict, string? problem = null) => new(operation.Service, operation.Name, attack.Name, answer, verdict, problem);

        if ((int)status >= 500)
        {
            return Result(Verdict.Failed, $"server error: {Excerpt(body)}");
        }

        var isAuthAttack = attack.Kind == "auth";
        if (isAuthAttack && !anonymous && status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
        {
            return Result(Verdict.Failed, $"answered {(int)status} to credentials '{attack.Credential}' that must be refused");
        }

        if ((int)status is >= 200 and < 300)
        {
            return operation.IsRead ? Result(Verdict.AcceptedRead) : Result(Verdict.Failed, "a malformed write was accepted");
        }

        if ((int)status is >= 300 and < 400)
        {
            return Result(Verdict.Failed, "redirected instead of refusing");
        }

        // Kestrel refuses a request line it cannot take (a %00 in the path) with a bare 400 before any middleware runs;
        // everything the services answer themselves carries a body.
        if (BareRefusals.Contains(status) || (status == HttpStatusCode.BadRequest && body.Length == 0 && mediaType is null) || IsProblemDetails(mediaType, body))
        {
            return Result(Verdict.Refused);
        }

        return Result(Verdict.Failed, $"refused without ProblemDetails: {Excerpt(body)}");
    }

    public static Outcome Unanswered(HttpAttack attack, Exception error)
    {
        var operation = attack.Operation;
        // Kestrel refuses a body past its limit by answering and closing the connection while the client still sends.
        return attack.MayCloseConnection && error is HttpRequestException or IOException
            ? new Outcome(operation.Service, operation.Name, attack.Name, "connection closed during the upload", Verdict.Refused)
            : new Outcome(operation.Service, operation.Name, attack.Name, error.GetType().Name, Verdict.Failed, $"no answer: {error.Message}");
    }

    private static bool IsProblemDetails(string? mediaType, string body)
    {
        if (mediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 };
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
