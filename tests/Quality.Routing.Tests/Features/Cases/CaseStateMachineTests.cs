using Quality.Routing.Features.Cases;
using Quality.ServiceDefaults.Errors;

namespace Quality.Routing.Tests.Features.Cases;

public sealed class CaseStateMachineTests
{
    [Theory]
    [InlineData(CaseStatus.Open, CaseAction.Assign, CaseStatus.Assigned)]
    [InlineData(CaseStatus.Assigned, CaseAction.Assign, CaseStatus.Assigned)]
    [InlineData(CaseStatus.PendingCustomer, CaseAction.Assign, CaseStatus.PendingCustomer)]
    [InlineData(CaseStatus.Assigned, CaseAction.Respond, CaseStatus.Assigned)]
    [InlineData(CaseStatus.Assigned, CaseAction.AwaitCustomer, CaseStatus.PendingCustomer)]
    [InlineData(CaseStatus.PendingCustomer, CaseAction.CustomerReplied, CaseStatus.Assigned)]
    [InlineData(CaseStatus.Open, CaseAction.Resolve, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Assigned, CaseAction.Resolve, CaseStatus.Resolved)]
    [InlineData(CaseStatus.PendingCustomer, CaseAction.Resolve, CaseStatus.Resolved)]
    [InlineData(CaseStatus.Resolved, CaseAction.Reopen, CaseStatus.Open)]
    [InlineData(CaseStatus.Resolved, CaseAction.Close, CaseStatus.Closed)]
    public void Legal_moves_reach_the_expected_status(CaseStatus from, CaseAction action, CaseStatus to) =>
        Assert.Equal(to, CaseStateMachine.Next(from, action));

    [Theory]
    [InlineData(CaseStatus.Closed, CaseAction.Resolve, "Cannot resolve a case that is closed; allowed only from: open, assigned, pending_customer.")]
    [InlineData(CaseStatus.Open, CaseAction.Reopen, "Cannot reopen a case that is open; allowed only from: resolved.")]
    [InlineData(CaseStatus.Closed, CaseAction.Reopen, "Cannot reopen a case that is closed; allowed only from: resolved.")]
    [InlineData(CaseStatus.Open, CaseAction.Respond, "Cannot record a response on a case that is open; allowed only from: assigned, pending_customer.")]
    [InlineData(CaseStatus.Assigned, CaseAction.Close, "Cannot close a case that is assigned; allowed only from: resolved.")]
    [InlineData(CaseStatus.Resolved, CaseAction.Assign, "Cannot assign a case that is resolved; allowed only from: open, assigned, pending_customer.")]
    [InlineData(CaseStatus.PendingCustomer, CaseAction.AwaitCustomer, "Cannot set pending_customer on a case that is pending_customer; allowed only from: assigned.")]
    public void Illegal_moves_are_refused_naming_the_states(CaseStatus from, CaseAction action, string message)
    {
        var refusal = Assert.Throws<ConflictException>(() => CaseStateMachine.Next(from, action));
        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Closed_is_final()
    {
        Assert.All(Enum.GetValues<CaseAction>(), action => Assert.False(CaseStateMachine.Allows(CaseStatus.Closed, action)));
    }
}
