using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class DisjointClaimIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_endpoint_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_leased",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                columns: new[] { "channel", "next_attempt_at" },
                filter: "status = 'pending' AND endpoint IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_endpoint_due",
                table: "deliveries",
                columns: new[] { "channel", "endpoint", "next_attempt_at" },
                filter: "status = 'pending' AND endpoint IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_endpoint_due",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                columns: new[] { "channel", "next_attempt_at" },
                filter: "status = 'pending'");

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
        }
    }
}
