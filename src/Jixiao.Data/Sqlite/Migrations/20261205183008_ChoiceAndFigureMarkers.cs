using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChoiceAndFigureMarkers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasExecutionFigures",
                table: "Projects",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasRulebookChoices",
                table: "FiscalYears",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Back-fill: every year a choice names gets its row (with the marker), every project an applied import named its marker.
            migrationBuilder.Sql(@"INSERT INTO ""FiscalYears"" (""Year"", ""Closed"", ""HasRulebookChoices"") SELECT DISTINCT c.""Year"", 0, 1 FROM ""RulebookChoices"" AS c WHERE NOT EXISTS (SELECT 1 FROM ""FiscalYears"" AS y WHERE y.""Year"" = c.""Year"");");
            migrationBuilder.Sql(@"UPDATE ""FiscalYears"" SET ""HasRulebookChoices"" = 1 WHERE ""Year"" IN (SELECT ""Year"" FROM ""RulebookChoices"");");
            migrationBuilder.Sql(@"UPDATE ""Projects"" SET ""HasExecutionFigures"" = 1 WHERE ""Id"" IN (SELECT ""ProjectId"" FROM ""ExecutionFigures"" WHERE ""Applied"" AND ""ProjectId"" IS NOT NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HasExecutionFigures",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "HasRulebookChoices",
                table: "FiscalYears");
        }
    }
}
