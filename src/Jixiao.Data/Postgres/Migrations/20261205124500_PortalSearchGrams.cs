using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The portal search's index of characters and character pairs over the published, current facts' search text
    /// (Forms/FormSearch: a function and a partial GIN expression index; building the index is the back-fill). Raw SQL
    /// outside the EF model, as the index is PostgreSQL's; SQLite keeps its substring scan, so there is nothing for the
    /// SQLite context to migrate.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261205124500_PortalSearchGrams")]
    public partial class PortalSearchGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.InstallPostgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.UninstallPostgres);
        }
    }
}
