using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <summary>
    /// The portal search's two ordered partial indexes with the search text over the published, current facts
    /// (Forms/FormSearch.InstallSqlite; building them is the back-fill). Raw SQL outside the EF model, as PostgreSQL's
    /// counterpart (migration PortalSearchGrams) is, whose indexes differ; nothing for the PostgreSQL context to migrate.
    /// </summary>
    [DbContext(typeof(SqliteAppDbContext))]
    [Migration("20261205183500_PortalSearchOrder")]
    public partial class PortalSearchOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.InstallSqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.UninstallSqlite);
        }
    }
}
