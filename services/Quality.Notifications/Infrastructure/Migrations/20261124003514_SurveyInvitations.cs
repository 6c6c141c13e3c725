using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SurveyInvitations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "survey_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    survey_type = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_invitations", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_case_id",
                table: "survey_invitations",
                column: "case_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_cooldown",
                table: "survey_invitations",
                columns: new[] { "customer_key", "due_at" },
                filter: "status IN ('scheduled', 'sent')");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_created_at",
                table: "survey_invitations",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_survey_invitations_due",
                table: "survey_invitations",
                column: "due_at",
                filter: "status = 'scheduled'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "survey_invitations");
        }
    }
}
