using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class LiveValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateSequence(
                name: "live_fold_versions");

            migrationBuilder.CreateTable(
                name: "live_dirty_entities",
                columns: table => new
                {
                    entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_dirty_entities", x => x.entity);
                });

            migrationBuilder.CreateIndex(
                name: "ix_survey_facts_case_id",
                table: "survey_facts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_facts_case_id",
                table: "feedback_facts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_response_facts_case_id",
                table: "case_response_facts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_resolution_facts_case_id",
                table: "case_resolution_facts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_reopen_facts_case_id",
                table: "case_reopen_facts",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_facts_feedback_id",
                table: "case_facts",
                column: "feedback_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "live_dirty_entities");

            migrationBuilder.DropIndex(
                name: "ix_survey_facts_case_id",
                table: "survey_facts");

            migrationBuilder.DropIndex(
                name: "ix_feedback_facts_case_id",
                table: "feedback_facts");

            migrationBuilder.DropIndex(
                name: "ix_case_response_facts_case_id",
                table: "case_response_facts");

            migrationBuilder.DropIndex(
                name: "ix_case_resolution_facts_case_id",
                table: "case_resolution_facts");

            migrationBuilder.DropIndex(
                name: "ix_case_reopen_facts_case_id",
                table: "case_reopen_facts");

            migrationBuilder.DropIndex(
                name: "ix_case_facts_feedback_id",
                table: "case_facts");

            migrationBuilder.DropSequence(
                name: "live_fold_versions");
        }
    }
}
