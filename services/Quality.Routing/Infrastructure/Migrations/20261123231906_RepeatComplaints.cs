using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Routing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class RepeatComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "complaint_count",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_complaint_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<double>(
                name: "sentiment",
                table: "cases",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "case_complaints",
                columns: table => new
                {
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false),
                    sentiment = table.Column<double>(type: "double precision", nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_complaints", x => x.feedback_id);
                    table.ForeignKey(
                        name: "fk_case_complaints_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Cases opened before this migration: their latest complaint is the opening one, and it is on record.
            migrationBuilder.Sql("UPDATE cases SET last_complaint_at = opened_at;");
            migrationBuilder.Sql("""
                INSERT INTO case_complaints (feedback_id, case_id, received_at, recorded_at, severity, sentiment, channel)
                SELECT feedback_id, id, opened_at, opened_at, severity, 0, left(channel, 40) FROM cases
                ON CONFLICT DO NOTHING;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_cases_customer_key_category",
                table: "cases",
                columns: new[] { "customer_key", "category" },
                filter: "status IN ('Open', 'Assigned', 'PendingCustomer')");

            migrationBuilder.CreateIndex(
                name: "ix_case_complaints_case_id",
                table: "case_complaints",
                column: "case_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_complaints");

            migrationBuilder.DropIndex(
                name: "ix_cases_customer_key_category",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "complaint_count",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "last_complaint_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "sentiment",
                table: "cases");
        }
    }
}
