using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Scoring.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class QaReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "qa_rubrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qa_rubrics", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "qa_calibration_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rubric_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qa_calibration_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_qa_calibration_sessions_qa_rubrics_rubric_id",
                        column: x => x.rubric_id,
                        principalTable: "qa_rubrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "qa_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    rubric_id = table.Column<Guid>(type: "uuid", nullable: false),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    team_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    reviewer_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    calibration_id = table.Column<Guid>(type: "uuid", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    weighted_score = table.Column<double>(type: "double precision", nullable: false),
                    failed = table.Column<bool>(type: "boolean", nullable: false),
                    comment = table.Column<string>(type: "text", nullable: true),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispute_reason = table.Column<string>(type: "text", nullable: true),
                    disputed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dispute_outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    adjusted_score = table.Column<double>(type: "double precision", nullable: true),
                    decision_note = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qa_reviews", x => x.id);
                    table.ForeignKey(
                        name: "fk_qa_reviews_calibration_sessions_calibration_id",
                        column: x => x.calibration_id,
                        principalTable: "qa_calibration_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_qa_reviews_qa_rubrics_rubric_id",
                        column: x => x.rubric_id,
                        principalTable: "qa_rubrics",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_qa_calibration_sessions_rubric_id",
                table: "qa_calibration_sessions",
                column: "rubric_id");

            migrationBuilder.CreateIndex(
                name: "ix_qa_reviews_agent_id",
                table: "qa_reviews",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_qa_reviews_calibration_id_reviewer_id",
                table: "qa_reviews",
                columns: new[] { "calibration_id", "reviewer_id" },
                unique: true,
                filter: "calibration_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_qa_reviews_case_id",
                table: "qa_reviews",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_qa_reviews_reviewed_at",
                table: "qa_reviews",
                column: "reviewed_at",
                filter: "calibration_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_qa_reviews_rubric_id",
                table: "qa_reviews",
                column: "rubric_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "qa_reviews");

            migrationBuilder.DropTable(
                name: "qa_calibration_sessions");

            migrationBuilder.DropTable(
                name: "qa_rubrics");
        }
    }
}
