using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class YearCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RulebookId",
                table: "Versions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "BudgetYuan",
                table: "FormFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescoredGrade",
                table: "FormFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescoredRulebookId",
                table: "FormFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RescoredTotal",
                table: "FormFacts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SuggestedAction = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SuggestedAmount = table.Column<decimal>(type: "TEXT", nullable: true),
                    RulebookId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetDecisions_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RulebookChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RulebookId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TemplateRegion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ChosenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ChosenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Rescored = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedKept = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RulebookChoices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetDecisions_FormId_Id",
                table: "BudgetDecisions",
                columns: new[] { "FormId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetDecisions_OrganisationPath",
                table: "BudgetDecisions",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetDecisions_Year",
                table: "BudgetDecisions",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_RulebookChoices_Year_OrganisationPath",
                table: "RulebookChoices",
                columns: new[] { "Year", "OrganisationPath" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetDecisions");

            migrationBuilder.DropTable(
                name: "RulebookChoices");

            migrationBuilder.DropColumn(
                name: "RulebookId",
                table: "Versions");

            migrationBuilder.DropColumn(
                name: "BudgetYuan",
                table: "FormFacts");

            migrationBuilder.DropColumn(
                name: "RescoredGrade",
                table: "FormFacts");

            migrationBuilder.DropColumn(
                name: "RescoredRulebookId",
                table: "FormFacts");

            migrationBuilder.DropColumn(
                name: "RescoredTotal",
                table: "FormFacts");
        }
    }
}
