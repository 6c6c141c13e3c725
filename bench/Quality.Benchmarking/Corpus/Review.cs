namespace Quality.Benchmarking.Corpus;

/// <summary>One labelled review: real customer text, positive or negative.</summary>
public sealed record Review(bool Positive, string Text);
