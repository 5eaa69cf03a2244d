using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StandardIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Level1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Level2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NormalisedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Definition = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Method = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StandardValue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Direction = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StandardIndicators", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFacts_NormalisedName_Unit_TargetValue",
                table: "IndicatorFacts",
                columns: new[] { "NormalisedName", "Unit", "TargetValue" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardIndicators_Level1_Level2",
                table: "StandardIndicators",
                columns: new[] { "Level1", "Level2" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardIndicators_OrganisationPath_Level1_Level2_Normalise~",
                table: "StandardIndicators",
                columns: new[] { "OrganisationPath", "Level1", "Level2", "NormalisedName" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StandardIndicators");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorFacts_NormalisedName_Unit_TargetValue",
                table: "IndicatorFacts");
        }
    }
}
