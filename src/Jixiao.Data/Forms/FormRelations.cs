using Jixiao.Core.Checks;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// The stored forms a form is checked against (docs/checks.md, "Across forms and years"): the unit's other tables of the
/// same year (a report against its self-evaluations, a department table against its projects and its basic data table)
/// and the same project's approved targets and earlier self-evaluations. The candidates are chosen on the facts (small
/// indexed queries that return ids and names, and the bodies of the same project's forms under its exact name), then only the other chosen bodies are loaded, at most
/// <see cref="Limit"/>: a unit with a thousand stored forms costs a save what one with ten does.
/// </summary>
public static class FormRelations
{
    /// <summary>
    /// At most this many forms are compared with. Only a department table or a report of a unit with more projects meets
    /// it; the department check then sums fewer projects, which can only hide an excess, never invent one.
    /// </summary>
    public const int Limit = 200;

    /// <summary>At most this many candidate rows (ids, kinds and project names) are read to find the related forms.</summary>
    private const int CandidateLimit = 5_000;

    /// <summary>How a stored form is named in findings ("表单12"); <see cref="DocumentForm.Id"/> carries the id itself.</summary>
    public static string DocumentName(int id) => "表单" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The cross-form and cross-year findings of <paramref name="form"/>, filed for <paramref name="unit"/> in
    /// <paramref name="year"/> as form <paramref name="formId"/> (null before it is first saved), against
    /// <paramref name="related"/> (<see cref="GatherAsync"/>). The per-form findings are the caller's (FormCheck).
    /// </summary>
    public static IReadOnlyList<Finding> Check(PerformanceForm form, int? formId, Organisation unit, int year, IReadOnlyList<DocumentForm> related, Rulebook rulebook)
    {
        if (related.Count == 0) return [];
        var subject = AsFiled(form, unit, year);
        return Checker.Check([new DocumentForm(formId is { } id ? DocumentName(id) : "本表", subject, formId)], rulebook, [], related)[0].Findings;
    }

    /// <summary>
    /// The stored forms <paramref name="form"/> is compared with: current (not superseded) forms of the same unit, of the
    /// kinds and years its checks read, the same project matched by <see cref="ProjectIdentity.SameProjectName"/>.
    /// </summary>
    public static async Task<IReadOnlyList<DocumentForm>> GatherAsync(AppDbContext db, PerformanceForm form, int? formId, Organisation unit, int year, Rulebook rulebook, CancellationToken ct)
    {
        var except = formId ?? 0;
        // The same project's forms cannot be found for a form that names no project.
        var wanted = Wanted(form.Kind, year, rulebook).Where(w => !w.SameProject || !string.IsNullOrWhiteSpace(form.Project)).ToList();
        if (wanted.Count == 0) return [];
        // One query for every kind and year the checks read (the unit's few dozen forms of those years), sorted out
        // here: a query per kind was a round trip each on every save and every form page.
        var kinds = wanted.Select(w => w.Kind).Distinct().ToList();
        var first = wanted.Min(w => w.From);
        var last = wanted.Max(w => w.To);
        // The same project's forms under its exact name (a handful: one per kind, year and period) come with their bodies,
        // so a project's form needs no second round trip unless a looser name matched or it reads other projects' forms.
        var candidates = await Queries.For(db).Candidates(db, unit.Id, first, last, kinds, except, form.Project ?? "").ToListAsync(ct);
        var chosen = new List<(int Id, int Year)>();
        foreach (var (kind, from, to, sameProject) in wanted)
        {
            if (chosen.Count >= Limit) break;
            var ofKind = candidates.Where(c => c.Kind == kind && c.Year >= from && c.Year <= to);
            if (!sameProject)
            {
                chosen.AddRange(ofKind.Take(Limit - chosen.Count).Select(c => (c.FormId, c.Year)));
                continue;
            }
            chosen.AddRange(ofKind.Where(c => ProjectIdentity.SameProjectName(form.Project!, c.ProjectName)).Take(Limit - chosen.Count).Select(c => (c.FormId, c.Year)));
        }
        if (chosen.Count == 0) return [];
        var byId = candidates.Where(c => c.Body is not null).ToDictionary(c => c.FormId, c => new StoredBody(c.FormId, c.Body, c.SchemaVersion));
        var ids = chosen.Select(c => c.Id).Where(id => !byId.ContainsKey(id)).ToList();
        if (ids.Count > 0)
            foreach (var b in await Queries.For(db).Bodies(db, ids).ToListAsync(ct))
                if (b.Body is not null) byId[b.Id] = b;
        var related = new List<DocumentForm>(chosen.Count);
        foreach (var (id, formYear) in chosen)
            if (byId.TryGetValue(id, out var b))
                related.Add(new DocumentForm(DocumentName(id), AsFiled(FormBody.ReadShared(b.Body!, b.SchemaVersion), unit, formYear), id));
        return related;
    }

