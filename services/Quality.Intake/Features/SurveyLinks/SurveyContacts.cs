using Microsoft.EntityFrameworkCore;
using Quality.Intake.Features.Privacy;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.SurveyLinks;

/// <summary>
/// The one place an address leaves Intake in clear: to the service that invites the customer behind a case to
/// answer a survey. Only services may ask (the gRPC method's policy); the log names the caller and the masked
/// address, never the address.
/// </summary>
public sealed partial class SurveyContacts(IntakeDbContext db, PiiProtector pii, ILogger<SurveyContacts> logger)
{
    public async Task<InvitationContact> GetAsync(Guid feedbackId, string caller, CancellationToken cancellationToken)
    {
        var item = await db.Feedback.AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedbackId, cancellationToken)
            ?? throw new NotFoundException($"Feedback {feedbackId} does not exist.");
        var language = item.Language == "zh" ? "zh" : "en";
        if (item.ErasedAt is not null)
        {
            LogErased(logger, caller, feedbackId);
            return new InvitationContact(null, language, Erased: true);
        }

        var email = pii.Enabled ? pii.Reveal(item)?.Email : null;
        LogRead(logger, caller, feedbackId, ContactMask.Email(email) ?? "no address");
        return new InvitationContact(email, language, Erased: false);
    }

    [LoggerMessage(LogLevel.Information, "{Caller} read the survey contact of feedback {FeedbackId}: {MaskedEmail}")]
    private static partial void LogRead(ILogger logger, string caller, Guid feedbackId, string maskedEmail);

    [LoggerMessage(LogLevel.Information, "{Caller} asked for the survey contact of feedback {FeedbackId}, whose customer was erased")]
    private static partial void LogErased(ILogger logger, string caller, Guid feedbackId);
}
