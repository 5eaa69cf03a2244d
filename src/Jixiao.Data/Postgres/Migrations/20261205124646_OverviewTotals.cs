using Jixiao.Data.Forms;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
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
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TotalBand = table.Column<int>(type: "integer", nullable: false),
                    RateBand = table.Column<int>(type: "integer", nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Forms = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverviewBands", x => new { x.Scope, x.Year, x.Status, x.TotalBand, x.RateBand });
                });

            migrationBuilder.CreateTable(
                name: "OverviewFindings",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Depth = table.Column<int>(type: "integer", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OverviewFindings", x => new { x.Scope, x.Year, x.Status, x.Code });
                });

            migrationBuilder.CreateTable(
                name: "OverviewGroups",
                columns: table => new
                {
                    Grain = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Forms = table.Column<int>(type: "integer", nullable: false),
                    TotalCount = table.Column<int>(type: "integer", nullable: false),
                    TotalSum = table.Column<decimal>(type: "numeric", nullable: true),
                    RateCount = table.Column<int>(type: "integer", nullable: false),
                    RateSum = table.Column<decimal>(type: "numeric", nullable: true),
                    Errors = table.Column<int>(type: "integer", nullable: false),
                    Warnings = table.Column<int>(type: "integer", nullable: false),
                    RankedRateCount = table.Column<int>(type: "integer", nullable: false),
                    RankedRateSum = table.Column<decimal>(type: "numeric", nullable: true),
                    RankedErrors = table.Column<int>(type: "integer", nullable: false),
                    RankedWarnings = table.Column<int>(type: "integer", nullable: false)
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
                columns: new[] { "Grain", "Year", "Path" })
                .Annotation("Npgsql:IndexOperators", new[] { "text_ops", "int4_ops", "varchar_pattern_ops" });

            // The triggers that keep the overview's totals, then the back-fill of an existing database from its facts and
            // findings, in this migration's transaction: stopped half-way, it leaves nothing and runs again at the next
            // start. Keep these two lines (and the Uninstall in Down) when the migration is regenerated.
            migrationBuilder.Sql(OverviewTotalsSql.Install);
            migrationBuilder.Sql(OverviewTotalsSql.Rebuild);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(OverviewTotalsSql.Uninstall);

            migrationBuilder.DropTable(
                name: "OverviewBands");

            migrationBuilder.DropTable(
                name: "OverviewFindings");

            migrationBuilder.DropTable(
                name: "OverviewGroups");
        }
    }
}
