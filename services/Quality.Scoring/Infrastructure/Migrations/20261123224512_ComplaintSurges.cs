using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintSurges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surge_states",
                columns: table => new
                {
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    next_interval = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mean = table.Column<double>(type: "double precision", nullable: false),
                    variance = table.Column<double>(type: "double precision", nullable: false),
                    intervals = table.Column<int>(type: "integer", nullable: false),
                    in_surge = table.Column<bool>(type: "boolean", nullable: false),
                    episode_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    episode_count = table.Column<int>(type: "integer", nullable: false),
                    episode_baseline = table.Column<double>(type: "double precision", nullable: false),
                    episode_threshold = table.Column<double>(type: "double precision", nullable: false),
                    announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    episode_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surge_states", x => x.category);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_complaints",
                table: "feedback_facts",
                columns: new[] { "category", "received_at" },
                filter: "kind = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surge_states");

            migrationBuilder.DropIndex(
                name: "ix_feedback_facts_complaints",
                table: "feedback_facts");
        }
    }
}
