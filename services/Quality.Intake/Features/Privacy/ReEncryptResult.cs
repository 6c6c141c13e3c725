namespace Quality.Intake.Features.Privacy;

/// <param name="Items">Items moved to the active key; 0 means no row still needs an old key.</param>
public sealed record ReEncryptResult(int Items);
