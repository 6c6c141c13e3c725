using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class InAppFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_reads",
                columns: table => new
                {
                    subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_reads", x => new { x.subject, x.alert_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_feed",
                table: "alerts",
                columns: new[] { "recipient_id", "recipient_role", "team_id", "created_at" },
                filter: "channel = 'in_app' AND duplicate_of IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_reads");

            migrationBuilder.DropIndex(
                name: "ix_alerts_feed",
                table: "alerts");
        }
    }
}
