using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <summary>
    /// The overview's running totals on SQLite: the triggers (Forms/OverviewTotalsSqlite) and the totals built from the
    /// facts already stored. Raw SQL outside the EF model (the model's change is OverviewSumsAsReal's), so SQLite's only.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261205234100_OverviewTotalsOnSqlite")]
    public partial class OverviewTotalsOnSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OverviewTotalsSqlite.Install);
            migrationBuilder.Sql(OverviewTotalsSqlite.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OverviewTotalsSqlite.Uninstall);
            migrationBuilder.Sql("""
                DELETE FROM "OverviewBands";
                DELETE FROM "OverviewFindings";
                DELETE FROM "OverviewGroups";
                """);
        }
    }
}
