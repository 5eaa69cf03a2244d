using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.History;

/// <summary>
/// What only related forms show: a project's self-evaluation against the targets approved for it, this year's targets
/// against last year's actuals, a department's table against its projects and its basic data table, and the same
/// indicators year after year or project after project. The forms under check are compared with every related form
/// handed in (the other forms read with them, and a history: earlier years, approved targets); findings go to the forms
/// under check only. Pure: the history is handed in, nothing is looked up.
/// </summary>
public static class CrossFormChecks
{
    /// <summary>The rules of this file, by code; the checker runs each inside its safety net.</summary>
    internal static IReadOnlyList<(string Code, Func<IReadOnlyList<DocumentForm>, RelatedForms, Rulebook, IEnumerable<(int Index, Finding Finding)>> Run)> Rules { get; } =
    [
        (CheckCodes.TargetBelowLastActual, TargetsBelowLastActual),
        (CheckCodes.IndicatorDropped, (s, r, b) => AgainstApprovedTargets(s, r, b, dropped: true)),
        (CheckCodes.TargetChanged, (s, r, b) => AgainstApprovedTargets(s, r, b, dropped: false)),
        (CheckCodes.DepartmentProjectsMismatch, DepartmentAgainstProjects),
        (CheckCodes.BasicDataMismatch, BasicDataAgainstDepartment),
        (CheckCodes.SatisfactionAlwaysHigh, SatisfactionAlwaysHigh),
        (CheckCodes.IndicatorsCopied, IndicatorsCopied),
    ];

    private static bool IsProject(PerformanceForm f) => f.Kind is FormKind.ProjectSelfEvaluation or FormKind.Targets or FormKind.Monitoring;

    /// <summary>The first related form of <paramref name="kind"/> and <paramref name="year"/> about the same project, with how it was matched.</summary>
    private static (DocumentForm Form, string How)? Related(PerformanceForm subject, RelatedForms related, FormKind kind, int year)
    {
        foreach (var (r, how) in related.SameProject(subject))
            if (r.Form.Kind == kind && r.Form.Year == year) return (r, how);
        return null;
    }

