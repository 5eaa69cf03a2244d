using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The SQLite library's totals and triggers (Forms/LibrarySummarySqlite); PostgreSQL has had its own since
    /// <c>LibraryTotals</c>, so nothing changes here: the migration keeps both contexts' histories in step.
    /// </summary>
    public partial class LibraryTotalsOnSqlite : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
