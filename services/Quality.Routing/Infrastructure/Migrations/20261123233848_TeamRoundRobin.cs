using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Routing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TeamRoundRobin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assignment",
                table: "teams",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "LeastLoaded");

            migrationBuilder.AddColumn<string>(
                name: "round_robin_cursor",
                table: "teams",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assignment",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "round_robin_cursor",
                table: "teams");
        }
    }
}