    /// <summary>Rows by indicator; a name that occurs twice in a form is left out (which row is meant cannot be told).</summary>
    private static Dictionary<string, (IndicatorRow Row, int Index)> ByIndicator(PerformanceForm form)
    {
        var rows = new Dictionary<string, (IndicatorRow, int)>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            if (ProjectIdentity.IndicatorKey(form.Indicators[i]) is not { } key) continue;
            if (!rows.TryAdd(key, (form.Indicators[i], i))) twice.Add(key);
        }
        foreach (var key in twice) rows.Remove(key);
        return rows;
    }

    private static string Where(DocumentForm form) =>
        $"{form.Document}中的{ProjectIdentity.Year(form.Form)}{form.Form.Kind.ChineseName()}" + (form.Form.Project is { } p ? $"“{Locations.Clean(p)}”" : "");

    /// <summary>
    /// A target of this year set below what the same indicator reached last year (a ≥ target under last year's actual, a ≤
    /// target above it): a target the unit has already met needs no effort (§2.5: targets are reviewed for ambition).
    /// Only explicit ≥ / ≤ targets: a bare or = number counts a fact of the year (村干部 42 人), not an ambition.
    /// </summary>
    private static IEnumerable<(int, Finding)> TargetsBelowLastActual(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (!IsProject(form) || form.Year is not { } year || Related(form, related, FormKind.ProjectSelfEvaluation, year - 1) is not { } last) continue;
            var context = new CheckContext(form, rulebook);
            var lastContext = new CheckContext(last.Form.Form, rulebook);
            var lastRows = ByIndicator(last.Form.Form);
            foreach (var (key, (row, index)) in ByIndicator(form))
            {
                if (!lastRows.TryGetValue(key, out var before) || context.IsDoubtful(row.Source, CellRole.Target) || lastContext.IsDoubtful(before.Row.Source, CellRole.Actual)) continue;
                var target = context.Parse(row.Target);
                var actual = context.Parse(before.Row.Actual);
                if (target.Kind != ValueKind.Quantity || actual.Kind != ValueKind.Quantity || target.Factors.Count > 0 || actual.Factors.Count > 0
                    || actual.Comparator != Comparator.None || target.Unit != actual.Unit || target.Number is not { } a || actual.Number is not { } b) continue;
                var lower = target.Comparator is Comparator.AtLeast or Comparator.GreaterThan && a < b;
                var higher = target.Comparator is Comparator.AtMost or Comparator.LessThan && a > b;
                if (!lower && !higher) continue;
                var label = Locations.Label(row);
                var relation = lower ? "低于" : "高于";
                yield return (i, new Finding(
                    CheckCodes.TargetBelowLastActual, Severity.Warning,
                    $"“{label}”的{year}年目标{target}{relation}上年实际完成值{actual.NumberText()}（{Where(last.Form)}，按{last.How}匹配）：目标已经达到，没有挑战性。",
                    $"{label}: the {year} target {target} is {(lower ? "below" : "above")} last year's actual {actual.NumberText()}; it was already met.",
                    Locations.Indicator(row, index, "年度指标值"),
                    target.ToString(), (lower ? "≥" : "≤") + actual.NumberText(),
                    $"上年实际 {actual.NumberText()}（{last.Form.Document}，{ProjectIdentity.Year(last.Form.Form)}）{(lower ? ">" : "<")} 本年目标 {target.NumberText()}",
                    FormReference.Of(last.Form)));
            }
        }
    }

    /// <summary>
    /// A self-evaluation against the targets approved for the same project and year (§2.5: targets are approved with the
    /// budget): an approved indicator left out, or its 年度指标值 changed. Either needs an approved adjustment.
    /// </summary>
    private static IEnumerable<(int, Finding)> AgainstApprovedTargets(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook, bool dropped)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (form.Kind != FormKind.ProjectSelfEvaluation || form.Year is not { } year || Related(form, related, FormKind.Targets, year) is not { } approved) continue;
            var context = new CheckContext(form, rulebook);
            var rows = ByIndicator(form);
            var approvedForm = approved.Form.Form;
            // A table cut off may have the indicator further down: a missing one is certain only in a whole table.
            var whole = !form.Incomplete && !context.SumIsDoubtful(FormBlock.Indicators, CellRole.Name);
            foreach (var (key, (target, _)) in ByIndicator(approvedForm))
            {
                if (string.IsNullOrWhiteSpace(target.Target)) continue;
                var label = Locations.Label(target);
                if (!rows.TryGetValue(key, out var own))
                {
                    if (!dropped || !whole) continue;
                    yield return (i, new Finding(
                        CheckCodes.IndicatorDropped, Severity.Warning,
                        $"批复的绩效目标中有指标“{label}”（{target.Target}），自评表中没有该指标（{Where(approved.Form)}，按{approved.How}匹配）。删减批复指标须有批准的调整。",
                        $"{label}: approved with the targets ({target.Target}) but missing from the self-evaluation.",
                        new FindingLocation(Blocks.Indicators, null, "三级指标", label),
                        null, label, $"批复目标 {approved.Form.Document}：{label} {target.Target}", FormReference.Of(approved.Form)));
                    continue;
                }
                if (dropped || context.IsDoubtful(own.Row.Source, CellRole.Target)) continue;
                var before = context.Parse(target.Target);
                var now = context.Parse(own.Row.Target);
                if (now.Kind == ValueKind.Empty || SameTarget(before, now)) continue;
                yield return (i, new Finding(
                    CheckCodes.TargetChanged, Severity.Warning,
                    $"“{label}”的年度指标值为“{own.Row.Target}”，批复的绩效目标为“{target.Target}”（{Where(approved.Form)}，按{approved.How}匹配）。调整指标值须有批准的调整。",
                    $"{label}: the target \"{own.Row.Target}\" differs from the approved \"{target.Target}\".",
                    Locations.Indicator(own.Row, own.Index, "年度指标值"),
                    own.Row.Target, target.Target, $"批复目标 {approved.Form.Document}：{label} {target.Target}", FormReference.Of(approved.Form)));
            }
        }
    }

    /// <summary>Two targets that ask the same: the same comparator, number and unit, or the same words.</summary>
    private static bool SameTarget(IndicatorValue a, IndicatorValue b) =>
        a.IsQuantitative && b.IsQuantitative
            ? a.Kind == b.Kind && a.Number == b.Number && a.UpperNumber == b.UpperNumber && a.Unit == b.Unit && Normal(a.Comparator) == Normal(b.Comparator)
            : ProjectIdentity.Key(a.Text) == ProjectIdentity.Key(b.Text);

    // A bare number and = ask the same.
    private static Comparator Normal(Comparator c) => c == Comparator.None ? Comparator.EqualTo : c;

    /// <summary>
    /// A department's 项目支出 against the projects of the same unit and year read with it: the projects' 全年执行数 (and
    /// 全年预算数) cannot add up to more than the department's 项目支出 (§2.2: the department table covers all its projects).
    /// Fewer is possible (not every project is in hand), so only more is reported.
    /// </summary>
    private static IEnumerable<(int, Finding)> DepartmentAgainstProjects(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (form.Kind != FormKind.DepartmentSelfEvaluation || form.Year is not { } year || form.MoneyUnit is not { } unit) continue;
            var projectRow = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Structure && Locations.Clean(r.Label).Contains("项目支出", StringComparison.Ordinal));
            if (projectRow is null) continue;
            var context = new CheckContext(form, rulebook);
            if (context.IsDoubtful(projectRow.Source, CellRole.Budget, CellRole.Executed)) continue;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var projects = new List<(PerformanceForm Form, FundsRow Total, DocumentForm Document)>();
            foreach (var r in related.SameUnit(form))
            {
                var p = r.Form;
                if (p.Kind != FormKind.ProjectSelfEvaluation || p.Year != year || p.MoneyUnit is null) continue;
                if (p.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total) is not { } total) continue;
                if (Sets.DuplicateFormRule.Identity(p) is not { } identity || !seen.Add(identity)) continue;
                if (new CheckContext(p, rulebook).IsDoubtful(total.Source, CellRole.Budget, CellRole.Executed)) continue;
                projects.Add((p, total, r));
            }
            if (projects.Count == 0) continue;
            foreach (var (name, get) in new (string, Func<FundsRow, decimal?>)[] { ("全年执行数", r => r.Executed), ("全年预算数", r => r.Budget) })
            {
                if (get(projectRow) is not { } whole || !DomainRanges.IsAmount(whole)) continue;
                var parts = projects.Where(p => get(p.Total) is { } v && DomainRanges.IsAmount(v)).ToList();
                if (parts.Count == 0) continue;
                var sum = parts.Sum(p => p.Form.MoneyUnit!.Value.ToYuan(get(p.Total)!.Value));
                var wholeYuan = unit.ToYuan(whole);
                // Each printed amount may hide half a unit of its last digit, in its own money unit.
                var tolerance = unit.ToYuan(Numbers.HalfUnit(Numbers.Decimals(whole))) + parts.Sum(p => p.Form.MoneyUnit!.Value.ToYuan(Numbers.HalfUnit(Numbers.Decimals(get(p.Total)!.Value))));
                if (sum - wholeYuan <= tolerance) continue;
                var terms = string.Join(" + ", parts.Select(p => $"{Locations.Clean(p.Form.Project ?? "")} {Numbers.Format(get(p.Total)!.Value)}{p.Form.MoneyUnit!.Value.Symbol()}"));
                yield return (i, new Finding(
                    CheckCodes.DepartmentProjectsMismatch, Severity.Error,
                    $"部门整体支出表的项目支出{name}为{Numbers.Format(whole)}{unit.Symbol()}，而同一单位{year}年的{parts.Count}个项目自评表{name}合计{Numbers.Plain(sum)}元，超过部门项目支出{Numbers.Plain(sum - wholeYuan)}元。",
                    $"The department's 项目支出 {name} {Numbers.Format(whole)} is less than the sum of its {parts.Count} projects' ({Numbers.Plain(sum)} 元).",
                    Locations.Funds(projectRow, name),
                    Numbers.Format(whole) + unit.Symbol(), "≥ " + Numbers.Plain(sum) + "元",
                    $"{terms} = {Numbers.Plain(sum)}元",
                    // Several forms: the reference names the set (the unit's project self-evaluations of the year).
                    parts.Count == 1 ? FormReference.Of(parts[0].Document) : new FormReference(FormKind.ProjectSelfEvaluation, year, null, null)));
            }
        }
    }

    /// <summary>
    /// The basic data table against the department-wide table of the same unit and year (§2.2, §2.3): both print the
    /// 项目支出 budget and its execution (本年预算数 / 本年决算数 against 全年预算数 / 全年执行数) from the same accounts.
    /// Reported on the basic data table when it is under check, else on the department table.
    /// </summary>
    private static IEnumerable<(int, Finding)> BasicDataAgainstDepartment(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (form.Kind is not (FormKind.DepartmentBasicData or FormKind.DepartmentSelfEvaluation) || form.Year is not { } year) continue;
            var otherKind = form.Kind == FormKind.DepartmentBasicData ? FormKind.DepartmentSelfEvaluation : FormKind.DepartmentBasicData;
            var other = related.SameUnit(form).FirstOrDefault(r => r.Form.Kind == otherKind && r.Form.Year == year);
            if (other is null) continue;
            // Both under check: the basic data table carries the finding, once.
            if (form.Kind == FormKind.DepartmentSelfEvaluation && subjects.Any(s => ReferenceEquals(s.Form, other.Form))) continue;
            var (basic, department) = form.Kind == FormKind.DepartmentBasicData ? (form, other.Form) : (other.Form, form);
            // A table that does not say its money unit (the Hunan basic data table prints none) may be in either: a
            // difference is reported only when no reading of the units makes the two agree.
            MoneyUnit[] either = [MoneyUnit.Yuan, MoneyUnit.TenThousandYuan];
            var basicUnits = basic.MoneyUnit is { } bu ? [bu] : either;
            var deptUnits = department.MoneyUnit is { } du ? [du] : either;
            var basicRow = basic.BasicData.FirstOrDefault(r => r.Depth == 0 && Locations.Clean(r.Label).EndsWith("项目支出", StringComparison.Ordinal));
            var deptRow = department.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Structure && Locations.Clean(r.Label).EndsWith("项目支出", StringComparison.Ordinal));
            if (basicRow is null || deptRow is null) continue;
            if (new CheckContext(basic, rulebook).IsDoubtful(basicRow.Source, CellRole.Budget, CellRole.Final)
                || new CheckContext(department, rulebook).IsDoubtful(deptRow.Source, CellRole.Budget, CellRole.Executed)) continue;
            foreach (var (basicName, b, deptName, d) in new[] { ("本年预算数", basicRow.Budget, "全年预算数", deptRow.Budget), ("本年决算数", basicRow.Final, "全年执行数", deptRow.Executed) })
            {
                if (b is not { } bv || d is not { } dv || !DomainRanges.IsAmount(bv) || !DomainRanges.IsAmount(dv)) continue;
                if (basicUnits.Any(bu2 => deptUnits.Any(du2 => Agree(bv, bu2, dv, du2)))) continue;
                var (basicUnit, deptUnit) = (basicUnits[^1], deptUnits[^1]);
                var by = basicUnit.ToYuan(bv);
                var dy = deptUnit.ToYuan(dv);
                var onBasic = ReferenceEquals(form, basic);
                yield return (i, new Finding(
                    CheckCodes.BasicDataMismatch, Severity.Error,
                    $"基础数据表的项目支出{basicName}为{Numbers.Format(bv)}{basicUnit.Symbol()}，部门整体支出绩效自评表的项目支出{deptName}为{Numbers.Format(dv)}{deptUnit.Symbol()}，两表同出一套账，应当一致（相差{Numbers.Plain(Math.Abs(by - dy))}元）。",
                    $"The basic data table's 项目支出 {basicName} {Numbers.Format(bv)} differs from the department table's {deptName} {Numbers.Format(dv)}.",
                    onBasic ? new FindingLocation(Blocks.BasicData, basicRow.Source?.Row, basicName, Locations.Clean(basicRow.Label)) : Locations.Funds(deptRow, deptName),
                    onBasic ? Numbers.Format(bv) + basicUnit.Symbol() : Numbers.Format(dv) + deptUnit.Symbol(),
                    onBasic ? Numbers.Format(dv) + deptUnit.Symbol() : Numbers.Format(bv) + basicUnit.Symbol(),
                    $"{other.Document}：{(onBasic ? deptName : basicName)} {Numbers.Format(onBasic ? dv : bv)}{(onBasic ? deptUnit : basicUnit).Symbol()} = {Numbers.Plain(onBasic ? dy : by)}元；本表 {Numbers.Plain(onBasic ? by : dy)}元",
                    FormReference.Of(other)));
            }
        }
    }

    /// <summary>Two printed amounts in their units agree within half a unit of the last digit of each.</summary>
    private static bool Agree(decimal a, MoneyUnit unitA, decimal b, MoneyUnit unitB) =>
        Math.Abs(unitA.ToYuan(a) - unitB.ToYuan(b)) <= unitA.ToYuan(Numbers.HalfUnit(Numbers.Decimals(a))) + unitB.ToYuan(Numbers.HalfUnit(Numbers.Decimals(b)));

    /// <summary>
    /// A satisfaction indicator at or above the rulebook's ceiling in this year and in every earlier year in hand (at least
    /// the rulebook's number of years in all): a credibility hint, surveys that always say the same measure little.
    /// </summary>
    private static IEnumerable<(int, Finding)> SatisfactionAlwaysHigh(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook)
    {
        var settings = rulebook.Checks;
        if (settings.SatisfactionYears < 2) yield break;
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (form.Kind != FormKind.ProjectSelfEvaluation || form.Year is not { } year) continue;
            var earlier = related.SameProject(form).Select(m => m.Form).Where(r => r.Form.Kind == FormKind.ProjectSelfEvaluation && r.Form.Year < year)
                .GroupBy(r => r.Form.Year).Select(g => g.First()).OrderBy(r => r.Form.Year).ToList();
            if (earlier.Count + 1 < settings.SatisfactionYears) continue;
            var context = new CheckContext(form, rulebook);
            foreach (var (key, (row, index)) in ByIndicator(form))
            {
                if (!IsSatisfaction(row) || Percent(context, row.Actual) is not { } now || now < settings.SatisfactionCeiling) continue;
                var history = new List<(int Year, decimal Value)>();
                foreach (var e in earlier)
                    if (ByIndicator(e.Form).TryGetValue(key, out var then) && Percent(context, then.Row.Actual) is { } v) history.Add((e.Form.Year!.Value, v));
                if (history.Count != earlier.Count || history.Any(h => h.Value < settings.SatisfactionCeiling)) continue;
                var series = string.Join("，", history.Select(h => $"{h.Year}年{Numbers.Plain(h.Value)}%").Append($"{year}年{Numbers.Plain(now)}%"));
                yield return (i, new Finding(
                    CheckCodes.SatisfactionAlwaysHigh, Severity.Info,
                    $"“{Locations.Label(row)}”连续{history.Count + 1}年不低于{Numbers.Plain(settings.SatisfactionCeiling)}%（{series}），请核实调查方法与样本。",
                    $"{Locations.Label(row)}: satisfaction at or above {Numbers.Plain(settings.SatisfactionCeiling)}% in each of {history.Count + 1} years.",
                    Locations.Indicator(row, index, "实际完成值"),
                    row.Actual, null, series, FormReference.Of(earlier[^1])));
            }
        }
    }

    private static bool IsSatisfaction(IndicatorRow row) =>
        (row.Level1 ?? "").Contains("满意度", StringComparison.Ordinal) || (row.Level2 ?? "").Contains("满意度", StringComparison.Ordinal) || (row.Name ?? "").Contains("满意", StringComparison.Ordinal);

    private static decimal? Percent(CheckContext context, string? text) =>
        context.Parse(text) is { Kind: ValueKind.Quantity, Unit: "%", Comparator: Comparator.None, Number: { } n } ? n : null;

    /// <summary>
    /// Two different projects of the forms under check with the same whole indicator set (every name, target and actual
    /// alike, covering every 一级 indicator of the rulebook's tree): indicators copied rather than set for the project.
    /// </summary>
    private static IEnumerable<(int, Finding)> IndicatorsCopied(IReadOnlyList<DocumentForm> subjects, RelatedForms related, Rulebook rulebook)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < subjects.Count; i++)
        {
            var form = subjects[i].Form;
            if (form.Kind is not (FormKind.ProjectSelfEvaluation or FormKind.Targets) || !Credibility.CoversTree(form, rulebook)) continue;
            var signature = form.Kind.Code() + "|" + string.Join("|", form.Indicators.Select(r =>
                $"{ProjectIdentity.IndicatorKey(r)}={ProjectIdentity.Key(r.Target)}={ProjectIdentity.Key(r.Actual)}"));
            if (!first.TryGetValue(signature, out var original))
            {
                first[signature] = i;
                continue;
            }
            var other = subjects[original];
            if (ProjectIdentity.SameProject(related.KeysOf(form), related.KeysOf(other.Form)) is not null || related.KeysOf(form).Name == related.KeysOf(other.Form).Name) continue;
            yield return (i, new Finding(
                CheckCodes.IndicatorsCopied, Severity.Info,
                $"本表{form.Indicators.Count}项绩效指标的名称、指标值和完成值与另一项目“{Locations.Clean(other.Form.Project ?? "")}”（{other.Document}）完全相同：指标应按项目各自设定。",
                $"The {form.Indicators.Count} indicators are identical to those of another project ({other.Form.Project}).",
                new FindingLocation(Blocks.Indicators, null, null, null),
                null, null, $"{other.Document}：{Locations.Clean(other.Form.Project ?? "")}", FormReference.Of(other)));
        }
    }
}

