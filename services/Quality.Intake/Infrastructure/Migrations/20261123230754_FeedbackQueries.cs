using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Intake.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FeedbackQueries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_feedback_received_at",
                table: "feedback");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_customer_key",
                table: "feedback",
                column: "customer_key",
                filter: "customer_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_received_at_id",
                table: "feedback",
                columns: new[] { "received_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_feedback_customer_key",
                table: "feedback");

            migrationBuilder.DropIndex(
                name: "ix_feedback_received_at_id",
                table: "feedback");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_received_at",
                table: "feedback",
                column: "received_at");
        }
    }
}
