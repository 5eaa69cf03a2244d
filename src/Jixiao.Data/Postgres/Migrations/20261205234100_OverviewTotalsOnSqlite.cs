using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The SQLite overview's totals and triggers (Forms/OverviewTotalsSqlite); PostgreSQL has had its own since
    /// <c>OverviewTotals</c>, so nothing changes here: the migration keeps both contexts' histories in step.
    /// </summary>
    public partial class OverviewTotalsOnSqlite : Migration
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
