namespace Quality.Intake.Classification.Model;

/// <summary>
/// The trained model classification uses now, or none (rules only). Swapped whole when an operator activates
/// another model, so a request sees either the old model or the new one, never a mix.
/// </summary>
public sealed class ActiveFeedbackModel
{
    private readonly SemaphoreSlim _switching = new(1, 1);
    private Activated? _current;

    public Activated? Current => Volatile.Read(ref _current);

    /// <summary>Uses <paramref name="model"/> from now on, or the rules alone when null.</summary>
    public void Use(Activated? model) => Volatile.Write(ref _current, model);

    /// <summary>
    /// Runs a change of model (the database row and this replica's copy) alone: a refresh that read the database
    /// just before another change committed must not put back the model that change replaced.
    /// </summary>
    public async Task SwitchAsync(Func<Task> change, CancellationToken cancellationToken)
    {
        await _switching.WaitAsync(cancellationToken);
        try
        {
            await change();
        }
        finally
        {
            _switching.Release();
        }
    }

    public sealed record Activated(Guid Id, FeedbackModel Model);
}
