using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FindingComparedForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ComparedFormId",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComparedKind",
                table: "Findings",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComparedProject",
                table: "Findings",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ComparedYear",
                table: "Findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_OrganisationId_Year",
                table: "FormFacts",
                columns: new[] { "OrganisationId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FormFacts_OrganisationId_Year",
                table: "FormFacts");

            migrationBuilder.DropColumn(
                name: "ComparedFormId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedKind",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedProject",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedYear",
                table: "Findings");
        }
    }
}
