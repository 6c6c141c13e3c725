using Microsoft.EntityFrameworkCore;
using Quality.Intake.Features.Channels;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.ApiKeys;

/// <summary>Issues, lists and revokes channel keys; who did it and when is kept on the key.</summary>
public sealed class ApiKeyService(IntakeDbContext db, TimeProvider time)
{
    public async Task<CreatedApiKey> CreateAsync(CreateApiKeyRequest request, string createdBy, CancellationToken cancellationToken)
    {
        var channel = request.Channel.Trim().ToLowerInvariant();
        if (!ChannelNames.All.Contains(channel))
        {
            throw new RequestValidationException("channel", $"must be one of: {string.Join(", ", ChannelNames.All)}");
        }

        var (key, prefix, hash) = ApiKeySecret.Create();
        var apiKey = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = request.Name.Trim(),
            Channel = channel,
            Prefix = prefix,
            Hash = hash,
            CreatedBy = createdBy,
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(apiKey.Id, apiKey.Name, apiKey.Channel, prefix, key, apiKey.CreatedAt);
    }

    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken) =>
        (await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken)).Select(ApiKeySummary.From).ToList();

    public async Task<ApiKeySummary> GetAsync(Guid id, CancellationToken cancellationToken) =>
        ApiKeySummary.From(await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new NotFoundException($"API key {id} does not exist."));

    /// <summary>Revokes at once (every request looks the key up); revoking twice keeps the first revocation.</summary>
    public async Task RevokeAsync(Guid id, string revokedBy, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new NotFoundException($"API key {id} does not exist.");
        if (key.RevokedAt is not null)
        {
            return;
        }

        key.RevokedAt = time.GetUtcNow();
        key.RevokedBy = revokedBy;
        await db.SaveChangesAsync(cancellationToken);
    }
}
