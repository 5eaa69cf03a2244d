using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
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
