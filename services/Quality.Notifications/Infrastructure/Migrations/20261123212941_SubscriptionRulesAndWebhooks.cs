using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionRulesAndWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_kind_source_event_id",
                table: "alerts");

            migrationBuilder.AddColumn<string>(
                name: "channel",
                table: "alerts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "in_app");

            migrationBuilder.AddColumn<string>(
                name: "recipient_id",
                table: "alerts",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "rule_id",
                table: "alerts",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "title_zh",
                table: "alerts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deliveries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    latency_ms = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_delivery_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subscription_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    min_severity = table.Column<int>(type: "integer", nullable: false),
                    scope_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    scope_value = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    webhook_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    webhook_secret = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    template_zh = table.Column<string>(type: "text", nullable: false),
                    template_en = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscription_rules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_kind_source_event_id_rule_id",
                table: "alerts",
                columns: new[] { "kind", "source_event_id", "rule_id" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_alert_id",
                table: "delivery_attempts",
                column: "alert_id");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_attempted_at",
                table: "delivery_attempts",
                column: "attempted_at");

            migrationBuilder.CreateIndex(
                name: "ix_delivery_attempts_rule_id_attempted_at",
                table: "delivery_attempts",
                columns: new[] { "rule_id", "attempted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_rules_event_types",
                table: "subscription_rules",
                column: "event_types",
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexMethod", "gin");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deliveries");

            migrationBuilder.DropTable(
                name: "delivery_attempts");

            migrationBuilder.DropTable(
                name: "subscription_rules");

            migrationBuilder.DropIndex(
                name: "ix_alerts_kind_source_event_id_rule_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "channel",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "recipient_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "rule_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "title_zh",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_kind_source_event_id",
                table: "alerts",
                columns: new[] { "kind", "source_event_id" },
                unique: true);
        }
    }
}
