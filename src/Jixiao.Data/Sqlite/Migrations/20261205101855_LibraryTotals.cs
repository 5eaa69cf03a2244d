using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LibraryTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LibraryEntryNames",
                columns: table => new
                {
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NameKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryEntryNames", x => new { x.EntryKey, x.Year, x.OrganisationPath, x.NameKey });
                });

            migrationBuilder.CreateTable(
                name: "LibraryEntryTotals",
                columns: table => new
                {
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    Level1 = table.Column<string>(type: "TEXT", nullable: false),
                    Level2 = table.Column<string>(type: "TEXT", nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirstYear = table.Column<int>(type: "INTEGER", nullable: false),
                    LastYear = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryEntryTotals", x => new { x.EntryKey, x.Year, x.Scope });
                });

            migrationBuilder.CreateTable(
                name: "LibraryEntryUnits",
                columns: table => new
                {
                    EntryKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryEntryUnits", x => new { x.EntryKey, x.Year, x.OrganisationPath });
                });

            migrationBuilder.CreateTable(
                name: "LibraryPeerGroups",
                columns: table => new
                {
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Actuals = table.Column<bool>(type: "INTEGER", nullable: false),
                    Window = table.Column<int>(type: "INTEGER", nullable: false),
                    Level1 = table.Column<string>(type: "TEXT", nullable: false),
                    Level2 = table.Column<string>(type: "TEXT", nullable: false),
                    NormalisedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Units = table.Column<int>(type: "INTEGER", nullable: false),
                    Values = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryPeerGroups", x => x.GroupKey);
                });

            migrationBuilder.CreateTable(
                name: "LibraryPeerUnits",
                columns: table => new
                {
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganisationPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryPeerUnits", x => new { x.GroupKey, x.OrganisationPath });
                });

            migrationBuilder.CreateTable(
                name: "LibraryPeerValues",
                columns: table => new
                {
                    GroupKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryPeerValues", x => new { x.GroupKey, x.Value });
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryEntryTotals_Depth_Year",
                table: "LibraryEntryTotals",
                columns: new[] { "Depth", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryEntryTotals_Scope_Year_Units_Rows",
                table: "LibraryEntryTotals",
                columns: new[] { "Scope", "Year", "Units", "Rows" });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryPeerGroups_NormalisedName_Window_Actuals",
                table: "LibraryPeerGroups",
                columns: new[] { "NormalisedName", "Window", "Actuals" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryEntryNames");

            migrationBuilder.DropTable(
                name: "LibraryEntryTotals");

            migrationBuilder.DropTable(
                name: "LibraryEntryUnits");

            migrationBuilder.DropTable(
                name: "LibraryPeerGroups");

            migrationBuilder.DropTable(
                name: "LibraryPeerUnits");

            migrationBuilder.DropTable(
                name: "LibraryPeerValues");
        }
    }
}
