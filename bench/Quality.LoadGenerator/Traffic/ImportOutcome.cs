namespace Quality.LoadGenerator.Traffic;

/// <summary>What a finished import job reports: rows stored, already stored (duplicates) and rejected.</summary>
public sealed record ImportOutcome(long Stored, long Duplicates, long Rejected);
