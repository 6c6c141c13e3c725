namespace Quality.Intake.Features.ClassifierModels;

/// <summary>Wakes this replica's training worker when a run is queued here, instead of waiting for its next poll.</summary>
public sealed class TrainingSignal
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Notify()
    {
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another request woke it in between: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
