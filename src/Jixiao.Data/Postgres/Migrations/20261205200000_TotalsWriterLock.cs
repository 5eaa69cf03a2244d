using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The running totals' functions installed again (CREATE OR REPLACE, triggers dropped and created) so that every writer
    /// of the totals takes <see cref="TotalsWriterLock"/> first. Functions only, outside the EF model: nothing for the
    /// SQLite context (one writer at a time there already).
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205200000_TotalsWriterLock")]
    public partial class TotalsWriterLock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OverviewTotalsSql.Install);
            migrationBuilder.Sql(LibrarySummarySql.Install);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
