using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Quality.Messaging.Persistence;

/// <summary>
/// Writes the rows a unit of work has added with one <c>INSERT … SELECT FROM unnest(…)</c> per table, in one round
/// trip, instead of EF Core's one INSERT statement per row: for a batch of a hundred complaints that is a dozen
/// statements instead of some fifteen hundred, each of which EF Core would render, bind and PostgreSQL parse and plan.
/// The values are the ones SaveChanges would write (the model's columns and value converters); identity columns are
/// left to the database. The written entities are then detached, so a later SaveChanges writes only what was
/// modified: use it at the end of a unit of work, when nothing reads the added entities' generated keys.
/// </summary>
public static class AddedRows
{
    /// <summary>
    /// Inserts every added entity on the context's connection and transaction, principals before dependents. Identity
    /// and generated columns are left to the database, and a column left at its sentinel gets the model's default value.
    /// </summary>
    public static async Task InsertAsync(DbContext db, CancellationToken cancellationToken)
    {
        var tracker = db.ChangeTracker;
        var added = Added(tracker);
        if (added.Count == 0)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        await using var batch = new NpgsqlBatch();
        foreach (var type in PrincipalsFirst(added.Keys))
        {
            batch.BatchCommands.Add(Insert(sql, type, added[type]));
        }

        await db.ExecuteBatchAsync(batch, cancellationToken);

        // Every added row leaves together, so there is nothing to cascade: without this, detaching each principal
        // searched the tracker for its dependents (over a quarter of this method's time for a hundred cases).
        var (cascade, orphans) = (tracker.CascadeDeleteTiming, tracker.DeleteOrphansTiming);
        tracker.CascadeDeleteTiming = CascadeTiming.Never;
        tracker.DeleteOrphansTiming = CascadeTiming.Never;
        try
        {
            foreach (var entry in added.Values.SelectMany(entries => entries))
            {
                entry.State = EntityState.Detached;
            }
        }
        finally
        {
            (tracker.CascadeDeleteTiming, tracker.DeleteOrphansTiming) = (cascade, orphans);
        }
    }

    /// <summary>
    /// The added entries by type. Values are read from the entities as they are now, so the tracker's change detection
    /// (a scan of every tracked entity) is not needed, except where an added entity has navigations: those are
    /// detected one by one, which tracks what they lead to (e.g. a new case's escalation set on the case).
    /// </summary>
    private static Dictionary<IEntityType, List<EntityEntry>> Added(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            var detected = new HashSet<object>(ReferenceEqualityComparer.Instance);
            while (true)
            {
                var added = tracker.Entries().Where(e => e.State == EntityState.Added).ToList();
                var undetected = added.Where(e => HasNavigations(e.Metadata) && detected.Add(e.Entity)).ToList();
                if (undetected.Count == 0)
                {
                    return added.GroupBy(e => e.Metadata).ToDictionary(g => g.Key, g => g.ToList());
                }

                undetected.ForEach(e => e.DetectChanges());
            }
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private static bool HasNavigations(IEntityType type) => type.GetNavigations().Any() || type.GetSkipNavigations().Any();

    private static NpgsqlBatchCommand Insert(ISqlGenerationHelper sql, IEntityType type, List<EntityEntry> entries)
    {
        var table = StoreObjectIdentifier.Table(
            type.GetTableName() ?? throw Unsupported(type, "it is not mapped to a table"), type.GetSchema());
        if (type.BaseType is not null || type.GetDerivedTypes().Any() || type.IsOwned() || type.GetComplexProperties().Any())
        {
            throw Unsupported(type, "only plain entity types, one per table, are written");
        }

        var command = new NpgsqlBatchCommand();
        var columns = new List<string>();
        var arrays = new List<string>();
        foreach (var property in type.GetProperties())
        {
            if (IsIdentity(property))
            {
                if (entries.Any(e => !e.Property(property).IsTemporary))
                {
                    throw Unsupported(type, $"'{property.Name}' is an identity column given a value");
                }

                continue;
            }

            if (property.GetComputedColumnSql() is not null)
            {
                // A generated column: the database computes it, as when SaveChanges inserts the row.
                continue;
            }

            if (property.GetDefaultValueSql() is not null && entries.Any(e => Equals(e.Property(property).CurrentValue, property.Sentinel)))
            {
                throw Unsupported(type, $"'{property.Name}' is left to its default SQL");
            }

            columns.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
            // The base type, without its length or precision: an explicit cast to character varying(40) would cut a
            // longer value short, where the INSERT's own assignment refuses it, as it refuses SaveChanges' value.
            arrays.Add($"${columns.Count}::{property.GetRelationalTypeMapping().StoreTypeNameBase}[]");
            command.Parameters.Add(new NpgsqlParameter { Value = Column(property, entries) });
        }

        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns)}) SELECT * FROM unnest({string.Join(", ", arrays)})";
        return command;
    }

    /// <summary>
    /// One column's values as an array of the provider's type (after the property's value converter, as SaveChanges
    /// writes them). A property left at its sentinel (its type's default, say) gets the column's default value, as
    /// SaveChanges leaves such a column out and the database fills it in.
    /// </summary>
    private static Array Column(IProperty property, List<EntityEntry> entries)
    {
        var hasDefault = property.TryGetDefaultValue(out var defaultValue);
        var converter = property.GetTypeMapping().Converter;
        var providerType = converter?.ProviderClrType ?? property.ClrType;
        var elementType = providerType.IsValueType && property.IsNullable && Nullable.GetUnderlyingType(providerType) is null
            ? typeof(Nullable<>).MakeGenericType(providerType)
            : providerType;
        var values = Array.CreateInstance(elementType, entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var value = entries[i].Property(property).CurrentValue;
            if (hasDefault && Equals(value, property.Sentinel))
            {
                value = defaultValue;
            }

            values.SetValue(value is null || converter is null ? value : converter.ConvertToProvider(value), i);
        }

        return values;
    }

    private static bool IsIdentity(IProperty property) =>
        property.ValueGenerated != ValueGenerated.Never
        && property.GetValueGenerationStrategy() is NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
            or NpgsqlValueGenerationStrategy.IdentityByDefaultColumn or NpgsqlValueGenerationStrategy.SerialColumn;

    /// <summary>The types in an order where each comes after every other type it has a foreign key to.</summary>
    private static List<IEntityType> PrincipalsFirst(IReadOnlyCollection<IEntityType> types)
    {
        var ordered = new List<IEntityType>();
        var remaining = types.ToHashSet();
        while (remaining.Count > 0)
        {
            var ready = remaining
                .Where(t => !t.GetForeignKeys().Any(k => k.PrincipalEntityType != t && remaining.Contains(k.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new NotSupportedException($"The added rows' tables refer to one another in a cycle: {string.Join(", ", remaining.Select(t => t.GetTableName()))}.");
            }

            ordered.AddRange(ready);
            remaining.ExceptWith(ready);
        }

        return ordered;
    }

    private static NotSupportedException Unsupported(IEntityType type, string why) =>
        new($"Added {type.DisplayName()} rows cannot be written in bulk: {why}.");
}
