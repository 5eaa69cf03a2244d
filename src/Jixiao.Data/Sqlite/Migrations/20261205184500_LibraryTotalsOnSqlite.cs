using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <summary>The library's running totals on SQLite: its triggers, and the totals built from the facts already stored.</summary>
    public partial class LibraryTotalsOnSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibrarySummarySqlite.Install);
            migrationBuilder.Sql(LibrarySummarySqlite.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibrarySummarySqlite.Uninstall);
            migrationBuilder.Sql("""
                DELETE FROM "LibraryEntryUnits";
                DELETE FROM "LibraryEntryNames";
                DELETE FROM "LibraryEntryTotals";
                DELETE FROM "LibraryPeerGroups";
                DELETE FROM "LibraryPeerUnits";
                DELETE FROM "LibraryPeerValues";
                """);
        }
    }
}
