using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The peer ranges walk each group's histogram in value order up to the median (IndicatorLibrary.SummaryPeerRangesAsync).
    /// The histogram rows of one group lie on as many heap pages as it has values (they are written one change at a time),
    /// so a walk through the primary key read a heap page per value; with the count in the index the walk is an
    /// index-only scan of a few pages. Not in the EF model (INCLUDE is PostgreSQL's, and SQLite never writes these tables),
    /// so there is nothing for the SQLite context to migrate.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205113500_LibraryPeerValuesCovering")]
    public partial class LibraryPeerValuesCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_LibraryPeerValues_GroupKey_Value_Count" ON "LibraryPeerValues" ("GroupKey", "Value") INCLUDE ("Count");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_LibraryPeerValues_GroupKey_Value_Count";""");
        }
    }
}
