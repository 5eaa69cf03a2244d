using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Jixiao.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Evaluators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvaluationAgencies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Qualifications = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAgencies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAgencies_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpertIds = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationAssignments_EvaluationAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "EvaluationAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAssignments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationAssignments_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Removed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationExperts_EvaluationAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "EvaluationAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationQualityScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    AgencyId = table.Column<int>(type: "integer", nullable: false),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Total = table.Column<decimal>(type: "numeric", nullable: false),
                    Items = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationQualityScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationQualityScores_EvaluationAgencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "EvaluationAgencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationQualityScores_EvaluationAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "EvaluationAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAgencies_CreditCode",
                table: "EvaluationAgencies",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAgencies_OrganisationId",
                table: "EvaluationAgencies",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAgencies_OrganisationPath",
                table: "EvaluationAgencies",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_AgencyId_Year",
                table: "EvaluationAssignments",
                columns: new[] { "AgencyId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_OrganisationId",
                table: "EvaluationAssignments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_OrganisationPath",
                table: "EvaluationAssignments",
                column: "OrganisationPath");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationAssignments_ProjectId",
                table: "EvaluationAssignments",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationExperts_AgencyId",
                table: "EvaluationExperts",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationQualityScores_AgencyId",
                table: "EvaluationQualityScores",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationQualityScores_AssignmentId",
                table: "EvaluationQualityScores",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_EvaluationAgencies_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId",
                principalTable: "EvaluationAgencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_EvaluationAgencies_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "EvaluationExperts");

            migrationBuilder.DropTable(
                name: "EvaluationQualityScores");

            migrationBuilder.DropTable(
                name: "EvaluationAssignments");

            migrationBuilder.DropTable(
                name: "EvaluationAgencies");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");
        }
    }
}
