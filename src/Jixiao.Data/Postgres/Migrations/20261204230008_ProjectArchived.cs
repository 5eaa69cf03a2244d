using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ProjectArchived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Archived",
                table: "Projects",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Archived",
                table: "Projects");
        }
    }
}
