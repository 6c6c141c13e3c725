namespace Quality.Intake.Classification.Model;

/// <summary>
/// The trained model classification uses now, or none (rules only). Swapped whole when an operator activates
/// another model, so a request sees either the old model or the new one, never a mix.
/// </summary>
public sealed class ActiveFeedbackModel
{
    private volatile Activated? _current;

    public Activated? Current => _current;

    public void Activate(Guid id, FeedbackModel model) => _current = new Activated(id, model);

    public void Deactivate() => _current = null;

    public sealed record Activated(Guid Id, FeedbackModel Model);
}
