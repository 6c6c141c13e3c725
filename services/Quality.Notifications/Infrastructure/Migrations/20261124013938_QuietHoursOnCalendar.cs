using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Notifications.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class QuietHoursOnCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "time_zone",
                table: "recipient_quiet_hours",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "start",
                table: "recipient_quiet_hours",
                type: "time without time zone",
                nullable: true,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "end",
                table: "recipient_quiet_hours",
                type: "time without time zone",
                nullable: true,
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone");

            migrationBuilder.AddColumn<string>(
                name: "calendar_id",
                table: "recipient_quiet_hours",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_recipient_quiet_hours_one_kind",
                table: "recipient_quiet_hours",
                sql: "(calendar_id IS NOT NULL AND time_zone IS NULL AND start IS NULL AND \"end\" IS NULL) OR (calendar_id IS NULL AND time_zone IS NOT NULL AND start IS NOT NULL AND \"end\" IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_recipient_quiet_hours_one_kind",
                table: "recipient_quiet_hours");

            migrationBuilder.DropColumn(
                name: "calendar_id",
                table: "recipient_quiet_hours");

            migrationBuilder.AlterColumn<string>(
                name: "time_zone",
                table: "recipient_quiet_hours",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "start",
                table: "recipient_quiet_hours",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<TimeOnly>(
                name: "end",
                table: "recipient_quiet_hours",
                type: "time without time zone",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0),
                oldClrType: typeof(TimeOnly),
                oldType: "time without time zone",
                oldNullable: true);
        }
    }
}
