using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <summary>
    /// The library's SQLite triggers installed again with their UPDATE triggers naming the columns they read
    /// (Forms/LibrarySummarySqlite), so that an UPDATE setting none of them no longer compiles them. The totals are
    /// unchanged (the triggers count as before), so nothing is rebuilt; raw SQL outside the EF model, nothing for the
    /// PostgreSQL context to migrate.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261205233000_LibraryTriggersByColumn")]
    public partial class LibraryTriggersByColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibrarySummarySqlite.Install);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers without column lists count the same: the ones installed now stay.
        }
    }
}
