using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <summary>
    /// The peer histograms in the numeric order of their values (Forms/LibrarySummarySqlite.InstallValueOrder), so the peer
    /// ranges walk an index instead of sorting every value per request. Raw SQL outside the EF model, an expression index
    /// SQLite's TEXT decimals need; PostgreSQL's numeric key already has the order (its covering index: migration
    /// LibraryPeerValuesCovering), so nothing for the PostgreSQL context to migrate.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261205230000_LibraryPeerValueOrder")]
    public partial class LibraryPeerValueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibrarySummarySqlite.InstallValueOrder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(LibrarySummarySqlite.UninstallValueOrder);
        }
    }
}
