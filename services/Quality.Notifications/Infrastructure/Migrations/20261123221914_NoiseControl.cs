using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NoiseControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries");

            migrationBuilder.AddColumn<int>(
                name: "dedup_window_seconds",
                table: "subscription_rules",
                type: "integer",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "rule_id",
                table: "delivery_attempts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "alert_id",
                table: "delivery_attempts",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "rule_id",
                table: "deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AlterColumn<Guid>(
                name: "alert_id",
                table: "deliveries",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "digest_id",
                table: "deliveries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "hold_until",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "deliveries",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "alert");

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "deliveries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "dedup_key",
                table: "alerts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "duplicate_of",
                table: "alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "recipient_quiet_hours",
                columns: table => new
                {
                    address = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recipient_quiet_hours", x => x.address);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries",
                columns: new[] { "alert_id", "recipient" },
                unique: true,
                filter: "alert_id IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_hold_until",
                table: "deliveries",
                column: "hold_until",
                filter: "status = 'held'");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_recipient_created_at",
                table: "deliveries",
                columns: new[] { "recipient", "created_at" },
                filter: "recipient IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_rule_id_dedup_key_created_at",
                table: "alerts",
                columns: new[] { "rule_id", "dedup_key", "created_at" },
                filter: "dedup_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "recipient_quiet_hours");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_hold_until",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_recipient_created_at",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_alerts_rule_id_dedup_key_created_at",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "dedup_window_seconds",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "digest_id",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "hold_until",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "dedup_key",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "duplicate_of",
                table: "alerts");

            migrationBuilder.AlterColumn<Guid>(
                name: "rule_id",
                table: "delivery_attempts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "alert_id",
                table: "delivery_attempts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "rule_id",
                table: "deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "alert_id",
                table: "deliveries",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_alert_id_recipient",
                table: "deliveries",
                columns: new[] { "alert_id", "recipient" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }
    }
}
