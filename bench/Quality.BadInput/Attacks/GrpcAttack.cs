using Quality.BadInput.Credentials;
using Quality.BadInput.Targets;

namespace Quality.BadInput.Attacks;

/// <summary>One bad call to a gRPC method: its request message as raw bytes, which need not be valid protobuf.</summary>
public sealed record GrpcAttack(GrpcOperation Operation, string Kind, Credential Credential, byte[] Payload)
{
    public string Name => $"{Operation.Name} [{Kind}, {Credential}]";
}
