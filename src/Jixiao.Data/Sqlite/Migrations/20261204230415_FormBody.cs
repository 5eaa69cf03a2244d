using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FormBody : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Forms become one body each. What only the rows and the dropped header columns held is kept, not deleted:
            // LegacyForms.FillBodiesAsync (run after the migrations at startup) turns it into bodies.
            migrationBuilder.Sql(@"CREATE TABLE ""LegacyFormHeaders"" AS SELECT ""Id"", ""ActualGoal"", ""Filler"", ""Functions"", ""HasStaffing"", ""MoneyUnit"", ""PlannedGoal"", ""ReadingNotes"", ""Source_Column"", ""Source_Page"", ""Source_Row"", ""Source_Sheet"", ""StaffingActual"", ""StaffingAuthorized"", ""StaffingRate"", ""StaffingRateDecimals"", ""StaffingSource_Column"", ""StaffingSource_Page"", ""StaffingSource_Row"", ""StaffingSource_Sheet"", ""StatedGrade"", ""StatedTotal"", ""StatedWeightTotal"", ""Text"", ""Head"", ""Incomplete"" FROM ""Forms"";");
            migrationBuilder.RenameTable(name: "FundsRows", newName: "LegacyFundsRows");
            migrationBuilder.RenameTable(name: "IndicatorRows", newName: "LegacyIndicatorRows");
            migrationBuilder.RenameTable(name: "BasicDataRows", newName: "LegacyBasicDataRows");
            migrationBuilder.DropColumn(name: "ActualGoal", table: "Forms");
            migrationBuilder.DropColumn(name: "Filler", table: "Forms");
            migrationBuilder.DropColumn(name: "Functions", table: "Forms");
            migrationBuilder.DropColumn(name: "HasStaffing", table: "Forms");
            migrationBuilder.DropColumn(name: "MoneyUnit", table: "Forms");
            migrationBuilder.DropColumn(name: "PlannedGoal", table: "Forms");
            migrationBuilder.DropColumn(name: "ReadingNotes", table: "Forms");
            migrationBuilder.DropColumn(name: "Source_Column", table: "Forms");
            migrationBuilder.DropColumn(name: "Source_Page", table: "Forms");
            migrationBuilder.DropColumn(name: "Source_Row", table: "Forms");
            migrationBuilder.DropColumn(name: "Source_Sheet", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingActual", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingAuthorized", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingRate", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingRateDecimals", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingSource_Column", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingSource_Page", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingSource_Row", table: "Forms");
            migrationBuilder.DropColumn(name: "StaffingSource_Sheet", table: "Forms");
            migrationBuilder.DropColumn(name: "StatedGrade", table: "Forms");
            migrationBuilder.DropColumn(name: "StatedTotal", table: "Forms");
            migrationBuilder.DropColumn(name: "StatedWeightTotal", table: "Forms");
            migrationBuilder.DropColumn(name: "Text", table: "Forms");
            migrationBuilder.DropColumn(name: "Head", table: "Forms");
            migrationBuilder.DropColumn(name: "Incomplete", table: "Forms");

            migrationBuilder.AddColumn<string>(name: "Body", table: "Forms", type: "TEXT", nullable: true);
            migrationBuilder.AddColumn<int>(name: "SchemaVersion", table: "Forms", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<string>(name: "TemplateId", table: "Forms", type: "TEXT", maxLength: 100, nullable: true);
            migrationBuilder.AddColumn<int>(name: "TemplateVersion", table: "Forms", type: "INTEGER", nullable: true);
            // Every snapshot taken so far is in the first stored shape.
            migrationBuilder.AddColumn<int>(name: "SchemaVersion", table: "Versions", type: "INTEGER", nullable: false, defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "FormFacts",
                columns: table => new
                {
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TemplateId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RulebookId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Scored = table.Column<bool>(type: "INTEGER", nullable: false),
                    ComputedTotal = table.Column<decimal>(type: "TEXT", nullable: true),
                    ComputedGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    StatedTotal = table.Column<decimal>(type: "TEXT", nullable: true),
                    StatedGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", nullable: true),
                    Executed = table.Column<decimal>(type: "TEXT", nullable: true),
                    ExecutionRate = table.Column<decimal>(type: "TEXT", nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Infos = table.Column<int>(type: "INTEGER", nullable: false),
                    Unexplained = table.Column<int>(type: "INTEGER", nullable: false),
                    Deductions = table.Column<decimal>(type: "TEXT", nullable: false),
                    Risk = table.Column<decimal>(type: "TEXT", nullable: false),
                    CheckerVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    FactsVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 1003, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FormFacts", x => x.FormId);
                    table.ForeignKey(
                        name: "FK_FormFacts_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFacts",
                columns: table => new
                {
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level1 = table.Column<string>(type: "TEXT", nullable: true),
                    Level2 = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Target = table.Column<string>(type: "TEXT", nullable: true),
                    TargetValue = table.Column<decimal>(type: "TEXT", nullable: true),
                    Actual = table.Column<string>(type: "TEXT", nullable: true),
                    ActualValue = table.Column<decimal>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Comparator = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", nullable: true),
                    StatedScore = table.Column<decimal>(type: "TEXT", nullable: true),
                    ComputedScore = table.Column<decimal>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFacts", x => new { x.FormId, x.Position });
                    table.ForeignKey(
                        name: "FK_IndicatorFacts_FormFacts_FormId",
                        column: x => x.FormId,
                        principalTable: "FormFacts",
                        principalColumn: "FormId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_FactsVersion",
                table: "FormFacts",
                column: "FactsVersion");

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_OrganisationPath",
                table: "FormFacts",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_Status_Risk",
                table: "FormFacts",
                columns: new[] { "Status", "Risk" });

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_Year_Kind_DepartmentId",
                table: "FormFacts",
                columns: new[] { "Year", "Kind", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_NormalisedName_Year",
                table: "IndicatorFacts",
                columns: new[] { "NormalisedName", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_OrganisationPath",
                table: "IndicatorFacts",
                column: "OrganisationPath");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The bodies hold what rows and columns before this migration could not (template columns, later edits):
            // going back would lose it. Restore the backup taken before the upgrade instead.
            throw new NotSupportedException("Going back before FormBody is not supported: restore the database backup taken before the upgrade.");
        }
    }
}
