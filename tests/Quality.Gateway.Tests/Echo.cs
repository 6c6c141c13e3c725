namespace Quality.Gateway.Tests;

/// <summary>What a stand-in service saw of a request the gateway passed on.</summary>
public sealed record Echo(string Service, string Method, string Path, string Host, string Scheme, string? RemoteIp, long BodyBytes);
