using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class WebhookEndpointIsolation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "leased_until",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "endpoint",
                table: "deliveries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                computedColumnSql: "lower(substring(url from '^[^:/?#]+://[^/?#]*'))",
                stored: true);

            migrationBuilder.CreateTable(
                name: "endpoint_circuits",
                columns: table => new
                {
                    endpoint = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    consecutive_failures = table.Column<int>(type: "integer", nullable: false),
                    open_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_endpoint_circuits", x => x.endpoint);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_endpoint_due",
                table: "deliveries",
                columns: new[] { "channel", "endpoint", "next_attempt_at" },
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_leased",
                table: "deliveries",
                columns: new[] { "endpoint", "leased_until" },
                filter: "leased_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_rule_unsent",
                table: "deliveries",
                column: "rule_id",
                filter: "status IN ('pending', 'held')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "endpoint_circuits");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_endpoint_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_leased",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_rule_unsent",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "endpoint",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "leased_until",
                table: "deliveries");
        }
    }
}
