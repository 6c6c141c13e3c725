using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ScorecardLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_case_facts_team_id",
                table: "case_facts",
                column: "team_id");

            migrationBuilder.CreateIndex(
                name: "ix_case_assignment_facts_team_id",
                table: "case_assignment_facts",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_case_facts_team_id",
                table: "case_facts");

            migrationBuilder.DropIndex(
                name: "ix_case_assignment_facts_team_id",
                table: "case_assignment_facts");
        }
    }
}
