using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            // The findings' copy of their form's path and project (the access filter), filled once from the forms and
            // their organisations as the old filter read them; kept by every FormStore.Write and the bulk loader.
            migrationBuilder.Sql(@"UPDATE ""Findings"" SET ""OrganisationPath"" = (SELECT o.""Path"" FROM ""Forms"" AS r JOIN ""Organisations"" AS o ON o.""Id"" = r.""OrganisationId"" WHERE r.""Id"" = ""Findings"".""FormId""), ""ProjectId"" = (SELECT r.""ProjectId"" FROM ""Forms"" AS r WHERE r.""Id"" = ""Findings"".""FormId"");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OrganisationPath",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Findings");
        }
    }
}
