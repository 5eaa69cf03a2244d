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

            migrationBuilder.AddColumn<int>(
                name: "PeriodEndYear",
                table: "Projects",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PeriodGoal",
                table: "Projects",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PeriodStartYear",
                table: "Projects",
                type: "integer",
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

            migrationBuilder.AddColumn<int>(
                name: "ComparedFormId",
                table: "Findings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComparedKind",
                table: "Findings",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ComparedProject",
                table: "Findings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ComparedYear",
                table: "Findings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "integer",
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
                name: "ExecutionImports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    FileSize = table.Column<long>(type: "bigint", nullable: false),
                    Unit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MonthsCovered = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AppliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AppliedByName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PreviewJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionImports", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "TargetAdjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ChangesJson = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    RequestedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetAdjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetAdjustments_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TargetGrades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FormId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Grade = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TargetGrades", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TargetGrades_Forms_FormId",
                        column: x => x.FormId,
                        principalTable: "Forms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "ExecutionFigures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ProjectCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ProjectId = table.Column<int>(type: "integer", nullable: true),
                    RowNumbers = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    InitialBudget = table.Column<decimal>(type: "numeric", nullable: true),
                    Budget = table.Column<decimal>(type: "numeric", nullable: true),
                    PaidJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Applied = table.Column<bool>(type: "boolean", nullable: false)
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
                name: "IX_IndicatorFacts_NormalisedName_Unit_TargetValue",
                table: "IndicatorFacts",
                columns: new[] { "NormalisedName", "Unit", "TargetValue" });

            migrationBuilder.CreateIndex(
                name: "IX_FormFacts_OrganisationId_Year",
                table: "FormFacts",
                columns: new[] { "OrganisationId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

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

            migrationBuilder.CreateIndex(
                name: "IX_StandardIndicators_Level1_Level2",
                table: "StandardIndicators",
                columns: new[] { "Level1", "Level2" });

            migrationBuilder.CreateIndex(
                name: "IX_StandardIndicators_OrganisationPath_Level1_Level2_Normalise~",
                table: "StandardIndicators",
                columns: new[] { "OrganisationPath", "Level1", "Level2", "NormalisedName" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TargetAdjustments_FormId",
                table: "TargetAdjustments",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetAdjustments_State_OrganisationPath",
                table: "TargetAdjustments",
                columns: new[] { "State", "OrganisationPath" });

            migrationBuilder.CreateIndex(
                name: "IX_TargetGrades_FormId",
                table: "TargetGrades",
                column: "FormId");

            migrationBuilder.CreateIndex(
                name: "IX_TargetGrades_OrganisationPath",
                table: "TargetGrades",
                column: "OrganisationPath");

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
                name: "BudgetDecisions");

            migrationBuilder.DropTable(
                name: "EvaluationExperts");

            migrationBuilder.DropTable(
                name: "EvaluationQualityScores");

            migrationBuilder.DropTable(
                name: "ExecutionFigures");

            migrationBuilder.DropTable(
                name: "RectificationEvidence");

            migrationBuilder.DropTable(
                name: "RectificationNotes");

            migrationBuilder.DropTable(
                name: "RulebookChoices");

            migrationBuilder.DropTable(
                name: "SpotCheckScores");

            migrationBuilder.DropTable(
                name: "StandardIndicators");

            migrationBuilder.DropTable(
                name: "TargetAdjustments");

            migrationBuilder.DropTable(
                name: "TargetGrades");

            migrationBuilder.DropTable(
                name: "EvaluationAssignments");

            migrationBuilder.DropTable(
                name: "ExecutionImports");

            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropTable(
                name: "SpotCheckEntries");

            migrationBuilder.DropTable(
                name: "EvaluationAgencies");

            migrationBuilder.DropTable(
                name: "SpotChecks");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorFacts_NormalisedName_Unit_TargetValue",
                table: "IndicatorFacts");

            migrationBuilder.DropIndex(
                name: "IX_FormFacts_OrganisationId_Year",
                table: "FormFacts");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "RulebookId",
                table: "Versions");

            migrationBuilder.DropColumn(
                name: "PeriodEndYear",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PeriodGoal",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "PeriodStartYear",
                table: "Projects");

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

            migrationBuilder.DropColumn(
                name: "ComparedFormId",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedKind",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedProject",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "ComparedYear",
                table: "Findings");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");
        }
    }
}
