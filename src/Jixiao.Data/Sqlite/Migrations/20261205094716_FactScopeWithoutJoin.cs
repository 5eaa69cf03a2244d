using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FactScopeWithoutJoin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormFacts_OrganisationPath",
                table: "FormFacts");

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "FormFacts",
                type: "INTEGER",
                nullable: true);

            // The facts' copy of the form's project (evaluators' filter): filled once from the forms, kept by every save.
            migrationBuilder.Sql(@"UPDATE ""FormFacts"" SET ""ProjectId"" = (SELECT r.""ProjectId"" FROM ""Forms"" AS r WHERE r.""Id"" = ""FormFacts"".""FormId"");");

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_OrganisationPath_Year",
                table: "FormFacts",
                columns: new[] { "OrganisationPath", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormFacts_OrganisationPath_Year",
                table: "FormFacts");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "FormFacts");

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_OrganisationPath",
                table: "FormFacts",
                column: "OrganisationPath");
        }
    }
}