    private sealed record Candidate(int FormId, int Year, FormKind Kind, string? ProjectName, string? Body, int SchemaVersion);

    private sealed record StoredBody(int Id, string? Body, int SchemaVersion);

    /// <summary><see cref="GatherAsync"/>'s two queries (the second only for bodies the first did not bring), which every form page and save runs (<see cref="CompiledPerContext{TQuery}"/>).</summary>
    private sealed class Compiled
    {
        public Func<AppDbContext, int, int, int, List<FormKind>, int, string, IAsyncEnumerable<Candidate>> Candidates { get; } =
            EF.CompileAsyncQuery((AppDbContext db, int unitId, int first, int last, List<FormKind> kinds, int except, string project) =>
                db.FormFacts.AsNoTracking()
                    .Where(f => f.OrganisationId == unitId && f.Year >= first && f.Year <= last && kinds.Contains(f.Kind) && f.IsCurrent && f.FormId != except)
                    .OrderByDescending(f => f.Year).ThenBy(f => f.FormId).Take(CandidateLimit)
                    // The bodies by a lookup in the CASE, which the database runs for the same project's rows only: the
                    // form's navigation joined every candidate's form row (20-odd a save) to keep two or three bodies.
                    .Select(f => new Candidate(f.FormId, f.Year, f.Kind, f.ProjectName,
                        f.ProjectName == project ? db.Forms.Where(x => x.Id == f.FormId).Select(x => x.Body).FirstOrDefault() : null,
                        f.ProjectName == project ? db.Forms.Where(x => x.Id == f.FormId).Select(x => x.SchemaVersion).FirstOrDefault() : 0)));

        /// <remarks>
        /// Unfiltered: the ids come from <see cref="Candidates"/>, whose facts carry the same access filter as their forms
        /// (AppDbContext), so every one is in scope already. The forms' filter repeated here joined the organisations under
        /// conditions on the filter's parameters, and PostgreSQL planned the statement afresh on every call (a custom plan
        /// each time): 0.24 ms of planning for 0.20 ms of work, on 38 % of the saves at 1,000 units (pg_stat_statements,
        /// docs/benchmarks.md).
        /// </remarks>
        public Func<AppDbContext, List<int>, IAsyncEnumerable<StoredBody>> Bodies { get; } =
            EF.CompileAsyncQuery((AppDbContext db, List<int> ids) =>
                db.Forms.IgnoreQueryFilters().AsNoTracking().Where(f => ids.Contains(f.Id)).Select(f => new StoredBody(f.Id, f.Body, f.SchemaVersion)));
    }

    private static readonly CompiledPerContext<Compiled> Queries = new(() => new Compiled());

    /// <summary>
    /// The duplicate-form finding of <paramref name="form"/> (not stored yet, named <paramref name="name"/>) against the
    /// current stored form of <paramref name="unit"/> that already holds its identity (unit, year, kind, project, period:
    /// <see cref="FormIdentity"/>): one indexed lookup of the key, then that one body, to say where the two differ. Null
    /// when no stored form holds it. Saving the upload would be refused; the preview says so first, naming the stored form.
    /// </summary>
    public static async Task<Finding?> StoredDuplicateAsync(AppDbContext db, PerformanceForm form, string name, Organisation unit, int year, CancellationToken ct)
    {
        var key = FormIdentity.Key(unit.Path, year, form.Kind, form.Project, form.MonitoringMonths);
        var stored = await db.Forms.AsNoTracking().Where(f => f.UniqueKey == key && f.OrganisationId == unit.Id)
            .Select(f => new { f.Id, f.Body, f.SchemaVersion }).FirstOrDefaultAsync(ct);
        if (stored?.Body is null) return null;
        var original = new DocumentForm(DocumentName(stored.Id), Filed(FormBody.Read(stored.Body, stored.SchemaVersion), unit, year), stored.Id);
        var copy = new DocumentForm(name, AsFiled(form, unit, year));
        return Core.Checks.Sets.DuplicateFormRule.Check([original, copy]).Select(d => d.Finding with { Compared = FormReference.Of(original) }).FirstOrDefault();
    }

