using System.Collections.Concurrent;
using Quality.Notifications.Features.Surveys;

namespace Quality.Notifications.Tests.Infrastructure;

/// <summary>
/// Intake's side of survey contacts, as a test scripts it per feedback id: who the customer is, whether they
/// were erased, and whether Intake answers at all (a call number → "unavailable"). Unknown feedback is not found.
/// </summary>
public sealed class FakeIntake
{
    private readonly ConcurrentDictionary<Guid, SurveyContact> _contacts = new();
    private readonly ConcurrentDictionary<Guid, Func<int, bool>> _unavailable = new();
    private readonly ConcurrentDictionary<Guid, int> _calls = new();

    public void Add(Guid feedbackId, SurveyContact contact) => _contacts[feedbackId] = contact;

    /// <summary>Given the 1-based look-up of <paramref name="feedbackId"/>, whether Intake is down for it.</summary>
    public void UnavailableWhen(Guid feedbackId, Func<int, bool> down) => _unavailable[feedbackId] = down;

    public int Calls(Guid feedbackId) => _calls.GetValueOrDefault(feedbackId);

    /// <summary>The look-up as Intake answers it; throws <see cref="IntakeDownException"/> when scripted to be down.</summary>
    public SurveyContact? Find(Guid feedbackId)
    {
        var call = _calls.AddOrUpdate(feedbackId, 1, (_, n) => n + 1);
        if (_unavailable.TryGetValue(feedbackId, out var down) && down(call))
        {
            throw new IntakeDownException();
        }

        return _contacts.GetValueOrDefault(feedbackId);
    }
}
