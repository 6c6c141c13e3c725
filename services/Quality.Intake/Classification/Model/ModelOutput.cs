namespace Quality.Intake.Classification.Model;

/// <summary>What one head of the model says: the chosen label and a score per label.</summary>
public sealed class ModelOutput
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}
