namespace Quality.Benchmarking.Measurement;

/// <summary>Collects latencies (milliseconds) from many threads; every sample is kept, so percentiles are exact.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _values = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _values.Count;
            }
        }
    }

    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _values.Add(milliseconds);
        }
    }

    public void Add(double milliseconds, int times)
    {
        lock (_gate)
        {
            for (var i = 0; i < times; i++)
            {
                _values.Add(milliseconds);
            }
        }
    }

    public LatencySummary Summarize()
    {
        double[] copy;
        lock (_gate)
        {
            copy = [.. _values];
        }

        return Percentiles.Summarize(copy);
    }
}
