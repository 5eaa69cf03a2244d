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
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FormTitle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TransitionId = table.Column<int>(type: "integer", nullable: true),
                    FindingCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FindingPlace = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    What = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaisedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RaisedByPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Disclosed = table.Column<bool>(type: "boolean", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    OrganisationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    SampleSize = table.Column<int>(type: "integer", nullable: true),
                    Rate = table.Column<decimal>(type: "numeric", nullable: true),
                    RuleGrade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RuleWithFindings = table.Column<bool>(type: "boolean", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RectificationEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpotCheckId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Risk = table.Column<decimal>(type: "numeric", nullable: false),
                    StatedTotal = table.Column<decimal>(type: "numeric", nullable: true),
                    StatedGrade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RecheckedTotal = table.Column<decimal>(type: "numeric", nullable: true),
                    RecheckedGrade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RowsChecked = table.Column<int>(type: "integer", nullable: false),
                    RowsChanged = table.Column<int>(type: "integer", nullable: false),
                    PointsChanged = table.Column<decimal>(type: "numeric", nullable: false),
                    PointsChecked = table.Column<decimal>(type: "numeric", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RecheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
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
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Weight = table.Column<decimal>(type: "numeric", nullable: true),
                    Stated = table.Column<decimal>(type: "numeric", nullable: true),
                    Rechecked = table.Column<decimal>(type: "numeric", nullable: false)
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
