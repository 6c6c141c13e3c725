namespace Quality.Scoring.Features.LiveKpis;

/// <summary>
/// A fold found a case it must also lock (opened meanwhile from a feedback item it folds) locked by another fold.
/// Waiting for it out of order could deadlock; the fold's transaction is rolled back and retried, and the retry locks
/// the case in order.
/// </summary>
public sealed class LiveEntityBusyException() : Exception("A live entity to fold is locked by another fold; retry the transaction.");
