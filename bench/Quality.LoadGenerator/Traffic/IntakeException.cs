namespace Quality.LoadGenerator.Traffic;

/// <summary>Intake answered something other than 2xx; <see cref="Reason"/> groups failures in the report.</summary>
public sealed class IntakeException(string reason, string message) : Exception(message)
{
    public string Reason { get; } = reason;
}
