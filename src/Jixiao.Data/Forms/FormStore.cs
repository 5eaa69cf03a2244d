using System.Text;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>Where a form is filed: its organisation (with its path) and that organisation's 主管部门 (its key and name), if it has one.</summary>
public sealed record FormPlace(Organisation Organisation, int? DepartmentId, string? DepartmentName)
{
    public FormPlace(Organisation organisation, Organisation? department) : this(organisation, department?.Id, department?.Name) { }
}

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
    public static void Write(FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Rulebook rulebook, FormPlace place, DateTimeOffset now) =>
        WriteRows(record, Derive(record, form, findings, rulebook, place, now));

    /// <summary>
    /// <see cref="Write"/> for a tracked record whose finding and indicator rows may not be loaded
    /// (<see cref="LoadForWriteAsync"/> with <c>rows: false</c>): they are read and rewritten only when the rows this write
    /// derives differ from those the last one stored (<see cref="FormFact.RowsHash"/>). Most saves change a text or a
    /// figure that moves no finding and no indicator fact; reading about fifteen rows to compare them and write nothing
    /// was two of a save's nine statements and a fifth of its tracked entities.
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Rulebook rulebook,
        FormPlace place, DateTimeOffset now, CancellationToken ct)
    {
        var rows = Derive(record, form, findings, rulebook, place, now);
        if (record.Id != 0 && !RowsLoaded(db, record))
        {
            if (record.Fact!.RowsHash == rows.Hash)
            {
                // The stored rows are these: nothing to read or write.
                record.WrittenFindings = rows.Findings;
                return;
            }
            await LoadRowsAsync(db, record, ct);
        }
        WriteRows(record, rows);
    }

    /// <summary>The rows a write derives: the form's finding rows and indicator facts, untracked, and their <see cref="DerivedRows.Hash"/>.</summary>
    private sealed record DerivedRows(IReadOnlyList<FormFinding> Findings, IReadOnlyList<IndicatorFact> Indicators, long Hash);

    /// <summary>The record's own columns and its fact's; the rows it would write, not yet placed.</summary>
    private static DerivedRows Derive(FormRecord record, PerformanceForm form, IReadOnlyList<Finding> findings, Rulebook rulebook, FormPlace place, DateTimeOffset now)
    {
        FormRows.Apply(form, record);
        var score = Scorer.Score(form, rulebook);
        var fact = WriteFacts(record, form, score, findings, rulebook, place, now);
        var findingRows = new List<FormFinding>(findings.Count);
        for (var i = 0; i < findings.Count; i++)
        {
            var row = FormFinding.From(findings[i], i + 1);
            Scope(row, fact);
            findingRows.Add(row);
        }
        var indicatorRows = IndicatorRows(record, form, score, place);
        return new DerivedRows(findingRows, indicatorRows, DerivedRowsHash.Of(findingRows, indicatorRows));
    }

    /// <summary>Places the derived rows: stored rows rewritten in place by position (deleting and re-adding would collide on the (form, position) keys), the rest added or removed.</summary>
    private static void WriteRows(FormRecord record, DerivedRows rows)
    {
        Place(record.Findings, rows.Findings, DerivedRowsHash.Finding);
        Place(record.Fact!.Indicators, rows.Indicators, DerivedRowsHash.Indicator);
        record.Fact.RowsHash = rows.Hash;
        record.WrittenFindings = null;
    }

    private static void Place<T>(List<T> stored, IReadOnlyList<T> derived, DerivedRowsHash.Columns<T> columns) where T : class
    {
        var byPosition = stored.OrderBy(columns.PositionOf).ToList();
        stored.Clear();
        for (var i = 0; i < derived.Count; i++)
        {
            if (i < byPosition.Count)
            {
                columns.Copy(derived[i], byPosition[i]);
                stored.Add(byPosition[i]);
            }
            else stored.Add(derived[i]);
        }
    }

    /// <summary>Whether the record's finding and indicator rows are tracked (read by <see cref="LoadRowsAsync"/>, or added in this unit of work).</summary>
    private static bool RowsLoaded(AppDbContext db, FormRecord record) => db.TrackedEntry(record).Collection(r => r.Findings).IsLoaded;

    /// <summary>The record's finding and indicator rows, tracked, fixed up onto it by EF.</summary>
    private static async Task LoadRowsAsync(AppDbContext db, FormRecord record, CancellationToken ct)
    {
        if (RowsLoaded(db, record)) return;
        var queries = ForWrite.For(db);
        await foreach (var _ in queries.Findings(db, record.Id).WithCancellation(ct)) { }
        db.TrackedEntry(record).Collection(r => r.Findings).IsLoaded = true;
        if (record.Fact is { } fact && db.TrackedEntry(fact).State != EntityState.Added)
        {
            await foreach (var _ in queries.Indicators(db, record.Id).WithCancellation(ct)) { }
            db.TrackedEntry(fact).Collection(f => f.Indicators).IsLoaded = true;
        }
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

    /// <summary>
    /// A saved form, tracked, with its fact and its project (the identity key names it), and unless <paramref name="rows"/>
    /// is false what <see cref="Write"/> rewrites in place (findings, indicator facts); <see cref="WriteAsync"/> reads
    /// those itself when it has to.
    /// </summary>
    /// <remarks>
    /// The form with its one-to-one rows in one statement, then its findings and its indicator facts by the form's key,
    /// each fixed up onto the tracked form by EF. A split include repeated the whole access-filtered form query (the
    /// organisation, the project and the fact joined, ordered) inside each collection's statement, and EF shaped those
    /// repeated keys for every row: on PostgreSQL the two collection statements cost 0.19 ms of the database's time a
    /// save at 10,000 units, the load a seventh of the app's. The rows keep their own access filters.
    /// </remarks>
    public static async Task<FormRecord?> LoadForWriteAsync(AppDbContext db, int id, CancellationToken ct, bool rows = true)
    {
        var queries = ForWrite.For(db);
        // SQLite cannot fold the project's scoped join (the project's filter joins its organisation) into a lookup by the
        // form's key: it built the subtree's projects first (2.7 ms a statement at 1,000 units, most of a save's database
        // time). The project by its own key is a primary-key lookup.
        var record = db is SqliteAppDbContext ? await queries.FormWithoutProject(db, id, ct) : await queries.Form(db, id, ct);
        if (record is null) return null;
        if (db is SqliteAppDbContext && record.ProjectId is { } projectId) await queries.Project(db, projectId, ct);
        if (rows) await LoadRowsAsync(db, record, ct);
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
    /// <remarks>
    /// An organisation's 主管部门 never changes: codes, and so paths, are immutable, and so is a kind. A fact this
    /// derivation wrote for the same organisation names it already (a department's new name reaches its facts with the
    /// rename), so a saved form's <paramref name="fact"/> answers without the question, which was one of a save's nine
    /// statements.
    /// </remarks>
    public static async Task<FormPlace> PlaceAsync(AppDbContext db, Organisation organisation, CancellationToken ct, FormFact? fact = null) =>
        fact is { FactsVersion: FactsVersion } && fact.OrganisationId == organisation.Id && db.TrackedEntry(fact).State is not EntityState.Added and not EntityState.Detached
            ? new(organisation, fact.DepartmentId, fact.DepartmentName)
            : new(organisation, await Department.For(db)(db, Prefixes(organisation.Path), ct));

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

    private static FormFact WriteFacts(FormRecord record, PerformanceForm form, FormScore score, IReadOnlyList<Finding> findings, Rulebook rulebook, FormPlace place, DateTimeOffset now)
    {
        var organisation = place.Organisation;
        var year = record.FiscalYear?.Year ?? throw new InvalidOperationException("FormStore.Write needs the record's fiscal year loaded.");
        var fact = record.Fact ??= new FormFact { OrganisationPath = organisation.Path, RulebookId = rulebook.Name };
        var scored = form.Kind.IsScored();

        fact.OrganisationPath = organisation.Path;
        fact.OrganisationId = organisation.Id;
        fact.UnitName = organisation.Name;
        fact.DepartmentId = place.DepartmentId;
        fact.DepartmentName = place.DepartmentName;
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
        fact.SearchText = SearchText(form.Title, organisation.Name, place.DepartmentName ?? form.Department, form.Project);

        return fact;
    }

    /// <summary>The form's indicator rows as facts with their scores from <paramref name="score"/>, untracked.</summary>
    private static List<IndicatorFact> IndicatorRows(FormRecord record, PerformanceForm form, FormScore score, FormPlace place)
    {
        var organisation = place.Organisation;
        var year = record.FiscalYear!.Year;
        var scored = form.Kind.IsScored();
        var rows = new List<IndicatorFact>(form.Indicators.Count);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            var row = form.Indicators[i];
            var rowScore = score.Rows[i];
            var target = rowScore.Target;
            var actual = rowScore.Actual;
            rows.Add(new IndicatorFact
            {
                Position = i + 1,
                OrganisationPath = organisation.Path,
                Year = year,
                Kind = form.Kind,
                Level1 = row.Level1,
                Level2 = row.Level2,
                Name = row.Name,
                NormalisedName = Cut(NormaliseName(row.Name), ColumnLengths.IndicatorName),
                Target = row.Target,
                TargetValue = target.IsQuantitative ? target.Number : null,
                Actual = row.Actual,
                ActualValue = actual.IsQuantitative ? actual.Number : null,
                Unit = Cut(target.Unit ?? actual.Unit, 50),
                Comparator = target.Comparator == Comparator.None ? null : target.Comparator.ToString(),
                Direction = rowScore.Direction.ToString(),
                Weight = row.Weight,
                StatedScore = row.StatedScore,
                ComputedScore = scored && rowScore.Kind != RowScoreKind.Unscorable ? rowScore.Counted : null,
            });
        }
        return rows;
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
