using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FindingScopeWithoutJoin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OrganisationPath",
                table: "Findings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "Findings",
                type: "integer",
                nullable: true);

            // The findings' copy of their form's path and project (the access filter), filled once from the forms and
            // their organisations as the old filter read them; kept by every FormStore.Write and the bulk loader.
            migrationBuilder.Sql(@"UPDATE ""Findings"" AS x SET ""OrganisationPath"" = o.""Path"", ""ProjectId"" = r.""ProjectId"" FROM ""Forms"" AS r JOIN ""Organisations"" AS o ON o.""Id"" = r.""OrganisationId"" WHERE r.""Id"" = x.""FormId"";");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_FormId",
                table: "Findings",
                column: "FormId")
                .Annotation("Npgsql:IndexInclude", new[] { "Code", "OrganisationPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Findings_FormId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "OrganisationPath",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Findings");
        }
    }
}
