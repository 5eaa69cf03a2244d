using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>Where a form is filed: its organisation (with its path) and that organisation's 主管部门, if it has one.</summary>
public sealed record FormPlace(Organisation Organisation, Organisation? Department);

/// <summary>
/// The one write path of a form, shared by the web app (create, save, submit, transitions, imports) and bulk loaders:
/// the body and header columns, the finding rows and the facts, all set on tracked entities for the caller's next
/// SaveChanges, so they land in one transaction or not at all. No web types, no I/O: the caller checks the form (the
/// findings), chooses the rulebook and saves.
/// </summary>
public static class FormStore
{
    /// <summary>The derivation of facts; raise it when what a fact row says changes, and old rows are re-derived.</summary>
    public const int FactsVersion = 2;

    /// <summary>The checker and rulebooks the findings and scores come from; raise it when either changes what they say.</summary>
    /// <remarks>2: findings against the unit's related stored forms (FormRelations).</remarks>
    public const int CheckerVersion = 2;

    /// <summary>
    /// Writes <paramref name="form"/> into <paramref name="record"/> with its findings and facts. A new record needs
    /// <see cref="FormRecord.Organisation"/> and <see cref="FormRecord.FiscalYear"/> set and is added by the caller
    /// (<c>db.Forms.Add</c>); a saved record must be tracked with its findings, fact and indicator facts loaded
    /// (<see cref="LoadForWriteAsync"/>), so rows are updated in place and keys never collide.
    /// </summary>
    public static void Write(FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Rulebook rulebook, FormPlace place, DateTimeOffset now)
    {
        FormRows.Apply(form, record);
        SetFindings(record, findings);
        WriteFacts(record, form, findings, rulebook, place, now);
        foreach (var row in record.Findings) Scope(row, record.Fact!);
    }

    /// <summary>A finding row's copy of what the access filter reads, from its form's fact (path and project).</summary>
    public static void Scope(FormFinding row, FormFact fact)
    {
        row.OrganisationPath = fact.OrganisationPath;
        row.ProjectId = fact.ProjectId;
    }

    /// <summary>After a transition, supersession or restore: the fact follows the record's state.</summary>
    public static void Moved(FormRecord record, DateTimeOffset now)
    {
        if (record.Fact is not { } fact) return;
        fact.Status = record.Status;
        fact.IsCurrent = !record.IsSuperseded;
        fact.UpdatedAt = now;
    }

    /// <summary>
    /// A published form under a newly chosen rulebook: its published score stays, and what <paramref name="rulebook"/>
    /// would give is recorded beside it (cleared when it gives the same).
    /// </summary>
    public static void RecordRescore(FormFact fact, PerformanceForm form, Rulebook rulebook, DateTimeOffset now)
    {
        var score = Scorer.Score(form, rulebook);
        var same = rulebook.Name == fact.RulebookId || (score.Total.Value == fact.ComputedTotal && score.Grade.Grade == fact.ComputedGrade);
        fact.RescoredRulebookId = same || !fact.Scored ? null : rulebook.Name;
        fact.RescoredTotal = same || !fact.Scored ? null : score.Total.Value;
        fact.RescoredGrade = same || !fact.Scored ? null : score.Grade.Grade;
        fact.UpdatedAt = now;
    }