/// <summary>
/// The forms compared with, indexed once per check: by project code, by project name and by unit, so that finding a
/// form's earlier years or its department's tables costs a lookup, not a pass over every form read (a province's batch).
/// </summary>
internal sealed class RelatedForms
{
    private readonly Dictionary<PerformanceForm, ProjectIdentity.Keys> _keys = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<DocumentForm>> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DocumentForm>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DocumentForm>> _byUnit = new(StringComparer.Ordinal);

    public RelatedForms(IReadOnlyList<DocumentForm> forms)
    {
        foreach (var f in forms)
        {
            if (_keys.ContainsKey(f.Form)) continue;
            var keys = ProjectIdentity.Keys.Of(f.Form);
            _keys[f.Form] = keys;
            if (keys.Code is not null) Add(_byCode, keys.Code, f);
            if (keys.Name.Length > 0) Add(_byName, keys.Name, f);
            if (keys.Unit.Length > 0) Add(_byUnit, keys.Unit, f);
        }

        static void Add(Dictionary<string, List<DocumentForm>> index, string key, DocumentForm form)
        {
            if (!index.TryGetValue(key, out var list)) index[key] = list = [];
            list.Add(form);
        }
    }

    public ProjectIdentity.Keys KeysOf(PerformanceForm form) =>
        _keys.TryGetValue(form, out var keys) ? keys : ProjectIdentity.Keys.Of(form);

    /// <summary>The other forms about the same project as <paramref name="subject"/> (same code first, then same name), with how each matched.</summary>
    public IEnumerable<(DocumentForm Form, string How)> SameProject(PerformanceForm subject)
    {
        var keys = KeysOf(subject);
        var seen = new HashSet<PerformanceForm>(ReferenceEqualityComparer.Instance) { subject };
        foreach (var index in new[] { keys.Code is null ? null : _byCode.GetValueOrDefault(keys.Code), keys.Name.Length == 0 ? null : _byName.GetValueOrDefault(keys.Name) })
        {
            if (index is null) continue;
            foreach (var r in index)
                if (seen.Add(r.Form) && ProjectIdentity.SameProject(keys, KeysOf(r.Form)) is { } how) yield return (r, how);
        }
    }

    /// <summary>The other forms of the same unit as <paramref name="subject"/>.</summary>
    public IEnumerable<DocumentForm> SameUnit(PerformanceForm subject)
    {
        var unit = KeysOf(subject).Unit;
        if (unit.Length == 0 || !_byUnit.TryGetValue(unit, out var list)) yield break;
        foreach (var r in list)
            if (!ReferenceEquals(r.Form, subject)) yield return r;
    }
}
