using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quality.Messaging.Persistence;

namespace Quality.Messaging.Tests;

/// <summary>Added entities written a table at a time hold exactly what EF Core's SaveChanges would have written.</summary>
// Not beside the effectively-once tests: while this class created its database and tables, their consumer's effect
// was seen to miss its 20 s patience in most runs.
[Collection("messaging-database")]
public sealed class AddedRowsTests(MessagingServers servers)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Added_rows_are_written_once_each_with_converted_values_and_identities_while_modified_ones_are_left_to_SaveChanges()
    {
        await using var setup = await ContextAsync(create: true);
        var existing = new Shelf { Id = Guid.NewGuid(), Label = "old" };
        setup.Shelves.Add(existing);
        await setup.SaveChangesAsync(Cancellation);

        await using var db = await ContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
        var at = new DateTimeOffset(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);
        // Dependents added before their shelf: the shelf's table must still be written first.
        var shelfId = Guid.NewGuid();
        db.Books.AddRange(
            new Book { ShelfId = shelfId, Title = "边城", State = BookState.Lent, LentAt = at, Loan = TimeSpan.FromDays(14), Rating = 4.5 },
            new Book { ShelfId = shelfId, Title = "It's \"quoted\"", State = BookState.Shelved, LentAt = null, Loan = null, Rating = null },
            new Book { ShelfId = existing.Id, Title = "third", State = BookState.Shelved, Rating = 3, Format = "ebook" });
        var shelf = new Shelf { Id = shelfId, Label = "new" };
        db.Shelves.Add(shelf);
        // Reached only through the navigation, set after the shelf was added: written too, with the shelf's key.
        shelf.Note = new ShelfNote { Text = "靠窗" };
        (await db.Shelves.SingleAsync(s => s.Id == existing.Id, Cancellation)).Label = "renamed";

        await AddedRows.InsertAsync(db, Cancellation);
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Modified, e.State));
        await db.SaveChangesAsync(Cancellation);
        await transaction.CommitAsync(Cancellation);

        await using var check = await ContextAsync();
        var shelves = await check.Shelves.OrderBy(s => s.Label).Select(s => s.Label).ToListAsync(Cancellation);
        Assert.Equal(["new", "renamed"], shelves);
        var note = await check.Set<ShelfNote>().SingleAsync(Cancellation);
        Assert.Equal((shelfId, "靠窗"), (note.ShelfId, note.Text));
        var books = await check.Books.OrderBy(b => b.Id).ToListAsync(Cancellation);
        Assert.Equal(3, books.Count);
        Assert.Equal(3, books.Select(b => b.Id).Distinct().Count());
        Assert.All(books, b => Assert.True(b.Id > 0));
        var first = books.Single(b => b.Title == "边城");
        Assert.Equal((shelfId, BookState.Lent, at, TimeSpan.FromDays(14), 4.5), (first.ShelfId, first.State, first.LentAt, first.Loan, first.Rating));
        // A generated column is the database's to compute.
        Assert.Equal([2, 5, 13], books.OrderBy(b => b.Title.Length).Select(b => b.TitleLength));
        // Left unset, the format takes its column's default; set, its own value.
        Assert.Equal(["ebook", "paper", "paper"], books.OrderBy(b => b.Title == "third" ? 0 : 1).Select(b => b.Format));
        var second = books.Single(b => b.ShelfId == shelfId && b.Title != "边城");
        Assert.Equal(("It's \"quoted\"", BookState.Shelved, (DateTimeOffset?)null, (TimeSpan?)null, (double?)null),
            (second.Title, second.State, second.LentAt, second.Loan, second.Rating));

        // The enum went through its converter: stored as its name, as SaveChanges stores it.
        await using var connection = new NpgsqlConnection(check.Database.GetConnectionString());
        await connection.OpenAsync(Cancellation);
        await using var states = new NpgsqlCommand("SELECT string_agg(\"State\", ',' ORDER BY \"Id\") FROM added_rows.books", connection);
        Assert.Equal("Lent,Shelved,Shelved", await states.ExecuteScalarAsync(Cancellation));
    }

    [Fact]
    public async Task A_row_that_breaks_a_constraint_fails_the_whole_write_and_nothing_is_stored()
    {
        await using var setup = await ContextAsync(create: true);
        await using var db = await ContextAsync();
        db.Shelves.Add(new Shelf { Id = Guid.NewGuid(), Label = "kept out" });
        db.Books.Add(new Book { ShelfId = Guid.NewGuid(), Title = "no such shelf", State = BookState.Shelved });

        await Assert.ThrowsAsync<PostgresException>(() => AddedRows.InsertAsync(db, Cancellation));

        await using var check = await ContextAsync();
        Assert.Equal(0, await check.Shelves.CountAsync(Cancellation));
        Assert.Equal(0, await check.Books.CountAsync(Cancellation));
    }

    [Fact]
    public async Task A_value_longer_than_its_column_is_refused_not_cut_short()
    {
        await using var setup = await ContextAsync(create: true);
        await using var db = await ContextAsync();
        db.Shelves.Add(new Shelf { Id = Guid.NewGuid(), Label = new string('长', 41) });

        var refused = await Assert.ThrowsAsync<PostgresException>(() => AddedRows.InsertAsync(db, Cancellation));

        Assert.Equal(PostgresErrorCodes.StringDataRightTruncation, refused.SqlState);
        await using var check = await ContextAsync();
        Assert.Equal(0, await check.Shelves.CountAsync(Cancellation));
    }

    /// <summary>
    /// A context on a database of its own (the other tests' EnsureCreated skips a database that has any table);
    /// <paramref name="create"/> drops and recreates its tables.
    /// </summary>
    private async Task<LibraryDbContext> ContextAsync(bool create = false)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(servers.PostgresConnectionString) { Database = "addedrows" }.ConnectionString;
        var db = new LibraryDbContext(new DbContextOptionsBuilder<LibraryDbContext>().UseNpgsql(connectionString).Options);
        if (create)
        {
            await db.Database.EnsureCreatedAsync(Cancellation);
            await db.Database.ExecuteSqlRawAsync("DROP SCHEMA IF EXISTS added_rows CASCADE", Cancellation);
            await db.Database.ExecuteSqlRawAsync(db.Database.GenerateCreateScript(), Cancellation);
        }

        return db;
    }

    private sealed class LibraryDbContext(DbContextOptions<LibraryDbContext> options) : DbContext(options)
    {
        public DbSet<Shelf> Shelves => Set<Shelf>();

        public DbSet<Book> Books => Set<Book>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("added_rows");
            modelBuilder.Entity<Shelf>().ToTable("shelves").Property(s => s.Label).HasMaxLength(40);
            modelBuilder.Entity<Book>(book =>
            {
                book.ToTable("books");
                book.Property(b => b.Id).UseIdentityAlwaysColumn();
                book.Property(b => b.State).HasConversion<string>().HasMaxLength(20);
                book.Property(b => b.Format).HasDefaultValue("paper");
                book.Property(b => b.TitleLength).HasComputedColumnSql("length(\"Title\")", stored: true);
                book.HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
            });
            modelBuilder.Entity<ShelfNote>(note =>
            {
                note.ToTable("shelf_notes");
                note.HasKey(n => n.ShelfId);
                note.HasOne<Shelf>().WithOne(s => s.Note).HasForeignKey<ShelfNote>(n => n.ShelfId);
            });
        }
    }

    private sealed class Shelf
    {
        public Guid Id { get; init; }

        public required string Label { get; set; }

        public ShelfNote? Note { get; set; }
    }

    private sealed class ShelfNote
    {
        public Guid ShelfId { get; init; }

        public required string Text { get; init; }
    }

    private sealed class Book
    {
        public long Id { get; init; }

        public Guid ShelfId { get; init; }

        public required string Title { get; init; }

        public BookState State { get; init; }

        public DateTimeOffset? LentAt { get; init; }

        public TimeSpan? Loan { get; init; }

        public double? Rating { get; init; }

        public string? Format { get; init; }

        public int TitleLength { get; init; }
    }

    private enum BookState
    {
        Shelved,
        Lent,
    }
}
