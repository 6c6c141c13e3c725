namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// A survey page with the headers a page holding a credential in its URL needs: never cached, never sent on
/// as a referrer, never framed, and allowed to load nothing but its own inline style.
/// </summary>
public sealed class HtmlPage(string html, int statusCode) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => statusCode;

    public string Html => html;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return response.WriteAsync(html, httpContext.RequestAborted);
    }
}
