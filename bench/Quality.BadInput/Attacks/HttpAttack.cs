using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Attacks;

/// <summary>One bad request to an HTTP operation: what it tries (<see cref="Kind"/>), sent with <see cref="Credential"/>.</summary>
/// <param name="Build">The request, given the service's base address.</param>
/// <param name="MayCloseConnection">A body the server may refuse by closing the connection mid-upload (over its size limit).</param>
public sealed record HttpAttack(
    HttpOperation Operation,
    string Kind,
    Credential Credential,
    Func<Uri, HttpRequestMessage> Build,
    bool MayCloseConnection = false)
{
    public string Name => $"{Operation.Name} [{Kind}, {Credential}]";
}
