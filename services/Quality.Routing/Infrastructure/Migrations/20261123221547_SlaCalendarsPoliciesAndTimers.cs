using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quality.Routing.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SlaCalendarsPoliciesAndTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "customer_tier",
                table: "cases",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sla_breached_at",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sla_policy_id",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "business_calendars",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    hours = table.Column<string>(type: "jsonb", nullable: false),
                    holidays = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_calendars", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sla_timeline",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(20)", maxLength: 20, nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    used = table.Column<TimeSpan>(type: "interval", nullable: false),
                    segment = table.Column<TimeSpan>(type: "interval", nullable: true),
                    goal = table.Column<TimeSpan>(type: "interval", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_timeline", x => x.id);
                    table.ForeignKey(
                        name: "fk_sla_timeline_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sla_timers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_timers", x => x.id);
                    table.ForeignKey(
                        name: "fk_sla_timers_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sla_clocks",
                columns: table => new
                {
                    case_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    goal = table.Column<TimeSpan>(type: "interval", nullable: true),
                    warning_fraction = table.Column<double>(type: "double precision", nullable: false),
                    calendar_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    elapsed = table.Column<TimeSpan>(type: "interval", nullable: false),
                    segment_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    warned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    breached_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    round = table.Column<int>(type: "integer", nullable: false),
                    stopped_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_clocks", x => new { x.case_id, x.target });
                    table.ForeignKey(
                        name: "fk_sla_clocks_business_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalTable: "business_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_sla_clocks_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sla_policies",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    priorities = table.Column<List<int>>(type: "integer[]", nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    customer_tiers = table.Column<List<string>>(type: "text[]", nullable: false),
                    languages = table.Column<List<string>>(type: "text[]", nullable: false),
                    targets = table.Column<string>(type: "jsonb", nullable: false),
                    warning_fraction = table.Column<double>(type: "double precision", nullable: false),
                    calendar_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sla_policies", x => x.id);
                    table.CheckConstraint("ck_sla_policies_warning_fraction", "warning_fraction > 0 AND warning_fraction < 1");
                    table.ForeignKey(
                        name: "fk_sla_policies_business_calendars_calendar_id",
                        column: x => x.calendar_id,
                        principalTable: "business_calendars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "business_calendars",
                columns: new[] { "id", "holidays", "hours", "name", "time_zone", "updated_at" },
                values: new object[] { "default", "[]", "[{\"day\":1,\"startMinute\":540,\"endMinute\":1080},{\"day\":2,\"startMinute\":540,\"endMinute\":1080},{\"day\":3,\"startMinute\":540,\"endMinute\":1080},{\"day\":4,\"startMinute\":540,\"endMinute\":1080},{\"day\":5,\"startMinute\":540,\"endMinute\":1080}]", "Default (Asia/Shanghai, Monday to Friday 09:00–18:00)", "Asia/Shanghai", new DateTimeOffset(new DateTime(2026, 11, 24, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "ix_sla_clocks_calendar_id",
                table: "sla_clocks",
                column: "calendar_id");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_calendar_id",
                table: "sla_policies",
                column: "calendar_id");

            migrationBuilder.CreateIndex(
                name: "ix_sla_policies_rank_id",
                table: "sla_policies",
                columns: new[] { "rank", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sla_timeline_case_id_at",
                table: "sla_timeline",
                columns: new[] { "case_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_sla_timers_case_id_target",
                table: "sla_timers",
                columns: new[] { "case_id", "target" });

            migrationBuilder.CreateIndex(
                name: "ix_sla_timers_due_at",
                table: "sla_timers",
                column: "due_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sla_clocks");

            migrationBuilder.DropTable(
                name: "sla_policies");

            migrationBuilder.DropTable(
                name: "sla_timeline");

            migrationBuilder.DropTable(
                name: "sla_timers");

            migrationBuilder.DropTable(
                name: "business_calendars");

            migrationBuilder.DropColumn(
                name: "customer_tier",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "sla_breached_at",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "sla_policy_id",
                table: "cases");
        }
    }
}