    /// <summary>How a form of an upload is named in findings: its file, and which of the file's forms it is.</summary>
    public static string BatchName(string file, int index) =>
        index == 0 ? file : $"{file} 第{(index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}张表";

    /// <summary>
    /// Another form of the same import (a report and its tables uploaded together), not stored yet: filed for the unit
    /// <paramref name="UnitKey"/> names (its path, or its name while it is still to be created) in <paramref name="Year"/>,
    /// under <paramref name="ProjectName"/> (the budget project it goes to, else the one it prints).
    /// </summary>
    public sealed record BatchForm(PerformanceForm Form, string Name, string UnitKey, int Year, string? ProjectName);

    /// <summary>
    /// The forms of the same import <paramref name="form"/> is compared with, chosen as <see cref="GatherAsync"/> chooses
    /// stored ones (same unit, the kinds and years its checks read, the same project where they need it), so a report
    /// imported with its tables is held against them whichever of them is saved first. Pure: the batch is in memory.
    /// </summary>
    public static IReadOnlyList<DocumentForm> FromBatch(PerformanceForm form, string unitKey, Organisation unit, int year, IEnumerable<BatchForm> batch, Rulebook rulebook)
    {
        // The same project's forms cannot be found for a form that names no project.
        var wanted = Wanted(form.Kind, year, rulebook).Where(w => !w.SameProject || !string.IsNullOrWhiteSpace(form.Project)).ToList();
        if (wanted.Count == 0) return [];
        var related = new List<DocumentForm>();
        foreach (var other in batch)
        {
            if (ReferenceEquals(other.Form, form) || !string.Equals(other.UnitKey, unitKey, StringComparison.Ordinal)) continue;
            foreach (var (kind, from, to, sameProject) in wanted)
            {
                if (other.Form.Kind != kind || other.Year < from || other.Year > to) continue;
                if (sameProject && (string.IsNullOrWhiteSpace(form.Project) || !ProjectIdentity.SameProjectName(form.Project, other.ProjectName ?? other.Form.Project))) continue;
                related.Add(new DocumentForm(other.Name, AsFiled(other.Form, unit, other.Year)));
                break;
            }
            if (related.Count >= Limit) break;
        }
        return related;
    }

    /// <summary>
    /// The form as the checks should see it: the unit and year it is filed under, whatever the document printed. The
    /// database knows the forms are the same unit's; the checks would otherwise compare printed names. A copy: the form
    /// passed in is saved as it is (the checks only read the rows the copy shares with it).
    /// </summary>
    private static PerformanceForm AsFiled(PerformanceForm form, Organisation unit, int year) => Filed(form.ShallowCopy(), unit, year);

    /// <summary><see cref="AsFiled"/> in place, for a body just read from the database that nothing else holds (no copy needed).</summary>
    private static PerformanceForm Filed(PerformanceForm fresh, Organisation unit, int year)
    {
        fresh.Unit = unit.Name;
        fresh.Department = null;
        fresh.Year = year;
        return fresh;
    }

    /// <summary>Which forms the cross-form rules of <paramref name="kind"/> read: kind, year range, and whether only the same project's.</summary>
    private static IEnumerable<(FormKind Kind, int From, int To, bool SameProject)> Wanted(FormKind kind, int year, Rulebook rulebook)
    {
        switch (kind)
        {
            case FormKind.Report:
                // report-table-mismatch reads the self-evaluations; the report draft also the basic data table.
                yield return (FormKind.DepartmentSelfEvaluation, year, year, false);
                yield return (FormKind.DepartmentBasicData, year, year, false);
                yield return (FormKind.ProjectSelfEvaluation, year, year, false);
                break;
            case FormKind.DepartmentSelfEvaluation:
                yield return (FormKind.DepartmentBasicData, year, year, false);
                yield return (FormKind.ProjectSelfEvaluation, year, year, false);
                break;
            case FormKind.DepartmentBasicData:
                yield return (FormKind.DepartmentSelfEvaluation, year, year, false);
                break;
            case FormKind.ProjectSelfEvaluation:
                // indicator-dropped / target-changed against the approved targets; satisfaction-always-high over the years.
                yield return (FormKind.Targets, year, year, true);
                yield return (FormKind.ProjectSelfEvaluation, year - Math.Max(1, rulebook.Checks.SatisfactionYears - 1), year - 1, true);
                break;
            case FormKind.Targets:
            case FormKind.Monitoring:
                // target-below-last-actual: last year's self-evaluation of the same project.
                yield return (FormKind.ProjectSelfEvaluation, year - 1, year - 1, true);
                break;
        }
    }
}
