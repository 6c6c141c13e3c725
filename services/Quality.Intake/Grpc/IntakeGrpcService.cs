using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Features.Search;
using Quality.Intake.Features.SurveyLinks;
using Quality.ServiceDefaults.Authentication;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Grpc;

public sealed class IntakeGrpcService(FeedbackQueries queries, SurveyContacts contacts, PiiProtector pii, TimeProvider time) : IntakeService.IntakeServiceBase
{
    public override async Task<Feedback> GetFeedback(GetFeedbackRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.FeedbackId, out var id))
        {
            throw new RequestValidationException("feedback_id", "must be a UUID");
        }

        return (await queries.GetAsync(id, context.CancellationToken)).ToMessage(pii);
    }

    /// <summary>
    /// Supervisors and above: feedback carries no team, so a list cannot be cut to an agent's team, and
    /// searching a customer's history is a supervisor's task. Agents read single items from their cases.
    /// </summary>
    [Authorize(Policy = Policies.Supervisor)]
    public override async Task<ListFeedbackResponse> ListFeedback(ListFeedbackRequest request, ServerCallContext context)
    {
        // A GET carries its filters in the URL, which proxies and access logs keep.
        if (HttpMethods.IsGet(context.GetHttpContext().Request.Method))
        {
            var inUrl = new Dictionary<string, string[]>();
            const string Reason = "cannot be sent in the URL: POST the filters to /api/feedback/search to keep contact data out of logs";
            if (request.CustomerEmail.Length > 0) inUrl["customer_email"] = [Reason];
            if (request.CustomerPhone.Length > 0) inUrl["customer_phone"] = [Reason];
            if (inUrl.Count > 0)
            {
                throw new RequestValidationException(inUrl);
            }
        }

        var page = await queries.ListAsync(new FeedbackFilter
        {
            Channel = request.Channel.Trim(),
            Kind = request.Kind.Trim(),
            Category = request.Category.Trim(),
            Severity = request.Severity,
            Language = request.Language.Trim(),
            From = request.From?.ToDateTimeOffset(),
            To = request.To?.ToDateTimeOffset(),
            CustomerEmail = request.CustomerEmail,
            CustomerPhone = request.CustomerPhone,
            CustomerId = request.CustomerId,
            PageSize = request.PageSize,
            PageToken = request.PageToken,
        }, context.CancellationToken);
        return new ListFeedbackResponse { Items = { page.Items.Select(i => i.ToMessage(pii)) }, NextPageToken = page.NextPageToken ?? "" };
    }

    /// <summary>Supervisors and above, as for <see cref="ListFeedback"/>.</summary>
    [Authorize(Policy = Policies.Supervisor)]
    public override async Task<FeedbackCounts> CountFeedback(CountFeedbackRequest request, ServerCallContext context)
    {
        var counts = await queries.CountAsync(new FeedbackFilter
        {
            Channel = request.Channel.Trim(),
            Kind = request.Kind.Trim(),
            Category = request.Category.Trim(),
            Language = request.Language.Trim(),
            CustomerId = request.CustomerId,
            From = request.From?.ToDateTimeOffset(),
            To = request.To?.ToDateTimeOffset(),
        }, time.GetUtcNow(), context.CancellationToken);
        var response = new FeedbackCounts
        {
            From = Timestamp.FromDateTimeOffset(counts.From),
            To = Timestamp.FromDateTimeOffset(counts.To),
            Total = counts.Total,
        };
        response.ByChannel.Add(counts.ByChannel.Select(ToMessage));
        response.ByKind.Add(counts.ByKind.Select(ToMessage));
        response.ByCategory.Add(counts.ByCategory.Select(ToMessage));
        response.BySentiment.Add(counts.BySentiment.Select(ToMessage));
        return response;
    }

    /// <summary>Services only: the address in clear goes to whoever sends the invitation, never to a person's screen.</summary>
    [Authorize(Policy = Policies.Service)]
    public override async Task<SurveyContact> GetSurveyContact(GetSurveyContactRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.FeedbackId, out var id))
        {
            throw new RequestValidationException("feedback_id", "must be a UUID");
        }

        var caller = context.GetHttpContext().User.Identity?.Name ?? "an unnamed service";
        var contact = await contacts.GetAsync(id, caller, context.CancellationToken);
        return new SurveyContact
        {
            Email = contact.Email ?? "",
            HasEmail = contact.Email is not null,
            Language = contact.Language,
            Erased = contact.Erased,
        };
    }

    private static FeedbackCount ToMessage(KeyValuePair<string, long> count) => new() { Key = count.Key, Count = count.Value };
}
