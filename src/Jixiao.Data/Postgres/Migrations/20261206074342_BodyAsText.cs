using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BodyAsText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL parsed every saved body into jsonb and printed every body it returned back into text; nothing
            // reads inside a body (docs/templates.md). jsonb to text is an assignment cast: the table is rewritten once.
            migrationBuilder.AlterColumn<string>(
                name: "Body",
                table: "Forms",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Text to jsonb is not an assignment cast.
            migrationBuilder.Sql("""ALTER TABLE "Forms" ALTER COLUMN "Body" TYPE jsonb USING "Body"::jsonb""");
        }
    }
}
