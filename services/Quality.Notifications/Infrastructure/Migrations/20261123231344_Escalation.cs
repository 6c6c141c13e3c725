using System;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Escalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alerts_kind_source_event_id_rule_id",
                table: "alerts");

            migrationBuilder.AddColumn<string>(
                name: "escalation",
                table: "subscription_rules",
                type: "jsonb",
                nullable: true);

            // Rules saved before escalation existed do not escalate.
            migrationBuilder.Sql("UPDATE subscription_rules SET escalation = '[]'::jsonb WHERE escalation IS NULL;");

            migrationBuilder.AddColumn<Guid>(
                name: "chain_id",
                table: "alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "escalated_from_id",
                table: "alerts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "escalation_level",
                table: "alerts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "escalation_timers",
                columns: table => new
                {
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_alert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    next_level = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    event_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    event_data = table.Column<JsonDocument>(type: "jsonb", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escalation_timers", x => x.chain_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alerts_chain_id",
                table: "alerts",
                column: "chain_id",
                filter: "chain_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_kind_source_event_id_rule_id_escalation_level",
                table: "alerts",
                columns: new[] { "kind", "source_event_id", "rule_id", "escalation_level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_escalation_timers_due_at",
                table: "escalation_timers",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escalation_timers");

            migrationBuilder.DropIndex(
                name: "ix_alerts_chain_id",
                table: "alerts");

            migrationBuilder.DropIndex(
                name: "ix_alerts_kind_source_event_id_rule_id_escalation_level",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "escalation",
                table: "subscription_rules");

            migrationBuilder.DropColumn(
                name: "chain_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "escalated_from_id",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "escalation_level",
                table: "alerts");

            migrationBuilder.CreateIndex(
                name: "ix_alerts_kind_source_event_id_rule_id",
                table: "alerts",
                columns: new[] { "kind", "source_event_id", "rule_id" },
                unique: true);
        }
    }
}
