using System.Reflection;
using Jixiao.Core.Checks;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jixiao.Data.Tests;

/// <summary>
/// Every entity set that holds a unit's data is scoped to the caller's subtree (and to published forms for the public).
/// The entity types are read from the EF model itself, so a table added later fails here until it has a filter or a
/// stated reason in <see cref="Unscoped"/>.
/// </summary>
public abstract class EntityScopingTests<TDb>(TDb database) : IClassFixture<TDb> where TDb : TestDatabase
{
    /// <summary>The sets that hold no unit data, each with why.</summary>
    private static readonly Dictionary<string, string> Unscoped = new(StringComparer.Ordinal)
    {
        [nameof(AppUser)] = "sign-in must find a user before any scope exists; user screens check the organisation themselves",
        ["IdentityRole"] = "the role names, the same for everyone",
        ["IdentityRoleClaim<string>"] = "claims of roles, not of units",
        ["IdentityUserRole<string>"] = "which role a user has; read with the user",
        ["IdentityUserClaim<string>"] = "claims of a user; read with the user",
        ["IdentityUserLogin<string>"] = "external logins of a user; read with the user",
        ["IdentityUserToken<string>"] = "tokens of a user; read with the user",
        [nameof(ApiToken)] = "a user's tokens, looked up by hash before any scope exists",
        [nameof(FiscalYear)] = "the budget years, the same for everyone",
        ["DataProtectionKey"] = "the app's cookie keys, not data",
    };

    private static string Name(IEntityType type) => type.ClrType.IsGenericType
        ? $"{type.ClrType.Name[..type.ClrType.Name.IndexOf('`')]}<{string.Join(",", type.ClrType.GetGenericArguments().Select(a => a.Name.ToLowerInvariant()))}>"
        : type.ClrType.Name;

