using Jixiao.Core.Checks.Funds;
using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Checks.Sets;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// A narrative report against the tables of the same unit and year read with it (§2.6, §4): its overall 完成率 against
/// the department-wide table's execution rate, its 总分 against the tables' 总分, its 等级 against the band of that 总分,
/// its 支出总额 against the table's 全年执行数. Tables match a report by unit (one name containing the other, layout
/// ignored) and year, or by sitting in the same document when the report names no unit.
/// </summary>
public static class ReportTableRule
{
    public static IEnumerable<(int Index, Finding Finding)> Check(IReadOnlyList<DocumentForm> forms, Rulebook rulebook) =>
        Check(forms, forms.Select(f => new CheckContext(f.Form, rulebook)).ToList());

    /// <summary>The same, reusing the contexts (and the report sentences already extracted in them) of a checker run.</summary>
    internal static IEnumerable<(int Index, Finding Finding)> Check(IReadOnlyList<DocumentForm> forms, IReadOnlyList<CheckContext> contexts) =>
        Check(forms, contexts, forms);

    /// <summary>
    /// The same with the tables taken from <paramref name="related"/>: the forms under check and the history handed in
    /// (the web app checks one report against the unit's stored tables).
    /// </summary>
    internal static IEnumerable<(int Index, Finding Finding)> Check(IReadOnlyList<DocumentForm> forms, IReadOnlyList<CheckContext> contexts, IReadOnlyList<DocumentForm> related)
    {
        for (var i = 0; i < forms.Count; i++)
        {
            var report = forms[i];
            if (report.Form.Kind != FormKind.Report || string.IsNullOrWhiteSpace(report.Form.Text)) continue;
            var tables = related.Where(f => f.Form.Kind is FormKind.DepartmentSelfEvaluation or FormKind.ProjectSelfEvaluation && SameUnitAndYear(report, f)).ToList();
            if (tables.Count == 0) continue;
            var sentences = contexts[i].ReportSentences;
            var rulebook = contexts[i].Rulebook;
            foreach (var f in Rates(sentences, tables, rulebook)) yield return (i, f);
            foreach (var f in Scores(sentences, tables, rulebook)) yield return (i, f);
            foreach (var f in Spending(sentences, tables)) yield return (i, f);
            foreach (var f in Structure(sentences, tables)) yield return (i, f);
        }
    }

    internal static bool SameUnitAndYear(DocumentForm report, DocumentForm table)
    {
        var r = report.Form;
        var t = table.Form;
        if (r.Year is { } ry && t.Year is { } ty && ry != ty) return false;
        var ru = DuplicateFormRule.Compact(r.Unit ?? r.Department);
        var tu = DuplicateFormRule.Compact(t.Unit ?? t.Department);
        if (ru.Length > 0 && tu.Length > 0)
            return (ru.Contains(tu, StringComparison.Ordinal) || tu.Contains(ru, StringComparison.Ordinal)) && (r.Year is not null && t.Year is not null || report.Document == table.Document);
        return report.Document == table.Document;
    }

    private static IEnumerable<Finding> Rates(IReadOnlyList<ReportSentence> sentences, List<DocumentForm> tables, Rulebook rulebook)
    {
        var department = tables.FirstOrDefault(t => t.Form.Kind == FormKind.DepartmentSelfEvaluation);
        if (department is null) yield break;
        var form = department.Form;
        var row = ExecutionRates.WholeRows(form).FirstOrDefault(r => ExecutionRates.Fraction(form, r, rulebook) is not null);
        if (row is null) yield break;
        var exact = ExecutionRates.Fraction(form, row, rulebook)!.Value;
        var a = ExecutionRates.Base(form, row)!.Value;
        var b = row.Executed!.Value - (ExecutionRates.Transfer(row, rulebook) ?? 0m);
        var interval = Ratio.Interval(b, Numbers.HalfUnit(Numbers.Decimals(row.Executed!.Value)), a, Numbers.HalfUnit(Numbers.Decimals(a)));
        foreach (var s in sentences)
            foreach (var p in s.Figures)
            {
                if (!ReportArithmeticRule.IsOverallRate(s, p)) continue;
                var statedInTable = row.StatedRate is { } st && DomainRanges.IsPercentage(st) && Ratio.Explains(p, (st.Fraction - Numbers.HalfUnit(st.Decimals) / 100m, st.Fraction + Numbers.HalfUnit(st.Decimals) / 100m));
                if (statedInTable || Ratio.Explains(p, interval)) continue;
                var computed = Ratio.Percent(exact, p.Decimals);
                var formula = ExecutionRates.Formula(form, row, rulebook);
                var printed = row.StatedRate is { } sr ? $"（表中填报{sr}）" : "";
                yield return new Finding(
                    CheckCodes.ReportTableMismatch, Severity.Error,
                    $"报告称“{p.Label}{p.Printed}%”，与同单位同年度的{form.Kind.ChineseName()}不符：表中执行率按{formula}{form.MoneyUnit?.Symbol()}计算为{computed}{printed}。",
                    $"The report's completion rate {p.Printed}% contradicts the department-wide table: {formula} = {computed}.",
                    new FindingLocation(Blocks.Report, s.Number + 1, p.Label, ReportArithmeticRule.Excerpt(s.Text)),
                    p.Printed + "%", computed,
                    $"{Name(department)}：{formula} = {computed}{printed}；比较时容许表中金额按其打印精度舍入", FormReference.Of(department));
            }
    }

