using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiveDeltaLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The dirty marks and fold versions carry nothing over: the live values' readiness marker is named for
            // their layout, so after this upgrade a replica rebuilds them from the facts.
            migrationBuilder.DropTable(
                name: "live_dirty_entities");

            migrationBuilder.DropSequence(
                name: "live_fold_versions");

            migrationBuilder.CreateTable(
                name: "live_pending_deltas",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    payload = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_pending_deltas", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_pending_deltas");

            migrationBuilder.CreateSequence(
                name: "live_fold_versions");

            migrationBuilder.CreateTable(
                name: "live_dirty_entities",
                columns: table => new
                {
                    entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_dirty_entities", x => x.entity);
                });
        }
    }
}
