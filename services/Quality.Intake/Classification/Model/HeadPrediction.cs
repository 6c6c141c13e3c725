namespace Quality.Intake.Classification.Model;

/// <summary>A head's choice and the probability it gives every label it knows.</summary>
public sealed record HeadPrediction(string Label, IReadOnlyList<string> Labels, float[] Scores)
{
    public double Probability => ProbabilityOf(Label);

    /// <summary>0 for a label the head never saw in training.</summary>
    public double ProbabilityOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (Labels[i] == label)
            {
                return Scores[i];
            }
        }

        return 0;
    }
}
