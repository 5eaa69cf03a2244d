using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <summary>
    /// Form bodies and submitted versions compressed by lz4 instead of PostgreSQL's default pglz: every save writes a body
    /// (about 3 KB of JSON at 1,000 generated units, more for a large form) and reads the related forms' bodies, and pglz
    /// compressing and decompressing them took 1.9 % of the whole machine's processor time in the save benchmark (perf,
    /// docs/benchmarks.md). Rows already stored keep pglz until they are written again; both read back alike. A server
    /// built without lz4 (PostgreSQL below 14, or built so) keeps pglz.
    /// Raw SQL: compression is outside the EF model, like the portal's indexes; SQLite has nothing to migrate.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261207000000_BodyCompressionLz4")]
    public partial class BodyCompressionLz4 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Compression("lz4"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Compression("default"));

        /// <summary>Both columns to <paramref name="method"/>; a server that lacks it, or the syntax (below 14), keeps what they have.</summary>
        private static string Compression(string method) => $$"""
            DO $$
            BEGIN
              ALTER TABLE "Forms" ALTER COLUMN "Body" SET COMPRESSION {{method}};
              ALTER TABLE "Versions" ALTER COLUMN "FormJson" SET COMPRESSION {{method}};
            EXCEPTION WHEN feature_not_supported OR syntax_error THEN
              RAISE NOTICE 'compression {{method}} is not available: form bodies keep the compression they have';
            END $$;
            """;
    }
}
