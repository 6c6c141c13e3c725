using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReviewSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "rating",
                table: "feedback",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "rating_max",
                table: "feedback",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "rating_min",
                table: "feedback",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "feedback",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "rating",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "rating_max",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "rating_min",
                table: "feedback");

            migrationBuilder.DropColumn(
                name: "source",
                table: "feedback");
        }
    }
}
