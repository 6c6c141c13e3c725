using MassTransit;
using Quality.Contracts.Routing;
using Quality.Notifications.Features.Alerts;

namespace Quality.Notifications.Consumers;

/// <summary>
/// The built-in new-case alert for the team's supervisors, plus whatever rules name <c>CaseOpened</c>, a batch at a
/// time: every case opened raises an alert, so at Routing's rate one transaction per case was most of this service's work.
/// </summary>
public sealed class CaseOpenedAlertConsumer(AlertBatchHandler handler) : IConsumer<Batch<CaseOpened>>
{
    public Task Consume(ConsumeContext<Batch<CaseOpened>> context) => handler.ConsumeAsync<CaseOpenedAlertConsumer, CaseOpened>(context);
}