    private static IEnumerable<Finding> Scores(IReadOnlyList<ReportSentence> sentences, List<DocumentForm> tables, Rulebook rulebook)
    {
        // A total no form could state is reported on its table (value-out-of-range) and compared with nothing.
        var totals = tables.Where(t => t.Form.StatedTotal is { } total && DomainRanges.IsScore(total)).ToList();
        if (totals.Count == 0) yield break;
        var main = totals.FirstOrDefault(t => t.Form.Kind == FormKind.DepartmentSelfEvaluation) ?? totals[0];
        foreach (var s in sentences)
            foreach (var f in s.Figures)
            {
                if (f.Kind == FigureKind.Score && ReportArithmeticRule.IsTotalScore(f.Label))
                {
                    if (totals.Any(t => Math.Abs(t.Form.StatedTotal!.Value - f.Value) <= Numbers.HalfUnit(Math.Min(f.Decimals, Numbers.Decimals(t.Form.StatedTotal!.Value))))) continue;
                    var table = Numbers.Format(main.Form.StatedTotal!.Value);
                    yield return new Finding(
                        CheckCodes.ReportTableMismatch, Severity.Error,
                        $"报告称“{f.Label}{f.Printed}分”，而同单位同年度{main.Form.Kind.ChineseName()}的总分为{table}。",
                        $"The report states a score of {f.Printed}; the table's total is {table}.",
                        new FindingLocation(Blocks.Report, s.Number + 1, "总分", ReportArithmeticRule.Excerpt(s.Text)),
                        f.Printed, table, $"{Name(main)}：总分 {table}", FormReference.Of(main));
                }
                if (f.Kind == FigureKind.Grade)
                {
                    var total = main.Form.StatedTotal!.Value;
                    var tableGrade = main.Form.StatedGrade is { } g && GradeMismatchRule.Normalize(g) is not null ? g : rulebook.GradeFor(rulebook.Round(total)).Grade;
                    if (GradeMismatchRule.Normalize(tableGrade) == GradeMismatchRule.Normalize(f.Grade!)) continue;
                    yield return new Finding(
                        CheckCodes.ReportTableMismatch, Severity.Error,
                        $"报告所述等级“{f.Grade}”与同单位同年度{main.Form.Kind.ChineseName()}不符：表中总分{Numbers.Format(total)}，等级应为“{tableGrade}”。",
                        $"The report's grade {f.Grade} contradicts the table: total {Numbers.Format(total)} gives {tableGrade}.",
                        new FindingLocation(Blocks.Report, s.Number + 1, "等级", ReportArithmeticRule.Excerpt(s.Text)),
                        f.Grade, tableGrade, $"{Name(main)}：总分 {Numbers.Format(total)} → {tableGrade}", FormReference.Of(main));
                }
            }
    }

    /// <summary>"支出总额1112.50万元" against the department-wide table's whole 全年执行数, in 万元 at the coarser precision.</summary>
    private static IEnumerable<Finding> Spending(IReadOnlyList<ReportSentence> sentences, List<DocumentForm> tables)
    {
        var department = tables.FirstOrDefault(t => t.Form.Kind == FormKind.DepartmentSelfEvaluation);
        if (department?.Form is not { MoneyUnit: { } unit } form) yield break;
        var rows = ExecutionRates.WholeRows(form).ToList();
        if (rows.Count != 1 || rows[0].Executed is not { } executed || !DomainRanges.IsAmount(executed)) yield break;
        var tableWan = unit == MoneyUnit.Yuan ? executed / 10_000m : executed;
        var tableHalf = Numbers.HalfUnit(Numbers.Decimals(executed)) / (unit == MoneyUnit.Yuan ? 10_000m : 1m);
        foreach (var s in sentences)
            foreach (var f in s.Figures)
            {
                if (f.Kind != FigureKind.Amount) continue;
                if (!(f.Label.Contains("支出总额", StringComparison.Ordinal) || f.Label.Contains("支出合计", StringComparison.Ordinal) || f.Label.Contains("总支出", StringComparison.Ordinal))) continue;
                if (f.Label.Contains("上年", StringComparison.Ordinal) || f.Label.Contains("预算", StringComparison.Ordinal) || ReportArithmeticRule.IsChangeLabel(f.Label)) continue;
                if (Math.Abs(f.Wan - tableWan) <= f.WanHalfUnit + tableHalf) continue;
                yield return new Finding(
                    CheckCodes.ReportTableMismatch, Severity.Error,
                    $"报告称“{f.Label}{f.Printed}{f.Unit}”，而同单位同年度{form.Kind.ChineseName()}的全年执行数为{Numbers.Format(executed)}{unit.Symbol()}。",
                    $"The report states total spending of {f.Printed}{f.Unit}; the table's 全年执行数 is {Numbers.Format(executed)}{unit.Symbol()}.",
                    new FindingLocation(Blocks.Report, s.Number + 1, "支出总额", ReportArithmeticRule.Excerpt(s.Text)),
                    f.Printed + f.Unit, Numbers.Format(executed) + unit.Symbol(), $"{Name(department)}：{Locations.Clean(rows[0].Label)} 全年执行数", FormReference.Of(department));
            }
    }

