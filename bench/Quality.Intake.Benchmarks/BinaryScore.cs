namespace Quality.Intake.Benchmarks;

/// <summary>Confusion counts for a positive/negative label, with accuracy and the macro-averaged F1 of both classes.</summary>
public sealed class BinaryScore
{
    private int _truePositive, _falsePositive, _trueNegative, _falseNegative;

    public void Add(bool actualPositive, bool predictedPositive)
    {
        switch (actualPositive, predictedPositive)
        {
            case (true, true): _truePositive++; break;
            case (false, true): _falsePositive++; break;
            case (false, false): _trueNegative++; break;
            case (true, false): _falseNegative++; break;
        }
    }

    public double Accuracy => (double)(_truePositive + _trueNegative) / Math.Max(1, _truePositive + _trueNegative + _falsePositive + _falseNegative);

    public double MacroF1 => (F1(_truePositive, _falsePositive, _falseNegative) + F1(_trueNegative, _falseNegative, _falsePositive)) / 2;

    private static double F1(int hits, int falseAlarms, int misses) =>
        hits == 0 ? 0 : 2.0 * hits / (2.0 * hits + falseAlarms + misses);
}
