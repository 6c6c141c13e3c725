namespace Quality.FaultDrills.Processes;

/// <summary>The process the AppHost launched for one part (a service, a server) and its command line.</summary>
public sealed record PartProcess(int Pid, string CommandLine);
