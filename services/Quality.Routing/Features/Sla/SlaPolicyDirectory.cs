using Microsoft.EntityFrameworkCore;
using Quality.Routing.Features.Access;
using Quality.Routing.Features.Cases;
using Quality.Routing.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Features.Sla;

/// <summary>The ordered SLA policies: changed by admins, read by anyone, matched against every new case.</summary>
public sealed class SlaPolicyDirectory(RoutingDbContext db, TimeProvider time, SlaSettingsSource settings)
{
    public async Task<SlaPolicy> UpsertAsync(Caller caller, SlaPolicyDraft draft, CancellationToken cancellationToken)
    {
        draft.Validate();
        AccessRules.EnsureAdmin(caller, "change SLA policies");
        if (!await db.Calendars.AnyAsync(c => c.Id == draft.Calendar, cancellationToken))
        {
            throw new RequestValidationException("calendar_id", $"calendar '{draft.Calendar}' does not exist; create it with UpsertCalendar first");
        }

        var policy = await db.SlaPolicies.FirstOrDefaultAsync(p => p.Id == draft.PolicyId, cancellationToken);
        if (policy is null)
        {
            policy = new SlaPolicy { Id = draft.PolicyId, Name = "" };
            db.SlaPolicies.Add(policy);
        }

        policy.Name = draft.Name.Trim().Length > 0 ? draft.Name.Trim() : draft.PolicyId;
        policy.Rank = draft.Rank!.Value;
        policy.Enabled = draft.Enabled ?? true;
        policy.Priorities = [.. draft.Priorities.Distinct().Order()];
        policy.Categories = SlaPolicyDraft.Normalize(draft.Categories);
        policy.Channels = SlaPolicyDraft.Normalize(draft.Channels);
        policy.CustomerTiers = SlaPolicyDraft.Normalize(draft.CustomerTiers);
        policy.Languages = SlaPolicyDraft.Normalize(draft.Languages);
        policy.Targets = [.. draft.Targets.OrderBy(t => t.Priority)];
        policy.WarningFraction = draft.WarningFraction ?? SlaPolicy.DefaultWarningFraction;
        policy.CalendarId = draft.Calendar;
        policy.UpdatedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (db.Entry(policy).State == EntityState.Added)
        {
            throw new ConflictException($"SLA policy '{draft.PolicyId}' was created concurrently; retry to update it.");
        }

        return policy;
    }

    /// <summary>Removes a policy; cases it already applies to keep the goals they were given.</summary>
    public async Task DeleteAsync(Caller caller, string policyId, CancellationToken cancellationToken)
    {
        AccessRules.EnsureAdmin(caller, "change SLA policies");
        if (await db.SlaPolicies.Where(p => p.Id == policyId).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            throw new NotFoundException($"SLA policy '{policyId}' (policy_id) does not exist.");
        }
    }

    /// <summary>Every policy in the order they are tried.</summary>
    public Task<List<SlaPolicy>> ListAsync(CancellationToken cancellationToken) =>
        db.SlaPolicies.AsNoTracking().OrderBy(p => p.Rank).ThenBy(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>The first enabled policy, in rank order, whose condition the case meets; null when none does.</summary>
    /// <remarks>From the cached settings (see <see cref="SlaSettingsCache"/>): shared, so the policy must not be changed.</remarks>
    public async Task<SlaPolicy?> FirstMatchAsync(Case @case, CancellationToken cancellationToken) =>
        (await settings.CurrentAsync(cancellationToken)).FirstMatch(@case);
}
