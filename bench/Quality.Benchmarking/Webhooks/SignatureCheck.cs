namespace Quality.Benchmarking.Webhooks;

/// <summary>What a receiver concluded about a request's signature headers.</summary>
public enum SignatureCheck
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    Mismatch,
}
