using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The portal's ordered index for a search of all years (Forms/FormSearch.InstallPostgres, idempotent: it creates only
    /// what is missing). Raw SQL outside the EF model, like the portal's other indexes (migration PortalSearchGrams);
    /// SQLite has had its all-years index since PortalSearchOrder, so nothing for the SQLite context to migrate.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261206040000_PortalSearchAllYears")]
    public partial class PortalSearchAllYears : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.InstallPostgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FormSearch.DropAllYearsIndexPostgres);
        }
    }
}