    /// <summary>A saved form, tracked, with what <see cref="Write"/> rewrites in place (findings, fact, indicator facts) and its project (the identity key names it).</summary>
    /// <remarks>
    /// The form with its one-to-one rows in one statement, then its findings and its indicator facts by the form's key,
    /// each fixed up onto the tracked form by EF. A split include repeated the whole access-filtered form query (the
    /// organisation, the project and the fact joined, ordered) inside each collection's statement, and EF shaped those
    /// repeated keys for every row: on PostgreSQL the two collection statements cost 0.19 ms of the database's time a
    /// save at 10,000 units, the load a seventh of the app's. The rows keep their own access filters.
    /// </remarks>
    public static async Task<FormRecord?> LoadForWriteAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var queries = ForWrite.For(db);
        // SQLite cannot fold the project's scoped join (the project's filter joins its organisation) into a lookup by the
        // form's key: it built the subtree's projects first (2.7 ms a statement at 1,000 units, most of a save's database
        // time). The project by its own key is a primary-key lookup.
        var record = db is SqliteAppDbContext ? await queries.FormWithoutProject(db, id, ct) : await queries.Form(db, id, ct);
        if (record is null) return null;
        if (db is SqliteAppDbContext && record.ProjectId is { } projectId) await queries.Project(db, projectId, ct);
        await foreach (var _ in queries.Findings(db, id).WithCancellation(ct)) { }
        if (record.Fact is not null)
            await foreach (var _ in queries.Indicators(db, id).WithCancellation(ct)) { }
        return record;
    }

    /// <summary>Every save, submit and transition reads its form so (<see cref="CompiledPerContext{TQuery}"/>); all tracked.</summary>
    private sealed class WriteQueries
    {
        public Func<AppDbContext, int, CancellationToken, Task<FormRecord?>> Form { get; } = EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).Include(f => f.Project).Include(f => f.Fact)
                .SingleOrDefault(f => f.Id == id));

        public Func<AppDbContext, int, CancellationToken, Task<FormRecord?>> FormWithoutProject { get; } = EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).Include(f => f.Fact)
                .SingleOrDefault(f => f.Id == id));

        /// <summary>Tracked, so the loaded record's <see cref="FormRecord.Project"/> is set (null when out of scope, as by an include).</summary>
        public Func<AppDbContext, int, CancellationToken, Task<BudgetProject?>> Project { get; } = EF.CompileAsyncQuery((AppDbContext db, int id, CancellationToken ct) =>
            db.Projects.SingleOrDefault(p => p.Id == id));

        public Func<AppDbContext, int, IAsyncEnumerable<FormFinding>> Findings { get; } = EF.CompileAsyncQuery((AppDbContext db, int id) =>
            db.Findings.Where(r => r.FormId == id));

        public Func<AppDbContext, int, IAsyncEnumerable<IndicatorFact>> Indicators { get; } = EF.CompileAsyncQuery((AppDbContext db, int id) =>
            db.IndicatorFacts.Where(r => r.FormId == id));
    }

    private static readonly CompiledPerContext<WriteQueries> ForWrite = new(() => new WriteQueries());

    /// <summary>
    /// The organisation's 主管部门: the nearest organisation of kind Department on its path (itself when it is one).
    /// Ancestors are read by their paths, which are prefixes of the organisation's path.
    /// </summary>
    public static async Task<FormPlace> PlaceAsync(AppDbContext db, Organisation organisation, CancellationToken ct) =>
        new(organisation, await Department.For(db)(db, Prefixes(organisation.Path), ct));

    /// <summary>
    /// Every save asks this (<see cref="CompiledPerContext{TQuery}"/>). Untracked: only its key and name are read, and a
    /// tracked copy would be one more entity for every SaveChanges to compare.
    /// </summary>
    private static readonly CompiledPerContext<Func<AppDbContext, List<string>, CancellationToken, Task<Organisation?>>> Department = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, List<string> prefixes, CancellationToken ct) =>
            db.Organisations.AsNoTracking().IgnoreQueryFilters()
                .Where(o => o.Kind == OrganisationKind.Department && prefixes.Contains(o.Path))
                .OrderByDescending(o => o.Path.Length).FirstOrDefault()));

    /// <summary>"/A/B/C/" → "/A/", "/A/B/", "/A/B/C/".</summary>
    public static List<string> Prefixes(string path)
    {
        var list = new List<string>();
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1)) list.Add(path[..(i + 1)]);
        return list;
    }

    /// <summary>Rewrites a form's finding rows to <paramref name="findings"/>, in place by position.</summary>
    public static void SetFindings(FormRecord record, IReadOnlyList<Finding> findings)
    {
        var rows = record.Findings.OrderBy(f => f.Position).ToList();
        record.Findings.Clear();
        for (var i = 0; i < findings.Count; i++)
        {
            var fresh = FormFinding.From(findings[i], i + 1);
            if (i < rows.Count)
            {
                // Rewritten in place: deleting and re-adding would collide on the (form, position) key.
                var row = rows[i];
                row.Code = fresh.Code; row.Severity = fresh.Severity; row.Message = fresh.Message; row.MessageEn = fresh.MessageEn;
                row.Block = fresh.Block; row.RowNumber = fresh.RowNumber; row.Field = fresh.Field; row.RowLabel = fresh.RowLabel;
                row.Stated = fresh.Stated; row.Expected = fresh.Expected; row.Explanation = fresh.Explanation;
                row.ComparedFormId = fresh.ComparedFormId; row.ComparedKind = fresh.ComparedKind; row.ComparedYear = fresh.ComparedYear; row.ComparedProject = fresh.ComparedProject;
                record.Findings.Add(row);
            }
            else record.Findings.Add(fresh);
        }
    }

    /// <summary>
    /// How much a reviewer should worry about a form: error findings first, then rows that lost points with no reason
    /// given, then warnings, then the points lost at all. Orders the review queue (stored as <see cref="FormFact.Risk"/>).
    /// </summary>
    public static decimal RiskOf(int errors, int warnings, int unexplained, decimal deductions) =>
        errors * RiskWeights.Error + unexplained * RiskWeights.Unexplained + warnings * RiskWeights.Warning + deductions;

    /// <summary>What each part adds to <see cref="RiskOf"/>, also for the screens that explain it.</summary>
    public static class RiskWeights
    {
        public const decimal Error = 100m;
        public const decimal Unexplained = 20m;
        public const decimal Warning = 5m;
    }

    private static void WriteFacts(FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Rulebook rulebook, FormPlace place, DateTimeOffset now)
    {
        var organisation = place.Organisation;
        var year = record.FiscalYear?.Year ?? throw new InvalidOperationException("FormStore.Write needs the record's fiscal year loaded.");
        var fact = record.Fact ??= new FormFact { OrganisationPath = organisation.Path, RulebookId = rulebook.Name };
        var score = Scorer.Score(form, rulebook);
        var scored = form.Kind.IsScored();

        fact.OrganisationPath = organisation.Path;
        fact.OrganisationId = organisation.Id;
        fact.UnitName = organisation.Name;
        fact.DepartmentId = place.Department?.Id;
        fact.DepartmentName = place.Department?.Name;
        // A new draft names its project by navigation until SaveChanges sets the key; the bulk loader sets both later.
        fact.ProjectId = record.ProjectId ?? (record.Project is { Id: > 0 } project ? project.Id : null);
        fact.Year = year;
        fact.Kind = form.Kind;
        fact.TemplateId = form.TemplateId;
        fact.RulebookId = rulebook.Name;
        fact.RescoredRulebookId = null;
        fact.RescoredTotal = null;
        fact.RescoredGrade = null;
        fact.Status = record.Status;
        fact.IsCurrent = !record.IsSuperseded;
        fact.ProjectName = Cut(form.Project, ColumnLengths.ProjectName);
        fact.Title = Cut(form.Title, ColumnLengths.FormTitle);
        fact.Scored = scored;
        fact.ComputedTotal = scored ? score.Total.Value : null;
        fact.ComputedGrade = scored ? score.Grade.Grade : null;
        fact.StatedTotal = scored ? form.StatedTotal : null;
        fact.StatedGrade = scored ? Cut(form.StatedGrade, ColumnLengths.StatedGrade) : null;
        fact.Budget = score.Execution.Budget;
        fact.Executed = score.Execution.Executed;
        fact.BudgetYuan = form.MoneyUnit is { } unit && fact.Budget is { } budget ? unit.ToYuan(budget) : null;
        fact.ExecutionRate = score.Execution.Rate is { } rate ? Math.Round(rate.Fraction, 6, MidpointRounding.AwayFromZero) : null;
        fact.Errors = findings.Count(f => f.Severity == Severity.Error);
        fact.Warnings = findings.Count(f => f.Severity == Severity.Warning);
        fact.Infos = findings.Count(f => f.Severity == Severity.Info);
        fact.Unexplained = findings.Count(f => f.Code is CheckCodes.DeductionUnexplained or CheckCodes.FullScoreDespiteMiss);
        fact.Deductions = scored
            ? score.Rows.Sum(r => Math.Max(0m, (r.Weight ?? 0m) - r.Counted))
              + (score.Execution.Weight is { } w && score.Execution.Score is { } s ? Math.Max(0m, w - s) : 0m)
            : 0m;
        fact.Risk = RiskOf(fact.Errors, fact.Warnings, fact.Unexplained, fact.Deductions);
        fact.CheckerVersion = CheckerVersion;
        fact.FactsVersion = FactsVersion;
        fact.UpdatedAt = now;
        fact.LeaseOwner = null;
        fact.LeaseUntil = null;
        fact.SearchText = SearchText(form.Title, organisation.Name, place.Department?.Name ?? form.Department, form.Project);

        var rows = fact.Indicators.OrderBy(i => i.Position).ToList();
        fact.Indicators.Clear();
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            var rowScore = score.Rows[i];
            var target = rowScore.Target;
            var actual = rowScore.Actual;
            var facts = i < rows.Count ? rows[i] : new IndicatorFact { OrganisationPath = organisation.Path };
            facts.Position = i + 1;
            facts.OrganisationPath = organisation.Path;
            facts.Year = year;
            facts.Kind = form.Kind;
            facts.Level1 = row.Level1;
            facts.Level2 = row.Level2;
            facts.Name = row.Name;
            facts.NormalisedName = Cut(NormaliseName(row.Name), ColumnLengths.IndicatorName);
            facts.Target = row.Target;
            facts.TargetValue = target.IsQuantitative ? target.Number : null;
            facts.Actual = row.Actual;
            facts.ActualValue = actual.IsQuantitative ? actual.Number : null;
            facts.Unit = Cut(target.Unit ?? actual.Unit, 50);
            facts.Comparator = target.Comparator == Comparator.None ? null : target.Comparator.ToString();
            facts.Direction = rowScore.Direction.ToString();
            facts.Weight = row.Weight;
            facts.StatedScore = row.StatedScore;
            facts.ComputedScore = scored && rowScore.Kind != RowScoreKind.Unscorable ? rowScore.Counted : null;
            fact.Indicators.Add(facts);
        }
    }

    /// <summary>What the portal searches: title, unit, department and project, each once.</summary>
    public static string SearchText(params string?[] parts) =>
        Cut(string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).Distinct(StringComparer.Ordinal)), ColumnLengths.SearchText) ?? "";

    /// <summary>An indicator name without whitespace and punctuation, full-width folded: "（1）培训 人次" and "(1)培训人次" group together.</summary>
    public static string? NormaliseName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var folded = name.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c) && !char.IsPunctuation(c) && !char.IsSymbol(c)) kept.Append(char.ToLowerInvariant(c));
        return kept.Length == 0 ? null : kept.ToString();
    }

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
