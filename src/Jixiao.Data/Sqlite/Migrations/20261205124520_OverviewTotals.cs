using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OverviewTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OverviewBands",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TotalBand = table.Column<int>(type: "INTEGER", nullable: false),
                    RateBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Forms = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverviewBands", x => new { x.Scope, x.Year, x.Status, x.TotalBand, x.RateBand });
                });

            migrationBuilder.CreateTable(
                name: "OverviewFindings",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverviewFindings", x => new { x.Scope, x.Year, x.Status, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "OverviewGroups",
                columns: table => new
                {
                    Grain = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Forms = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalSum = table.Column<decimal>(type: "TEXT", nullable: true),
                    RateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RateSum = table.Column<decimal>(type: "TEXT", nullable: true),
                    Errors = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    RankedRateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RankedRateSum = table.Column<decimal>(type: "TEXT", nullable: true),
                    RankedErrors = table.Column<int>(type: "INTEGER", nullable: false),
                    RankedWarnings = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverviewGroups", x => new { x.Grain, x.GroupId, x.Path, x.Year, x.Status });
                });

            migrationBuilder.CreateIndex(
                name: "IX_OverviewBands_Depth_Year",
                table: "OverviewBands",
                columns: new[] { "Depth", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_OverviewFindings_Depth_Year",
                table: "OverviewFindings",
                columns: new[] { "Depth", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_OverviewGroups_Grain_Year_Path",
                table: "OverviewGroups",
                columns: new[] { "Grain", "Year", "Path" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OverviewBands");

            migrationBuilder.DropTable(
                name: "OverviewFindings");

            migrationBuilder.DropTable(
                name: "OverviewGroups");
        }
    }
}
