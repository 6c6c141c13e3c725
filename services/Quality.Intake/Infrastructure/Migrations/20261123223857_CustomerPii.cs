using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class CustomerPii : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "customer_email",
                table: "feedback",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "customer_name",
                table: "feedback",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "customer_phone",
                table: "feedback",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "email_lookup",
                table: "feedback",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "erased_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "phone_lookup",
                table: "feedback",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pii_key_id",
                table: "feedback",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_email_lookup",
                table: "feedback",
                column: "email_lookup",
                filter: "email_lookup IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_phone_lookup",
                table: "feedback",
                column: "phone_lookup",
                filter: "phone_lookup IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_pii_key_id",
                table: "feedback",
                column: "pii_key_id",
                filter: "pii_key_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropIndex(
                name: "ix_feedback_email_lookup",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_phone_lookup",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_pii_key_id",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "customer_email",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "customer_name",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "customer_phone",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "email_lookup",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "erased_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "phone_lookup",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "pii_key_id",
                table: "feedback");
        }
    }
}
