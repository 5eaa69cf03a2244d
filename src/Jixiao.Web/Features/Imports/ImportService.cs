using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Imports;

/// <summary>
/// Forms read from files (by the readers, in the CLI or the UI) into <paramref name="OrganisationId"/>'s subtree.
/// <paramref name="FiscalYear"/> applies to forms that do not state their year.
/// </summary>
public sealed record ImportRequest(
    [property: Description("目标单位 ID")] int OrganisationId,
    [property: Description("年度"), Range(2000, 2100)] int? FiscalYear,
    [property: Description("来源文件名"), MaxLength(ColumnLengths.FormTitle)] string? SourceName,
    [property: Description("表单"), MaxLength(Limits.Rows)] List<FormV1>? Forms) : IRequestContract;

public sealed record ImportItemDto(
    int Index, string Kind, string KindName, string? Title, int FiscalYear,
    string UnitName, int? UnitId, bool CreatesUnit, string? ProjectName, int? ProjectId, bool CreatesProject,
    IReadOnlyList<FindingDto> Findings, IReadOnlyList<string> Warnings);

public sealed record ImportResultDto(IReadOnlyList<int> FormIds);

/// <summary>
/// Import in two steps: a preview that says what each form is, what the checker finds and which unit and project it
/// will be attached to (matched by name or code, or created), and a confirmation that saves every form in one
/// transaction — one bad form and nothing is saved.
/// </summary>
public sealed class ImportService(AppDbContext db, FormCheck check, TimeProvider clock, FormService forms)
{
    private sealed record Plan(
        PerformanceForm Form, int Year, Organisation? Unit, string UnitName, bool CreatesUnit,
        BudgetProject? Project, string? ProjectName, bool CreatesProject, IReadOnlyList<Finding> Findings);

    private static bool HasProject(FormKind kind) => kind is FormKind.ProjectSelfEvaluation or FormKind.Monitoring or FormKind.Targets;

    private async Task<Outcome<(Organisation Target, List<Plan> Plans)>> PlanAsync(CurrentUser user, ImportRequest request, CancellationToken ct)
    {
        var target = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (target is null) return Refusal.NotFound("单位");
        if (!user.Is(Roles.UnitFiller) && !user.Is(Roles.Administrator))
            return Refusal.Forbidden("只有“单位填报”或“系统管理”角色可以导入表单。");
        if (request.Forms is not { Count: > 0 }) return Refusal.Invalid("没有要导入的表单（forms 为空）。");

        var subtree = await db.Organisations.Where(o => o.Path.StartsWith(target.Path)).ToListAsync(ct);
        var plans = new List<Plan>();
        for (var i = 0; i < request.Forms.Count; i++)
        {
            var form = request.Forms[i].ToForm();
            var label = $"第 {i + 1} 份表单（{form.Project ?? form.Title ?? form.Kind.ChineseName()}）";
            if ((form.Year ?? request.FiscalYear) is not { } year || year is < 2000 or > 2100)
                return Refusal.Invalid($"{label}：年度缺失或无效，请在表单或请求中给出年度（fiscalYear）。");
            var wanted = form.Unit?.Trim();
            var unit = string.IsNullOrEmpty(wanted) ? null : subtree.FirstOrDefault(o => o.Name == wanted || o.Code == wanted);
            // Only an administrator adds organisations; everyone else imports into the organisation they chose.
            var createsUnit = unit is null && !string.IsNullOrEmpty(wanted) && user.Is(Roles.Administrator) && target.Kind != OrganisationKind.Unit;
            if (unit is null && !createsUnit) unit = target;

            BudgetProject? project = null;
            var projectName = HasProject(form.Kind) ? form.Project?.Trim() : null;
            if (!string.IsNullOrEmpty(projectName) && unit is not null)
                project = await db.Projects.SingleOrDefaultAsync(p => p.OrganisationId == unit.Id && p.Name == projectName && p.FiscalYear!.Year == year, ct);
            plans.Add(new Plan(form, year, unit, createsUnit ? wanted! : unit!.Name, createsUnit, project,
                string.IsNullOrEmpty(projectName) ? null : projectName, !string.IsNullOrEmpty(projectName) && project is null, check(form)));
        }
        return Outcome<(Organisation, List<Plan>)>.Ok((target, plans));
    }

