using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExecutionImports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExecutionImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UnitBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MonthsCovered = table.Column<int>(type: "INTEGER", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    AppliedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PreviewJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionImports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExecutionFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    RowNumbers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    InitialBudget = table.Column<decimal>(type: "TEXT", nullable: true),
                    Budget = table.Column<decimal>(type: "TEXT", nullable: true),
                    PaidJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Applied = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionFigures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutionFigures_ExecutionImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "ExecutionImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutionFigures_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionFigures_ImportId",
                table: "ExecutionFigures",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionFigures_OrganisationPath",
                table: "ExecutionFigures",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionFigures_ProjectId_Applied",
                table: "ExecutionFigures",
                columns: new[] { "ProjectId", "Applied" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionImports_CreatedById_CreatedAt",
                table: "ExecutionImports",
                columns: new[] { "CreatedById", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionImports_OrganisationPath_Year",
                table: "ExecutionImports",
                columns: new[] { "OrganisationPath", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionFigures");

            migrationBuilder.DropTable(
                name: "ExecutionImports");
        }
    }
}
