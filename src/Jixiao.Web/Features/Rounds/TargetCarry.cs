using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Ui;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Rounds;

/// <summary>
/// Where a new form starts (财预〔2020〕10号: targets are set with the budget and monitoring and self-evaluation measure
/// against them). A monitoring table or a self-evaluation starts from the project's approved targets of the year; a
/// targets form of a recurring project starts from last year's targets (the project found by its code, else its name),
/// and a multi-year project's targets form carries its 项目期目标 in every year of the period; a new project's targets
/// form takes the reduced amount of its 调减后通过 ex-ante assessment as its 年度资金总额 (<see cref="ExAnteGate"/>).
/// Each starts from the blank layout of its own kind (<see cref="FormTemplates"/>); the indicators, their weights and
/// target values, the goal and the budget lines are filled from the source.
/// </summary>
public static class TargetCarry
{
    /// <summary>Targets count as approved once finance approved them (and stay so when published).</summary>
    public static bool Approved(FormStatus status) => status is FormStatus.FinanceApproved or FormStatus.Published;

    public static async Task<PerformanceForm> StartingForm(AppDbContext db, Organisation unit, int year, FormKind kind, int? projectId, string? projectName,
        int? monitoringMonths, CancellationToken ct)
    {
        // The supervising department lies outside a unit's subtree; its name is all the form needs of it.
        var department = (await FormStore.PlaceAsync(db, unit, ct)).DepartmentName;
        // The rulebook and template set finance chose for the unit and year, else the year's national ones.
        var choice = await RulebookChoices.InForceAsync(db, unit.Path, year, ct);
        var form = FormTemplates.Blank(kind, year, unit.Name, department, projectName,
            choice is null ? Core.Rulebooks.Rulebooks.NationalFor(year) : RulebookChoices.RulebookOf(choice), choice?.TemplateRegion);
        if (kind == FormKind.Monitoring && monitoringMonths is { } months) form.MonitoringMonths = months;
        if (await Source(db, unit, year, kind, projectId, projectName, ct) is { } source) Fill(form, source);
        if (kind == FormKind.Targets && await PeriodGoal(db, unit, year, projectId, ct) is { } period) form.Extra[PeriodGoalKey] = period;
        if (kind == FormKind.Targets && projectId is { } id) await ExAnteGate.Prefill(db, form, id, ct);
        return form;
    }

    /// <summary>The targets form's 项目期目标 (kept in <see cref="PerformanceForm.Extra"/> under this key).</summary>
    public const string PeriodGoalKey = "periodGoal";

    /// <summary>
    /// A multi-year project's 项目期目标 for <paramref name="year"/>: its own, else the one set on the same project (by code)
    /// in an earlier year of the period, so a goal set once in the first year reaches every later year's targets.
    /// </summary>
    public static async Task<string?> PeriodGoal(AppDbContext db, Organisation unit, int year, int? projectId, CancellationToken ct)
    {
        if (projectId is not { } id) return null;
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Code, p.PeriodStartYear, p.PeriodEndYear, p.PeriodGoal }).FirstOrDefaultAsync(ct);
        if (project is null || project.PeriodStartYear is not { } start || project.PeriodEndYear is not { } end || year < start || year > end) return null;
        if (!string.IsNullOrWhiteSpace(project.PeriodGoal)) return project.PeriodGoal;
        return await db.Projects.AsNoTracking()
            .Where(p => p.OrganisationId == unit.Id && p.Code == project.Code && p.PeriodGoal != null && p.FiscalYear!.Year >= start && p.FiscalYear.Year < year)
            .OrderByDescending(p => p.FiscalYear!.Year).Select(p => p.PeriodGoal).FirstOrDefaultAsync(ct);
    }

    /// <summary>The form a new one of <paramref name="kind"/> starts from, if there is one.</summary>
    public static async Task<PerformanceForm?> Source(AppDbContext db, Organisation unit, int year, FormKind kind, int? projectId, string? projectName,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(projectName)) return null;
        if (kind is FormKind.Monitoring or FormKind.ProjectSelfEvaluation)
        {
            var key = FormIdentity.Key(unit.Path, year, FormKind.Targets, projectName, null);
            var targets = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.UniqueKey == key, ct);
            return targets is not null && Approved(targets.Status) ? FormRows.ToForm(targets) : null;
        }
        if (kind == FormKind.Targets)
        {
            var code = projectId is { } id ? await db.Projects.Where(p => p.Id == id).Select(p => p.Code).FirstOrDefaultAsync(ct) : null;
            var lastYear = await db.Projects.AsNoTracking()
                .Where(p => p.OrganisationId == unit.Id && p.FiscalYear!.Year == year - 1 && (p.Code == code || p.Name == projectName))
                .OrderByDescending(p => p.Code == code).Select(p => p.Name).FirstOrDefaultAsync(ct);
            var key = FormIdentity.Key(unit.Path, year - 1, FormKind.Targets, lastYear ?? projectName, null);
            var previous = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.UniqueKey == key, ct);
            return previous is null ? null : FormRows.ToForm(previous);
        }
        return null;
    }

    /// <summary>Copies what the source settled (indicators, weights, target values, goal, budget) into <paramref name="form"/>; actuals stay empty.</summary>
    public static void Fill(PerformanceForm form, PerformanceForm source)
    {
        if (source.Indicators.Count > 0)
        {
            form.Indicators.Clear();
            foreach (var row in source.Indicators)
                form.Indicators.Add(new IndicatorRow
                {
                    Level1 = row.Level1, Level1Weight = row.Level1Weight, Level2 = row.Level2, Level2Weight = row.Level2Weight,
                    Name = row.Name, Content = row.Content, Target = row.Target, Weight = row.Weight,
                });
        }
        form.PlannedGoal ??= source.PlannedGoal;
        if (form.Kind == FormKind.Targets && source.Extra.TryGetValue(PeriodGoalKey, out var period)) form.Extra[PeriodGoalKey] = period;
        foreach (var row in form.Funds)
            if (source.Funds.FirstOrDefault(s => s.Role == row.Role && s.Label == row.Label) is { } budgeted)
            {
                row.InitialBudget ??= budgeted.InitialBudget;
                row.Budget ??= budgeted.Budget;
            }
    }
}