    /// <summary>
    /// "基本支出162.53万元" / "项目支出949.97万元" against the department-wide table's 资金结构 rows (全年执行数). Only amounts
    /// whose clause ends with the row's name count, so "项目支出预算" or "项目支出中商品和服务支出" are not compared.
    /// </summary>
    private static IEnumerable<Finding> Structure(IReadOnlyList<ReportSentence> sentences, List<DocumentForm> tables)
    {
        var department = tables.FirstOrDefault(t => t.Form.Kind == FormKind.DepartmentSelfEvaluation);
        if (department?.Form is not { MoneyUnit: { } unit } form) yield break;
        foreach (var name in new[] { "基本支出", "项目支出" })
        {
            var row = form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Structure && Locations.Clean(r.Label).Contains(name, StringComparison.Ordinal));
            if (row?.Executed is not { } executed || !DomainRanges.IsAmount(executed)) continue;
            var tableWan = unit == MoneyUnit.Yuan ? executed / 10_000m : executed;
            var tableHalf = Numbers.HalfUnit(Numbers.Decimals(executed)) / (unit == MoneyUnit.Yuan ? 10_000m : 1m);
            foreach (var s in sentences)
                foreach (var f in s.Figures)
                {
                    if (f.Kind != FigureKind.Amount || !NamesOnly(f.Label, name) || OtherYear(f.Label, form.Year)) continue;
                    if (Math.Abs(f.Wan - tableWan) <= f.WanHalfUnit + tableHalf) continue;
                    yield return new Finding(
                        CheckCodes.ReportTableMismatch, Severity.Error,
                        $"报告称“{f.Label}{f.Printed}{f.Unit}”，而同单位同年度{form.Kind.ChineseName()}中“{Locations.Clean(row.Label)}”的全年执行数为{Numbers.Format(executed)}{unit.Symbol()}。",
                        $"The report states {name} of {f.Printed}{f.Unit}; the table's {name} 全年执行数 is {Numbers.Format(executed)}{unit.Symbol()}.",
                        new FindingLocation(Blocks.Report, s.Number + 1, name, ReportArithmeticRule.Excerpt(s.Text)),
                        f.Printed + f.Unit, Numbers.Format(executed) + unit.Symbol(), $"{Name(department)}：{Locations.Clean(row.Label)} 全年执行数", FormReference.Of(department));
                }
        }
    }

    /// <summary>A clause that ends with the name (after dropping 为 / 是 / 共计 / 合计 / 支出了), with no budget, prior-year or change word.</summary>
    private static bool NamesOnly(string label, string name)
    {
        // On a span: every amount of the report is tried against both names, and cutting strings was most of this rule's time.
        var l = label.AsSpan().TrimEnd("为是：:了");
        foreach (var tail in Tails) if (l.EndsWith(tail, StringComparison.Ordinal)) l = l[..^tail.Length];
        if (!l.EndsWith(name, StringComparison.Ordinal)) return false;
        foreach (var word in NotTheWhole)
            if (l.Contains(word, StringComparison.Ordinal)) return false;
        return true;
    }

    private static readonly string[] Tails = ["共计", "合计", "总计", "实际"];

    private static readonly string[] NotTheWhole = ["预算", "年初", "上年", "去年", "同期", "比", "较", "增", "减", "超"];

    /// <summary>"2019年项目支出" in a report on 2020 is last year's figure, not the table's.</summary>
    private static bool OtherYear(string label, int? year)
    {
        for (var at = label.IndexOf("20", StringComparison.Ordinal); at >= 0 && at + 4 <= label.Length; at = label.IndexOf("20", at + 1, StringComparison.Ordinal))
            if (label.AsSpan(at, 4).ToString().All(char.IsAsciiDigit) && year is { } y && label.Substring(at, 4) != y.ToString(System.Globalization.CultureInfo.InvariantCulture))
                return true;
        return false;
    }

    private static string Name(DocumentForm table) =>
        table.Form.Kind.ChineseName() + (table.Form.Unit is { } u ? $"（{Locations.Clean(u)}）" : "");
}
