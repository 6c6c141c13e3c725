using Npgsql;

namespace Quality.Scoring.Features.Facts;

/// <summary>
/// The rows of one fact table as typed array parameters, one per column (uuid[], text[], timestamptz[], …), for an
/// <c>INSERT … SELECT * FROM unnest($1, $2, …)</c>: one statement and one parameter list however many rows.
/// </summary>
internal sealed class FactRows<TEvent>(IEnumerable<object> events)
{
    private readonly List<TEvent> _rows = [.. events.OfType<TEvent>()];
    private readonly List<NpgsqlParameter> _columns = [];

    public FactRows<TEvent> Column<TValue>(Func<TEvent, TValue> value)
    {
        _columns.Add(new NpgsqlParameter<TValue[]> { TypedValue = [.. _rows.Select(value)] });
        return this;
    }

    /// <summary>Adds the statement to the batch, unless there are no rows.</summary>
    public void AddTo(NpgsqlBatch batch, string sql)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in _columns)
        {
            command.Parameters.Add(column);
        }
        batch.BatchCommands.Add(command);
    }
}
