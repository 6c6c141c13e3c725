using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace Quality.Intake.Classification.Model;

/// <summary>
/// A classifier an operator trained on their own labelled feedback: a head for the kind and, when the training
/// data named enough categories, one for the category. Saved as one zip (a model per head plus its metrics) so it
/// can sit in a database row or a file.
/// </summary>
public sealed class FeedbackModel
{
    private const string KindEntry = "kind.zip", CategoryEntry = "category.zip", MetricsEntry = "metrics.json";

    public FeedbackModel(ModelHead kind, ModelHead? category, ModelMetrics metrics)
    {
        Kind = kind;
        Category = category;
        Metrics = metrics;
    }

    public ModelHead Kind { get; }

    public ModelHead? Category { get; }

    public ModelMetrics Metrics { get; }

    public void Save(MLContext ml, Stream destination)
    {
        using var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        SaveHead(ml, archive, KindEntry, Kind);
        if (Category is not null)
        {
            SaveHead(ml, archive, CategoryEntry, Category);
        }

        using var metrics = archive.CreateEntry(MetricsEntry).Open();
        JsonSerializer.Serialize(metrics, Metrics);
    }

    public static FeedbackModel Load(MLContext ml, Stream source)
    {
        using var archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        var kind = LoadHead(ml, archive, KindEntry) ?? throw new InvalidDataException($"The model has no '{KindEntry}' entry.");
        var category = LoadHead(ml, archive, CategoryEntry);
        using var metricsStream = (archive.GetEntry(MetricsEntry) ?? throw new InvalidDataException($"The model has no '{MetricsEntry}' entry.")).Open();
        var metrics = JsonSerializer.Deserialize<ModelMetrics>(metricsStream) ?? throw new InvalidDataException("The model's metrics are empty.");
        return new FeedbackModel(kind, category, metrics);
    }

    public byte[] ToBytes(MLContext ml)
    {
        using var buffer = new MemoryStream();
        Save(ml, buffer);
        return buffer.ToArray();
    }

    public static FeedbackModel FromBytes(MLContext ml, byte[] bytes)
    {
        using var buffer = new MemoryStream(bytes, writable: false);
        return Load(ml, buffer);
    }

    private static void SaveHead(MLContext ml, ZipArchive archive, string name, ModelHead head)
    {
        // ML.NET's model writer needs a seekable stream; a zip entry is not one.
        using var buffer = new MemoryStream();
        ml.Model.Save(head.Transformer, head.InputSchema, buffer);
        using var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open();
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    private static ModelHead? LoadHead(MLContext ml, ZipArchive archive, string name)
    {
        if (archive.GetEntry(name) is not { } entry)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        var transformer = ml.Model.Load(buffer, out var schema);
        return new ModelHead(ml, transformer, schema);
    }
}
