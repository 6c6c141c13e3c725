using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Transcripts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "occurred_at",
                table: "feedback",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "turns",
                table: "feedback",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "occurred_at",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "turns",
                table: "feedback");
        }
    }
}
