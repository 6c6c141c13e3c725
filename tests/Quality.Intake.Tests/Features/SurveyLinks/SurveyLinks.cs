using Quality.Contracts.Intake;
using Quality.Contracts.Surveys;

namespace Quality.Intake.Tests.Features.SurveyLinks;

/// <summary>Links as Notifications would send them, and what Intake stored for them.</summary>
internal static class SurveyLinks
{
    public static string Create(SurveyType type, Guid? caseId = null, DateTimeOffset? expiresAt = null, byte[]? key = null, Guid? feedbackId = null) =>
        SurveyLinkToken.Create(key ?? IntakeServers.SurveyLinkKey, caseId ?? Guid.NewGuid(), feedbackId ?? Guid.NewGuid(), type, expiresAt ?? DateTimeOffset.UtcNow.AddDays(7));

    /// <summary>The nonce as the payload says, signature unchecked: forged links have one too.</summary>
    public static string Nonce(string token) => SignedPayload.Payload(token).Split('|')[5];

    /// <summary>The feedback ids stored for the link's nonce: one once answered, none before.</summary>
    public static async Task<IReadOnlyList<Guid>> StoredAsync(IntakeServers servers, string token)
    {
        await using var connection = await servers.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM feedback WHERE channel = 'survey_link' AND external_id = @nonce";
        command.Parameters.AddWithValue("nonce", Nonce(token));
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public static FormUrlEncodedContent Form(string token, string? score, string? comment = null, string? lang = null) =>
        new(new Dictionary<string, string>
        {
            ["t"] = token,
            ["score"] = score ?? "",
            ["comment"] = comment ?? "",
            ["lang"] = lang ?? "",
        });
}