    public async Task<Outcome<IReadOnlyList<ImportItemDto>>> Preview(CurrentUser user, ImportRequest request, CancellationToken ct)
    {
        var planned = await PlanAsync(user, request, ct);
        if (planned.Refusal is { } refusal) return refusal;
        var plans = planned.Value.Plans;
        // Each form against the unit's stored forms and the other forms of this import, as the confirmation will check it.
        var batch = plans.Select((p, i) => Batch(p, i, null)).ToList();
        var findings = new List<IReadOnlyList<Finding>>(plans.Count);
        foreach (var p in plans)
        {
            var rulebook = FormService.RulebookFor(p.Form);
            var unit = p.Unit is { Id: > 0 } stored ? stored : new Organisation { Code = "", Name = p.UnitName, Path = UnitKey(p, null) };
            IReadOnlyList<DocumentForm> related = unit.Id > 0 ? await FormRelations.GatherAsync(db, p.Form, null, unit, p.Year, rulebook, ct) : [];
            related = [.. related, .. FormRelations.FromBatch(p.Form, UnitKey(p, null), unit, p.Year, batch, rulebook)];
            findings.Add(related.Count > 0 ? [.. p.Findings, .. FormRelations.Check(p.Form, null, unit, p.Year, related, rulebook)] : p.Findings);
        }
        return Outcome<IReadOnlyList<ImportItemDto>>.Ok(plans.Select((p, i) => new ImportItemDto(
            i + 1, p.Form.Kind.Code(), p.Form.Kind.ChineseName(), p.Form.Title, p.Year,
            p.UnitName, p.Unit?.Id, p.CreatesUnit, p.ProjectName, p.Project?.Id, p.CreatesProject,
            findings[i].Select(FindingDto.From).ToList(),
            // A form that names no unit of the subtree goes to the chosen organisation: say so when it names another.
            ImportJobs.Warnings(p.Form, p.CreatesUnit ? null : p.Unit, request.FiscalYear))).ToList());
    }

    /// <summary>
    /// Where a planned form goes, as <see cref="FormRelations.BatchForm.UnitKey"/>: the unit's path, or for a unit this
    /// import creates, the path it was given (<paramref name="created"/>) or its name until then.
    /// </summary>
    private static string UnitKey(Plan plan, IReadOnlyDictionary<string, Organisation>? created) =>
        plan.Unit is { } unit && !plan.CreatesUnit ? unit.Path
        : created is not null && created.TryGetValue(plan.UnitName, out var made) ? made.Path : "新单位:" + plan.UnitName;

    private static FormRelations.BatchForm Batch(Plan plan, int index, IReadOnlyDictionary<string, Organisation>? created) =>
        new(plan.Form, $"第 {index + 1} 份表单", UnitKey(plan, created), plan.Year, plan.ProjectName);

    /// <summary>Stores the planned forms in one transaction, run again whole if it was a deadlock's victim (<see cref="WholeRetry"/>).</summary>
    public Task<Outcome<ImportResultDto>> Confirm(CurrentUser user, ImportRequest request, CancellationToken ct) =>
        db.RetryWholeAsync(token => ConfirmOnce(user, request, token), ct);

    private async Task<Outcome<ImportResultDto>> ConfirmOnce(CurrentUser user, ImportRequest request, CancellationToken ct)
    {
        var planned = await PlanAsync(user, request, ct);
        if (planned.Refusal is { } refusal) return refusal;
        var (target, plans) = planned.Value;
        var now = clock.GetUtcNow();
        var source = string.IsNullOrWhiteSpace(request.SourceName) ? "导入" : $"导入自 {request.SourceName.Trim()}";

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var newUnits = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        var newProjects = new Dictionary<(Organisation, string), BudgetProject>();
        var records = new List<FormRecord>();
        var audited = new HashSet<int>();
        for (var index = 0; index < plans.Count; index++)
        {
            var plan = plans[index];
            var year = await forms.Year(plan.Year, ct);
            if (year.Closed) return Refusal.WrongState($"{year.Year} 年度已关闭，不能导入。");
            var unit = plan.Unit;
            if (plan.CreatesUnit && !newUnits.TryGetValue(plan.UnitName, out unit))
            {
                var code = $"{target.Code}-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
                unit = new Organisation { Code = code, Name = plan.UnitName, Kind = OrganisationKind.Unit, Parent = target, Path = Organisation.ChildPath(target.Path, code) };
                db.Organisations.Add(unit);
                newUnits[plan.UnitName] = unit;
            }
            var project = plan.Project;
            if (plan.CreatesProject && !newProjects.TryGetValue((unit!, plan.ProjectName!), out project))
            {
                project = new BudgetProject { Code = $"{plan.Year}-{Guid.NewGuid().ToString("N")[..10].ToUpperInvariant()}", Name = plan.ProjectName!, Organisation = unit, FiscalYear = year };
                db.Projects.Add(project);
                newProjects[(unit!, plan.ProjectName!)] = project;
            }
            // Checked again as it is saved, like every save; a form that fails here rolls back the ones before it. The
            // forms before it are stored by now; those after it are compared from the request.
            var later = plans.Skip(index + 1).Select((p, i) => Batch(p, index + 1 + i, newUnits)).ToList();
            var added = await forms.AddDraft(plan.Form, unit!, year, project, now, ct, later);
            if (added.Refusal is { } duplicate) return duplicate;
            var record = added.Value!;
            await db.SaveChangesAsync(ct);
            if (plan.CreatesUnit && unit!.Id != 0 && !audited.Contains(unit.Id))
            {
                db.Audit(user.Actor, now, "import", "organisation", unit.Id.ToString(CultureInfo.InvariantCulture), unit.Path, "组织", null, $"{unit.Name}（{source}）");
                audited.Add(unit.Id);
            }
            db.Audit(user.Actor, now, "import", "form", record.Id.ToString(CultureInfo.InvariantCulture), unit!.Path, "表单", null,
                $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName}（{source}）");
            await db.SaveChangesAsync(ct);
            records.Add(record);
        }
        await transaction.CommitAsync(ct);
        return new ImportResultDto(records.Select(r => r.Id).ToList());
    }
}
