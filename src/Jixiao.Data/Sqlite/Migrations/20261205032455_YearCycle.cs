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
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FormTitle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TransitionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FindingCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FindingPlace = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    What = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RaisedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RaisedByPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Disclosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_Forms_FormId",
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

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OrganisationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: true),
                    Rate = table.Column<decimal>(type: "TEXT", nullable: true),
                    RuleGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RuleWithFindings = table.Column<bool>(type: "INTEGER", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationEvidence_Rectifications_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Rectifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RectificationNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RectificationNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RectificationNotes_Rectifications_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Rectifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpotCheckId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FormId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Risk = table.Column<decimal>(type: "TEXT", nullable: false),
                    StatedTotal = table.Column<decimal>(type: "TEXT", nullable: true),
                    StatedGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RecheckedTotal = table.Column<decimal>(type: "TEXT", nullable: true),
                    RecheckedGrade = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RowsChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsChanged = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsChanged = table.Column<decimal>(type: "TEXT", nullable: false),
                    PointsChecked = table.Column<decimal>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecheckedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    RecheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckEntries_SpotChecks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckScores",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Weight = table.Column<decimal>(type: "TEXT", nullable: true),
                    Stated = table.Column<decimal>(type: "TEXT", nullable: true),
                    Rechecked = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckScores", x => new { x.EntryId, x.Position });
                    table.ForeignKey(
                        name: "FK_SpotCheckScores_SpotCheckEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "SpotCheckEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_RectificationEvidence_ItemId",
                table: "RectificationEvidence",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_RectificationEvidence_UserId_At",
                table: "RectificationEvidence",
                columns: new[] { "UserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RectificationNotes_ItemId",
                table: "RectificationNotes",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_FormId",
                table: "Rectifications",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_OrganisationPath",
                table: "Rectifications",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_Status_Deadline",
                table: "Rectifications",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_RulebookChoices_Year_OrganisationPath",
                table: "RulebookChoices",
                columns: new[] { "Year", "OrganisationPath" });

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckEntries_FormId",
                table: "SpotCheckEntries",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckEntries_OrganisationPath",
                table: "SpotCheckEntries",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckEntries_SpotCheckId_Position",
                table: "SpotCheckEntries",
                columns: new[] { "SpotCheckId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_Year",
                table: "SpotChecks",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BudgetDecisions");

            migrationBuilder.DropTable(
                name: "RectificationEvidence");

            migrationBuilder.DropTable(
                name: "RectificationNotes");

            migrationBuilder.DropTable(
                name: "RulebookChoices");

            migrationBuilder.DropTable(
                name: "SpotCheckScores");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "SpotCheckEntries");

            migrationBuilder.DropTable(
                name: "SpotChecks");

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
