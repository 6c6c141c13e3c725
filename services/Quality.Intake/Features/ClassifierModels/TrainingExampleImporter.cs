using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Quality.Contracts.Intake;
using Quality.Intake.Classification;
using Quality.Intake.Infrastructure;
using Quality.ServiceDefaults.Errors;

namespace Quality.Intake.Features.ClassifierModels;

/// <summary>
/// Reads labelled examples from CSV as it arrives, a batch at a time, so a large corpus never sits in memory.
/// Columns: <c>text</c> and <c>kind</c> (complaint, praise, suggestion, inquiry), optionally <c>category</c>;
/// or a sentiment corpus's <c>label,review</c> (1 positive → praise, 0 negative → complaint).
/// </summary>
public sealed class TrainingExampleImporter(IntakeDbContext db, FeedbackClassifier classifier, TimeProvider time)
{
    public const int RejectionsListed = 1000;
    public const int MaxTextLength = 4000;
    private const int BatchSize = 1000;

    private static readonly Dictionary<string, FeedbackKind> KindsByName =
        Enum.GetValues<FeedbackKind>().ToDictionary(k => k.ToString(), StringComparer.OrdinalIgnoreCase);

    public async Task<ImportedExamples> ImportAsync(Stream csv, string importedBy, CancellationToken cancellationToken)
    {
        // A row with broken quoting is refused on its own; the rows around it still count.
        var badRow = -1;
        using var reader = new StreamReader(csv);
        using var rows = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = header => header.Header.Trim().ToLowerInvariant(),
            BadDataFound = bad => badRow = bad.Context.Parser!.Row,
        });
        var columns = await ReadColumnsAsync(rows);

        var imported = 0;
        var rejected = new List<RejectedExample>();
        var rejectedCount = 0;
        var batch = new List<TrainingExample>(BatchSize);
        var importedAt = time.GetUtcNow();
        while (await rows.ReadAsync())
        {
            var row = rows.Parser.Row;
            var (example, reason) = Parse(rows, columns, importedBy, importedAt);

            // CsvHelper reports broken quoting when a field is read, so only now is it known.
            if (badRow == row)
            {
                (example, reason) = (null, "the row's quoting is broken");
            }

            if (example is null)
            {
                rejectedCount++;
                if (rejected.Count < RejectionsListed)
                {
                    rejected.Add(new RejectedExample(row, reason!));
                }

                continue;
            }

            batch.Add(example);
            if (batch.Count == BatchSize)
            {
                imported += await SaveAsync(batch, cancellationToken);
            }
        }

        imported += await SaveAsync(batch, cancellationToken);
        return new ImportedExamples(imported, rejectedCount, rejected);
    }

    private static async Task<Columns> ReadColumnsAsync(CsvReader rows)
    {
        if (!await rows.ReadAsync() || !rows.ReadHeader())
        {
            throw new RequestValidationException("body", "The CSV is empty; expected a header row with text,kind[,category] or label,review.");
        }

        var header = rows.HeaderRecord ?? [];
        var text = header.Contains("text") ? "text" : header.Contains("review") ? "review" : null;
        var label = header.Contains("kind") ? "kind" : header.Contains("label") ? "label" : null;
        if (text is null || label is null)
        {
            throw new RequestValidationException("body", $"The CSV header '{string.Join(",", header)}' has no text/review and kind/label columns.");
        }

        return new Columns(text, label, header.Contains("category") ? "category" : null);
    }

    private (TrainingExample? Example, string? Reason) Parse(CsvReader rows, Columns columns, string importedBy, DateTimeOffset importedAt)
    {
        var text = rows.GetField(columns.Text)?.Trim() ?? "";
        if (text.Length == 0)
        {
            return (null, $"{columns.Text} is empty");
        }

        if (text.Length > MaxTextLength)
        {
            return (null, $"{columns.Text} is longer than {MaxTextLength} characters");
        }

        var labelValue = rows.GetField(columns.Label)?.Trim() ?? "";
        FeedbackKind? kind = columns.Label == "label"
            ? labelValue switch { "1" => FeedbackKind.Praise, "0" => FeedbackKind.Complaint, _ => null }
            : KindsByName.TryGetValue(labelValue, out var named) ? named : null;
        if (kind is null)
        {
            var expected = columns.Label == "label" ? "1 or 0" : "complaint, praise, suggestion or inquiry";
            return (null, $"{columns.Label} '{labelValue}' is not {expected}");
        }

        var category = columns.Category is null ? null : rows.GetField(columns.Category)?.Trim();
        if (string.IsNullOrEmpty(category))
        {
            category = null;
        }
        else if (!classifier.Categories.Contains(category))
        {
            return (null, $"category '{category}' is not one of {string.Join(", ", classifier.Categories.Order())}");
        }

        return (new TrainingExample
        {
            Id = Guid.CreateVersion7(),
            Text = text,
            Kind = kind.Value,
            Category = category,
            ImportedAt = importedAt,
            ImportedBy = importedBy,
        }, null);
    }

    private async Task<int> SaveAsync(List<TrainingExample> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        db.TrainingExamples.AddRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        var saved = batch.Count;
        batch.Clear();
        return saved;
    }

    private sealed record Columns(string Text, string Label, string? Category);
}
