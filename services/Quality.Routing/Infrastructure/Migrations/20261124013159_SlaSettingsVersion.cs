using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quality.Routing.Infrastructure.Migrations
{
    /// <summary>
    /// One row counting changes to SLA policies and business calendars, bumped by statement triggers in the
    /// changing transaction itself, so every writer (the API, a migration, an operator's SQL) moves it and a
    /// reader who sees the new version sees the change. Replicas cache the settings under it (SlaSettingsCache).
    /// </summary>
    public partial class SlaSettingsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE sla_settings_version (
                    id integer PRIMARY KEY CHECK (id = 1),
                    version bigint NOT NULL
                );
                INSERT INTO sla_settings_version (id, version) VALUES (1, 0);

                CREATE FUNCTION bump_sla_settings_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE sla_settings_version SET version = version + 1 WHERE id = 1;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER sla_policies_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sla_policies
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_sla_settings_version();
                CREATE TRIGGER business_calendars_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON business_calendars
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_sla_settings_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER business_calendars_changed ON business_calendars;
                DROP TRIGGER sla_policies_changed ON sla_policies;
                DROP FUNCTION bump_sla_settings_version();
                DROP TABLE sla_settings_version;
                """);
        }
    }
}
