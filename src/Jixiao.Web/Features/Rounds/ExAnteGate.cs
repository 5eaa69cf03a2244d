using System.Globalization;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Rounds;

/// <summary>
/// The ex-ante gate (事前绩效评估, 财预〔2020〕10号: a new project without a passed assessment 不得安排预算): a project with
/// no project of the same code in an earlier year of its unit, whose requested amount (its budget as stored, else the
/// ex-ante form's 申请金额) is above the rulebook's <c>exAnte.gateAmount</c>, enters the targets round only once an
/// ex-ante form of the project and year is approved by finance (or published) and concludes 通过 or 调减后通过.
/// Read past the access scope: the gate is a rule of the project, whoever looks at it.
/// </summary>
public static class ExAnteGate
{
    /// <summary>
    /// What the gate says of one project: <see cref="Reason"/> is set while the project is held back; <see cref="Allowed"/>
    /// (万元) is what a passed assessment allows (the reduced amount after 调减后通过), null when none passed.
    /// </summary>
    public sealed record State(string? Reason, ExAnteConclusion? Conclusion, decimal? Allowed);

    private static readonly State Open = new(null, null, null);

    public static async Task<State> Of(AppDbContext db, int projectId, CancellationToken ct)
    {
        var project = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new { p.Name, p.Code, p.OrganisationId, p.BudgetYuan, p.FiscalYear!.Year, p.Organisation!.Path }).FirstOrDefaultAsync(ct);
        if (project is null) return Open;
        if (await db.Projects.IgnoreQueryFilters().AnyAsync(p => p.OrganisationId == project.OrganisationId && p.Code == project.Code
                && p.FiscalYear!.Year < project.Year, ct))
            return Open;
        // The rulebook the project's targets form is checked by (as TargetCarry starts it).
        var choice = await RulebookChoices.InForceAsync(db, project.Path, project.Year, ct);
        var rules = (choice is null ? Core.Rulebooks.Rulebooks.NationalFor(project.Year) : RulebookChoices.RulebookOf(choice)).ExAnte;
        if (rules is null) return Open;

        var key = FormIdentity.Key(project.Path, project.Year, FormKind.ExAnteAssessment, project.Name, null);
        var records = await db.Forms.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Kind == FormKind.ExAnteAssessment && f.OrganisationId == project.OrganisationId && f.FiscalYear!.Year == project.Year
                && f.SupersededById == null && (f.ProjectId == projectId || f.UniqueKey == key))
            .OrderByDescending(f => f.Id).ToListAsync(ct);
        var assessments = records.Select(r => (r.Status, Form: FormRows.ToForm(r))).ToList();

        var requested = project.BudgetYuan is { } yuan ? yuan / 10_000m
            : assessments.Select(a => ExAnteFields.Requested(a.Form)).FirstOrDefault(a => a is not null);
        if (requested is not { } amount || amount <= rules.GateAmount) return Open;

        foreach (var (status, form) in assessments)
        {
            if (!TargetCarry.Approved(status)) continue;
            var conclusion = rules.Read(form.Extra.GetValueOrDefault(ExAnteFields.Conclusion));
            if (conclusion == ExAnteConclusion.Pass) return new(null, conclusion, ExAnteFields.Requested(form) ?? amount);
            if (conclusion == ExAnteConclusion.PassReduced) return new(null, conclusion, ExAnteFields.Reduced(form));
        }

        var missing = assessments switch
        {
            [] => "尚无该项目本年度的事前绩效评估表",
            _ when assessments.Any(a => TargetCarry.Approved(a.Status)) => "事前绩效评估结论不是“通过”或“调减后通过”，不得安排预算",
            _ => $"事前绩效评估表尚未经财政审核（当前状态：{assessments[0].Status.ChineseName()}）",
        };
        return new($"项目“{project.Name}”为新增项目，申请金额 {Wan(amount)} 万元，高于事前绩效评估门槛 {Wan(rules.GateAmount)} 万元，"
            + $"须先通过事前绩效评估（财政已审核、结论为通过或调减后通过）后才能申报绩效目标：{missing}。", null, null);
    }

    /// <summary>
    /// Why a targets form may not be submitted: its project is held back by the gate, or its 年度资金总额 exceeds the
    /// amount the passed assessment allows.
    /// </summary>
    public static async Task<Refusal?> Submission(AppDbContext db, FormRecord record, PerformanceForm form, CancellationToken ct)
    {
        if (record.Kind != FormKind.Targets || record.ProjectId is not { } projectId) return null;
        var state = await Of(db, projectId, ct);
        if (state.Reason is { } reason) return Refusal.WrongState(reason);
        if (state.Allowed is { } allowed && StatedTotal(form) is { } stated && stated > allowed)
            return Refusal.WrongState($"项目“{form.Project ?? record.ProjectName}”的年度资金总额 {Wan(stated)} 万元超过事前绩效评估"
                + $"{(state.Conclusion == ExAnteConclusion.PassReduced ? "调减后" : "通过的")}金额 {Wan(allowed)} 万元，请按评估结论调整后再提交。");
        return null;
    }

    /// <summary>Prefills a targets form's 年度资金总额 with the reduced amount of a 调减后通过 assessment.</summary>
    public static async Task Prefill(AppDbContext db, PerformanceForm form, int projectId, CancellationToken ct)
    {
        var state = await Of(db, projectId, ct);
        if (state is not { Conclusion: ExAnteConclusion.PassReduced, Allowed: { } reduced }) return;
        form.MoneyUnit ??= MoneyUnit.TenThousandYuan;
        var stated = form.MoneyUnit == MoneyUnit.Yuan ? reduced * 10_000m : reduced;
        if (form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total) is not { } total)
            form.Funds.Insert(0, total = new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total });
        total.InitialBudget = stated;
        total.Budget = stated;
    }

    /// <summary>The form's 年度资金总额 in 万元 (全年预算数, else 年初预算数); null when the form names no money unit to read it in.</summary>
    private static decimal? StatedTotal(PerformanceForm form) =>
        form.MoneyUnit is { } unit && form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total) is { } total && (total.Budget ?? total.InitialBudget) is { } amount
            ? unit.ToYuan(amount) / 10_000m
            : null;

    private static string Wan(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
