using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "BudgetYuan",
                table: "FormFacts",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescoredGrade",
                table: "FormFacts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RescoredRulebookId",
                table: "FormFacts",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "RescoredTotal",
                table: "FormFacts",
                type: "numeric",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BudgetDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SuggestedAction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SuggestedAmount = table.Column<decimal>(type: "numeric", nullable: true),
                    RulebookId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RulebookId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TemplateRegion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ChosenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChosenById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ChosenByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Rescored = table.Column<int>(type: "integer", nullable: false),
                    PublishedKept = table.Column<int>(type: "integer", nullable: false)
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
