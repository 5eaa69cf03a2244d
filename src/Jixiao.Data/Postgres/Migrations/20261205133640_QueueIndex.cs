using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// The review queue's covering index, and the library totals' functions installed again (CREATE OR REPLACE): the
    /// rebuild at the end of a bulk load groups at the finest grain first and rebuilds the indexes after its inserts.
    /// </summary>
    public partial class QueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_Queue",
                table: "FormFacts",
                columns: new[] { "Status", "Year", "Risk", "FormId", "DepartmentId", "Kind", "OrganisationPath" },
                descending: new[] { false, false, true, false, false, false, false },
                filter: "\"IsCurrent\"");
            migrationBuilder.Sql(LibrarySummarySql.Install);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormFacts_Queue",
                table: "FormFacts");
        }
    }
}
