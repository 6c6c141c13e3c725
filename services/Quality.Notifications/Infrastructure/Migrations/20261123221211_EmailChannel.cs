using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EmailChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_alert_id",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.AddColumn<string>(
                name: "body_en",
                table: "subscription_rules",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "body_zh",
                table: "subscription_rules",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "email_to",
                table: "subscription_rules",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "subscription_rules",
                type: "character varying(5)",
                maxLength: 5,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "url",
                table: "deliveries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000);

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "webhook");

            migrationBuilder.AddColumn<string>(
                name: "recipient",
                table: "deliveries",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "deliveries",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries",
                columns: new[] { "alert_id", "recipient" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                columns: new[] { "channel", "next_attempt_at" },
                filter: "status = 'pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "body_en",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "body_zh",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "email_to",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "language",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "recipient",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "deliveries");

            migrationBuilder.AlterColumn<string>(
                name: "url",
                table: "deliveries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_alert_id",
                table: "deliveries",
                column: "alert_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                table: "deliveries",
                column: "next_attempt_at",
                filter: "status = 'pending'");
        }
    }
}