    [Fact]
    public void Every_entity_set_has_a_query_filter_or_a_reason_why_not()
    {
        database.SkipUnlessAvailable();
        using var db = database.NewContext();
        var unfiltered = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.BaseType is null && t.GetDeclaredQueryFilters().Count == 0 && !Unscoped.ContainsKey(Name(t)))
            .Select(Name).ToList();
        Assert.True(unfiltered.Count == 0, "Entity sets without an access filter: " + string.Join(", ", unfiltered));
        // An allow-list entry for a type that no longer exists, or that now has a filter, is stale.
        var names = db.Model.GetEntityTypes().Where(t => t.GetDeclaredQueryFilters().Count == 0).Select(Name).ToHashSet(StringComparer.Ordinal);
        Assert.All(Unscoped.Keys, k => Assert.Contains(k, names));
    }

    private sealed record Seeded(Tree Tree, int PublishedOwn, int DraftOwn, int Agency, int Assignment, int Project);

    private async Task<Seeded> SeedAsync()
    {
        await using var db = database.NewContext();
        var tree = await Tree.SeedAsync(db);
        var finding = new Finding("funds-rate", Severity.Error, "执行率算错", "rate", new FindingLocation("funds", 1, "执行率"));
        var forms = new List<FormRecord>();
        var assignments = new List<EvaluationAssignment>();
        foreach (var unit in new[] { tree.Unit, tree.OtherUnit })
        {
            var project = new BudgetProject { Code = unit.Code + "-P", Name = "项目", Organisation = unit, FiscalYear = tree.Year };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            foreach (var status in new[] { FormStatus.Published, FormStatus.Draft })
            {
                var form = SampleForms.Full();
                form.Project = $"{unit.Name}{status}";
                // The published form is the project's; the draft belongs to the unit alone.
                var record = status == FormStatus.Published ? tree.Stored(unit, form, status, project, finding) : tree.Stored(unit, form, status, finding);
                db.Forms.Add(record);
                forms.Add(record);
            }
            var job = new ImportJob { UserId = "u", UserName = "u", OrganisationPath = unit.Path, CreatedAt = DateTimeOffset.UnixEpoch };
            job.Files.Add(new ImportJobFile { Name = "a.xlsx", Position = 1, Size = 1 });
            db.ImportJobs.Add(job);
            // A round opened by each department over its own units, with a task, an extension and a reminder for the unit.
            var department = unit == tree.Unit ? tree.Department : tree.OtherDepartment;
            var round = new Round
            {
                Kind = RoundKind.SelfEvaluation, Year = tree.Year.Year, OrganisationId = department.Id, OrganisationPath = department.Path,
                OrganisationName = department.Name, Title = "自评", Deadline = new DateOnly(tree.Year.Year + 1, 4, 30), OpenedBy = "u",
            };
            round.Tasks.Add(new RoundTask
            {
                OrganisationId = unit.Id, OrganisationPath = unit.Path, UnitName = unit.Name, Kind = Jixiao.Core.Forms.FormKind.ProjectSelfEvaluation,
                FormKey = unit.Code, Deadline = round.Deadline,
            });
            db.Rounds.Add(round);
            // A standard indicator curated by each department: its units read it, the other department's do not.
            db.StandardIndicators.Add(new StandardIndicator
            {
                OrganisationId = department.Id, OrganisationPath = department.Path, Level1 = "产出指标", Level2 = "数量指标",
                Name = "培训人次", NormalisedName = "培训人次", UpdatedBy = "u",
            });
            await db.SaveChangesAsync();
            db.RoundExtensions.Add(new RoundExtension
            {
                RoundId = round.Id, OrganisationId = unit.Id, OrganisationPath = unit.Path, Before = round.Deadline,
                Until = round.Deadline.AddDays(7), Reason = "延期", UserName = "u",
            });
            db.RoundReminders.Add(new RoundReminder { RoundId = round.Id, OrganisationId = unit.Id, OrganisationPath = unit.Path, Message = "提醒" });
            // An agency in each department's registry, with an expert, a task on the unit's project and its quality score.
            var agency = new EvaluationAgency
            {
                Name = department.Name + "评价所", CreditCode = Guid.NewGuid().ToString("N")[..18].ToUpperInvariant(),
                OrganisationId = department.Id, OrganisationPath = department.Path,
            };
            agency.Experts.Add(new EvaluationExpert { Name = "专家", OrganisationPath = department.Path });
            db.EvaluationAgencies.Add(agency);
            await db.SaveChangesAsync();
            var assignment = new EvaluationAssignment
            {
                AgencyId = agency.Id, ProjectId = project.Id, OrganisationId = unit.Id, OrganisationPath = unit.Path, Year = tree.Year.Year,
                ProjectName = project.Name, UnitName = unit.Name, AssignedBy = "u",
            };
            db.EvaluationAssignments.Add(assignment);
            await db.SaveChangesAsync();
            assignments.Add(assignment);
            db.EvaluationQualityScores.Add(new EvaluationQualityScore
            {
                AssignmentId = assignment.Id, AgencyId = agency.Id, FormId = forms[^2].Id, OrganisationPath = unit.Path, Total = 80m, Items = "[]", RecordedBy = "u",
            });
            db.RulebookChoices.Add(new RulebookChoice
            {
                OrganisationId = unit.Id, OrganisationPath = unit.Path, OrganisationName = unit.Name, Year = tree.Year.Year, RulebookId = "hunan-2020",
                TemplateRegion = "*", ChosenById = "u", ChosenByName = "u",
            });
            // An execution import made over each department, with one figure for the unit's project.
            var import = new ExecutionImport
            {
                Year = tree.Year.Year, OrganisationId = department.Id, OrganisationPath = department.Path, FileName = "执行.csv", UnitBasis = "元",
                CreatedById = "u", CreatedByName = "u", PreviewJson = "{}",
            };
            import.Figures.Add(new ExecutionFigure
            {
                OrganisationPath = unit.Path, Year = tree.Year.Year, ProjectCode = project.Code, RowNumbers = "2", PaidJson = "{}", Budget = 1m,
            });
            db.ExecutionImports.Add(import);
        }
        await db.SaveChangesAsync();
        var seededUnits = new[] { tree.Unit, tree.OtherUnit };
        foreach (var record in forms)
        {
            var version = new FormVersion
            {
                FormId = record.Id, Number = 1, CreatedById = "u", CreatedByName = "u", FormJson = record.Body!, FindingsJson = "[]",
                SchemaVersion = Forms.FormBody.CurrentVersion,
                Justifications = [new FindingJustification { FindingCode = "funds-rate", FindingLocation = "funds", FindingMessage = "m", Text = "理由" }],
            };
            db.Versions.Add(version);
            db.Transitions.Add(new WorkflowTransition { FormId = record.Id, Action = WorkflowAction.Submit, UserId = "u", UserName = "u" });
            db.BudgetDecisions.Add(new BudgetDecision
            {
                FormId = record.Id, OrganisationPath = record.Organisation!.Path, Year = tree.Year.Year, Action = Core.Rulebooks.BudgetAction.Cut, Amount = 90m,
                Reason = "按评价结果核减", SuggestedAction = Core.Rulebooks.BudgetAction.Cut, SuggestedAmount = 90m, RulebookId = "national-2020", Grade = "中",
                DecidedById = "u", DecidedByName = "u",
            });
            // Each unit's targets review: a grade and an adjustment request on its form.
            db.TargetGrades.Add(new TargetGrade { FormId = record.Id, OrganisationPath = record.Organisation!.Path, Grade = "良", Reasons = "理由", UserId = "u", UserName = "u", Role = Roles.FinanceReviewer });
            db.TargetAdjustments.Add(new TargetAdjustment
            {
                FormId = record.Id, OrganisationPath = record.Organisation.Path, UnitName = record.Organisation.Name, Reason = "纠偏", ChangesJson = "[]",
                RequestedById = "u", RequestedBy = "u",
            });
            db.Audit(new Actor("u", "u"), DateTimeOffset.UnixEpoch, "create", "form", record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Organisation!.Path);
            // A disclosed rectification item with a note and evidence, and a spot check by the unit's department drawing the form.
            var path = record.Organisation!.Path;
            db.Rectifications.Add(new RectificationItem
            {
                FormId = record.Id, OrganisationId = record.OrganisationId, OrganisationPath = path, UnitName = "u", What = "整改", RaisedById = "u",
                RaisedByName = "u", RaisedByPath = path, Disclosed = true,
                Notes = [new RectificationNote { OrganisationPath = path, UserId = "u", UserName = "u", Text = "提出" }],
                Evidence = [new RectificationEvidence { OrganisationPath = path, Name = "a.pdf", Size = 1, Content = [1], UserId = "u", UserName = "u" }],
            });
            // The library's running totals of the unit (PostgreSQL's triggers add their own from the facts; SQLite has none).
            var entry0 = $"seed-entry-{record.Id}";
            var group = $"seed-group-{record.Id}";
            db.LibraryEntryUnits.Add(new LibraryEntryUnit { EntryKey = entry0, Year = tree.Year.Year, OrganisationPath = path, Rows = 1 });
            db.LibraryEntryNames.Add(new LibraryEntryName { EntryKey = entry0, Year = tree.Year.Year, OrganisationPath = path, NameKey = "seed", Name = "指标", Rows = 1 });
            db.LibraryEntryTotals.Add(new LibraryEntryTotal { EntryKey = entry0, Year = tree.Year.Year, Scope = path, Depth = 3, NormalisedName = "指标", Rows = 1, Units = 1 });
            db.LibraryPeerUnits.Add(new LibraryPeerUnit { GroupKey = group, OrganisationPath = path, Rows = 1 });
            db.LibraryPeerGroups.Add(new LibraryPeerGroup { GroupKey = group, Window = tree.Year.Year, NormalisedName = "指标", Units = 1, Values = 1 });
            db.LibraryPeerValues.Add(new LibraryPeerValue { GroupKey = group, Value = record.Id, Count = 1 });
            // The overview's running totals of the unit (keyed by the form only to keep them apart), in a year no fact has (PostgreSQL's triggers keep their own rows
            // of the seeded year; SQLite has none).
            var totalsYear = tree.Year.Year + 100;
            db.OverviewBands.Add(new OverviewBand { Scope = path, Depth = 3, Year = totalsYear, Status = FormStatus.Submitted, TotalBand = record.Id, RateBand = 1, Forms = 1 });
            db.OverviewFindings.Add(new OverviewFinding { Scope = path, Depth = 3, Year = totalsYear, Status = FormStatus.Submitted, Code = $"seed-{record.Id}", Count = 1 });
            db.OverviewGroups.Add(new OverviewGroup { Grain = OverviewGrains.Organisation, GroupId = record.Id, Path = path, Year = totalsYear, Status = FormStatus.Submitted, Forms = 1 });
            var department = record.OrganisationId == seededUnits[0].Id ? tree.Department : tree.OtherDepartment;
            var entry = new SpotCheckEntry { FormId = record.Id, OrganisationId = record.OrganisationId, OrganisationPath = path, Position = 1 };
            entry.Scores.Add(new SpotCheckScore { Position = 1, OrganisationPath = path, Rechecked = 1m });
            db.SpotChecks.Add(new SpotCheck
            {
                OrganisationId = department.Id, OrganisationPath = department.Path, OrganisationName = department.Name, Year = tree.Year.Year,
                DrawnBy = "u", Entries = [entry],
            });
        }
        await db.SaveChangesAsync();
        return new Seeded(tree, forms[0].Id, forms[1].Id, assignments[0].AgencyId, assignments[0].Id, assignments[0].ProjectId);
    }

    private static readonly MethodInfo KeysOf = typeof(EntityScopingTests<TDb>).GetMethod(nameof(Keys), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static List<string> Keys<T>(AppDbContext db) where T : class
    {
        var key = db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties;
        return db.Set<T>().AsNoTracking().AsEnumerable()
            .Select(e => string.Join("/", key.Select(p => p.PropertyInfo!.GetValue(e)))).ToList();
    }

    private static List<string> All(AppDbContext db, IEntityType type) =>
        (List<string>)KeysOf.MakeGenericMethod(type.ClrType).Invoke(null, [db])!;

    private AppDbContext Restricted(string? path, bool publishedOnly)
    {
        var db = database.NewContext();
        db.Restrict(path, publishedOnly);
        return db;
    }

    /// <summary>Sets of every unit's figures that no subtree reads through its filter (the library's peer values: read past the filters, five units or more only).</summary>
    private static readonly HashSet<Type> OnlyUnscoped = [typeof(LibraryPeerGroup), typeof(LibraryPeerValue)];

    [Fact]
    public async Task Each_filtered_set_returns_only_rows_of_the_callers_subtree()
    {
        database.SkipUnlessAvailable();
        var seeded = await SeedAsync();
        await using var everything = database.NewContext();
        await using var own = Restricted(seeded.Tree.Department.Path, publishedOnly: false);
        await using var other = Restricted(seeded.Tree.OtherDepartment.Path, publishedOnly: false);

        foreach (var type in everything.Model.GetEntityTypes().Where(t => t.GetDeclaredQueryFilters().Count > 0))
        {
            var all = All(everything, type);
            var mine = All(own, type);
            var theirs = All(other, type);
            if (OnlyUnscoped.Contains(type.ClrType))
            {
                Assert.True(all.Count > 0 && mine.Count == 0 && theirs.Count == 0, $"{Name(type)}: a subtree sees the province's peer values");
                continue;
            }
            Assert.True(mine.Count > 0, $"{Name(type)}: the own subtree sees nothing");
            Assert.True(theirs.Count > 0, $"{Name(type)}: the other subtree sees nothing");
            Assert.True(mine.Intersect(theirs).ToList() is [], $"{Name(type)}: both subtrees see the same rows");
            Assert.True(mine.Count < all.Count, $"{Name(type)}: the subtree sees every row");
        }
    }

    /// <summary>What an evaluator reaches, by entity set; every other filtered set must be empty for it.</summary>
    private static readonly Dictionary<string, Func<Seeded, AppDbContext, List<string>>> EvaluatorReaches = new(StringComparer.Ordinal)
    {
        [nameof(Organisation)] = (s, db) => [Key(s.Tree.Unit.Id)],
        [nameof(BudgetProject)] = (s, db) => [Key(s.Project)],
        [nameof(FormRecord)] = (s, db) => [Key(s.PublishedOwn)],
        [nameof(FormFact)] = (s, db) => [Key(s.PublishedOwn)],
        [nameof(FormFinding)] = (s, db) => db.Findings.IgnoreQueryFilters().Where(f => f.FormId == s.PublishedOwn).Select(f => f.Id).AsEnumerable().Select(Key).ToList(),
        [nameof(IndicatorFact)] = (s, db) => db.IndicatorFacts.IgnoreQueryFilters().Where(f => f.FormId == s.PublishedOwn).AsEnumerable().Select(f => $"{f.FormId}/{f.Position}").ToList(),
        [nameof(FormVersion)] = (s, db) => db.Versions.IgnoreQueryFilters().Where(v => v.FormId == s.PublishedOwn).Select(v => v.Id).AsEnumerable().Select(Key).ToList(),
        [nameof(FindingJustification)] = (s, db) => db.Justifications.IgnoreQueryFilters().Where(j => j.Version!.FormId == s.PublishedOwn).Select(j => j.Id).AsEnumerable().Select(Key).ToList(),
        [nameof(WorkflowTransition)] = (s, db) => db.Transitions.IgnoreQueryFilters().Where(t => t.FormId == s.PublishedOwn).Select(t => t.Id).AsEnumerable().Select(Key).ToList(),
        [nameof(EvaluationAgency)] = (s, db) => [Key(s.Agency)],
        [nameof(EvaluationExpert)] = (s, db) => db.EvaluationExperts.IgnoreQueryFilters().Where(x => x.AgencyId == s.Agency).Select(x => x.Id).AsEnumerable().Select(Key).ToList(),
        [nameof(EvaluationAssignment)] = (s, db) => [Key(s.Assignment)],
    };

    private static string Key(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<AppDbContext> Evaluator(Seeded seeded)
    {
        var db = database.NewContext();
        await db.RestrictToAgencyAsync(seeded.Tree.Bureau.Path, seeded.Agency);
        return db;
    }

    [Fact]
    public async Task An_evaluator_sees_the_assigned_project_its_forms_and_its_agency_and_no_row_of_any_other_set()
    {
        database.SkipUnlessAvailable();
        var seeded = await SeedAsync();
        await using var everything = database.NewContext();
        await using var evaluator = await Evaluator(seeded);

        foreach (var type in everything.Model.GetEntityTypes().Where(t => t.GetDeclaredQueryFilters().Count > 0))
        {
            var seen = All(evaluator, type).Order(StringComparer.Ordinal).ToList();
            var expected = EvaluatorReaches.TryGetValue(Name(type), out var reach) ? reach(seeded, everything).Order(StringComparer.Ordinal).ToList() : [];
            if (reach is not null) Assert.True(expected.Count > 0, $"{Name(type)}: the seed holds nothing the evaluator should see");
            Assert.True(expected.SequenceEqual(seen), $"{Name(type)}: the evaluator sees [{string.Join(", ", seen)}], expected [{string.Join(", ", expected)}]");
        }
    }

    [Fact]
    public async Task A_withdrawn_task_or_a_closed_year_ends_the_evaluators_access()
    {
        database.SkipUnlessAvailable();
        var seeded = await SeedAsync();
        await using (var before = await Evaluator(seeded)) Assert.Equal([seeded.PublishedOwn], await before.Forms.Select(f => f.Id).ToListAsync());

        await using (var db = database.NewContext())
        {
            var year = await db.FiscalYears.SingleAsync(y => y.Id == seeded.Tree.Year.Id);
            year.Closed = true;
            await db.SaveChangesAsync();
        }
        await using (var closed = await Evaluator(seeded))
        {
            Assert.Empty(await closed.Forms.ToListAsync());
            Assert.Empty(await closed.Projects.ToListAsync());
            Assert.Empty(await closed.EvaluationAssignments.ToListAsync());
        }

        await using (var db = database.NewContext())
        {
            var year = await db.FiscalYears.SingleAsync(y => y.Id == seeded.Tree.Year.Id);
            year.Closed = false;
            var assignment = await db.EvaluationAssignments.SingleAsync(a => a.Id == seeded.Assignment);
            assignment.WithdrawnAt = DateTimeOffset.UnixEpoch;
            await db.SaveChangesAsync();
        }
        await using var withdrawn = await Evaluator(seeded);
        Assert.Empty(await withdrawn.Forms.ToListAsync());
        Assert.Empty(await withdrawn.Organisations.ToListAsync());
        Assert.Empty(await withdrawn.Findings.ToListAsync());
        Assert.Equal([seeded.Agency], await withdrawn.EvaluationAgencies.Select(a => a.Id).ToListAsync());
    }

    [Fact]
    public async Task The_public_sees_facts_and_findings_of_published_forms_only_and_no_workflow_internals()
    {
        database.SkipUnlessAvailable();
        var seeded = await SeedAsync();
        await using var everyone = Restricted(seeded.Tree.Department.Path, publishedOnly: true);
        var published = seeded.PublishedOwn;

        Assert.Equal([published], await everyone.Forms.Select(f => f.Id).ToListAsync());
        Assert.Equal([published], await everyone.FormFacts.Select(f => f.FormId).ToListAsync());
        Assert.Equal([published], await everyone.IndicatorFacts.Select(f => f.FormId).Distinct().ToListAsync());
        Assert.Equal([published], await everyone.Findings.Select(f => f.FormId).Distinct().ToListAsync());
        Assert.Equal([published], await everyone.Versions.Select(v => v.FormId).ToListAsync());
        Assert.Empty(await everyone.Justifications.ToListAsync());
        Assert.Empty(await everyone.AuditEntries.ToListAsync());
        Assert.Empty(await everyone.ImportJobFiles.ToListAsync());
        Assert.Empty(await everyone.EvaluationAgencies.ToListAsync());
        Assert.Empty(await everyone.EvaluationAssignments.ToListAsync());
        Assert.Empty(await everyone.EvaluationQualityScores.ToListAsync());
        Assert.Equal([published], await everyone.Rectifications.Select(r => r.FormId).ToListAsync());
        Assert.Empty(await everyone.RectificationNotes.ToListAsync());
        Assert.Empty(await everyone.RectificationEvidence.ToListAsync());
        Assert.Empty(await everyone.SpotChecks.ToListAsync());
        Assert.Empty(await everyone.SpotCheckEntries.ToListAsync());
        Assert.Empty(await everyone.TargetGrades.ToListAsync());
        Assert.Empty(await everyone.TargetAdjustments.ToListAsync());
        Assert.Empty(await everyone.StandardIndicators.ToListAsync());
        Assert.Empty(await everyone.LibraryEntryUnits.ToListAsync());
        Assert.Empty(await everyone.LibraryEntryNames.ToListAsync());
        Assert.Empty(await everyone.LibraryEntryTotals.ToListAsync());
        Assert.Empty(await everyone.LibraryPeerGroups.ToListAsync());
        Assert.Empty(await everyone.LibraryPeerUnits.ToListAsync());
        Assert.Empty(await everyone.LibraryPeerValues.ToListAsync());
        Assert.Empty(await everyone.ExecutionImports.ToListAsync());
        Assert.Empty(await everyone.ExecutionFigures.ToListAsync());
    }
}

public sealed class EntityScopingOnSqlite(SqliteTestDatabase database) : EntityScopingTests<SqliteTestDatabase>(database);

public sealed class EntityScopingOnPostgres(PostgresTestDatabase database) : EntityScopingTests<PostgresTestDatabase>(database);
