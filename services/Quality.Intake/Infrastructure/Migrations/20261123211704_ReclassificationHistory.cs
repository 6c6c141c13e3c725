using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class ReclassificationHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_reclassifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feedback_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    previous_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    previous_category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    previous_severity = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    category = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    severity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_reclassifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_reclassifications_feedback_feedback_id",
                        column: x => x.feedback_id,
                        principalTable: "feedback",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_reclassifications_feedback_id_changed_at",
                table: "feedback_reclassifications",
                columns: new[] { "feedback_id", "changed_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_reclassifications");
        }
    }
}
