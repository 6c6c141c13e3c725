using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class KpiFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "case_assignment_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_assignment_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "case_reopen_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reopened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_reopen_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "case_resolution_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolution_time = table.Column<TimeSpan>(type: "interval", nullable: false),
                    first_contact_resolution = table.Column<bool>(type: "boolean", nullable: false),
                    sla_met = table.Column<bool>(type: "boolean", nullable: false),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_resolution_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "case_response_facts",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    is_first_response = table.Column<bool>(type: "boolean", nullable: false),
                    response_time = table.Column<TimeSpan>(type: "interval", nullable: false),
                    responded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_response_facts", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "feedback_facts",
                columns: table => new
                {
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    channel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_facts", x => x.feedback_id);
                });

            migrationBuilder.CreateTable(
                name: "survey_facts",
                columns: table => new
                {
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    survey_type = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_facts", x => new { x.feedback_id, x.survey_type });
                });

            migrationBuilder.CreateIndex(
                name: "ix_case_assignment_facts_agent_id",
                table: "case_assignment_facts",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_assignment_facts_case_id_assigned_at",
                table: "case_assignment_facts",
                columns: new[] { "case_id", "assigned_at" });

            migrationBuilder.CreateIndex(
                name: "ix_case_reopen_facts_reopened_at",
                table: "case_reopen_facts",
                column: "reopened_at");

            migrationBuilder.CreateIndex(
                name: "ix_case_resolution_facts_resolved_at",
                table: "case_resolution_facts",
                column: "resolved_at");

            migrationBuilder.CreateIndex(
                name: "ix_case_response_facts_responded_at",
                table: "case_response_facts",
                column: "responded_at");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_received_at",
                table: "feedback_facts",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_survey_facts_answered_at",
                table: "survey_facts",
                column: "answered_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_assignment_facts");

            migrationBuilder.DropTable(
                name: "case_reopen_facts");

            migrationBuilder.DropTable(
                name: "case_resolution_facts");

            migrationBuilder.DropTable(
                name: "case_response_facts");

            migrationBuilder.DropTable(
                name: "feedback_facts");

            migrationBuilder.DropTable(
                name: "survey_facts");
        }
    }
}
