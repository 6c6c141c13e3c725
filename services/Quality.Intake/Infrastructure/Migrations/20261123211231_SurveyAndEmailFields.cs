using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SurveyAndEmailFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                table: "feedback",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "subject",
                table: "feedback",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "survey_score",
                table: "feedback",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "survey_type",
                table: "feedback",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "case_id",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "subject",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "survey_score",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "survey_type",
                table: "feedback");
        }
    }
}
