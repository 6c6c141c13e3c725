namespace Quality.LoadGenerator.Measurement;

/// <summary>
/// One resource's processes over a stage: CPU in cores (1.0 = one core busy all the time), the largest
/// resident set any one of its processes reached, and the largest proportional set (PSS) of its live processes together.
/// <see cref="Processes"/> is how many were alive at the end.
/// </summary>
public sealed record ProcessUsage(string Name, int Processes, double CpuCores, double PeakProcessRssMb, double PeakTotalPssMb);
