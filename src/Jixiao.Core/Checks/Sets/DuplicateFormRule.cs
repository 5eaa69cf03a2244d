using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Sets;

/// <summary>
/// The same form twice in what was read (published twice, sometimes with small differences): same kind, year, unit and
/// project. Reported on each later copy, naming the first one and every field where the two differ. Differences of
/// layout only (line breaks, spaces, full- or half-width punctuation) are not differences.
/// </summary>
public static class DuplicateFormRule
{
    /// <summary>At most this many differences are spelled out; the count says how many there are.</summary>
    private const int ShownDifferences = 6;

    public static IEnumerable<(int Index, Finding Finding)> Check(IReadOnlyList<DocumentForm> forms)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < forms.Count; i++)
        {
            if (Identity(forms[i].Form) is not { } key) continue;
            if (!first.TryGetValue(key, out var original))
            {
                first[key] = i;
                continue;
            }
            yield return (i, Make(forms[original], forms[i]));
        }
    }

    /// <summary>Kind + year + unit + project, compared without layout; null when the form names too little to tell.</summary>
    internal static string? Identity(PerformanceForm form)
    {
        var project = Compact(form.Project);
        var unit = Compact(form.Unit ?? form.Department);
        var named = form.Kind switch
        {
            FormKind.ProjectSelfEvaluation or FormKind.Monitoring or FormKind.Targets or FormKind.ExAnteAssessment or FormKind.Evaluation => project.Length > 0,
            FormKind.DepartmentSelfEvaluation or FormKind.DepartmentBasicData or FormKind.Report => unit.Length > 0,
        };
        if (!named) return null;
        return string.Join("|", form.Kind.Code(), form.Year?.ToString(CultureInfo.InvariantCulture) ?? "", unit, project);
    }

    private static Finding Make(DocumentForm original, DocumentForm copy)
    {
        var differences = Differences(original.Form, copy.Form).ToList();
        var where = original.Document == copy.Document
            ? (original.Form.Source is { } s ? $"本文件{s}" : "本文件前文")
            : $"{Path(original.Document)}" + (original.Form.Source is { } s2 ? $" {s2}" : "");
        var name = Locations.FirstText(copy.Form.Project, copy.Form.Unit) ?? copy.Form.Kind.ChineseName();
        string zh, en;
        if (differences.Count == 0)
        {
            zh = $"“{name}”的{copy.Form.Kind.ChineseName()}重复出现（首次见于{where}），两份内容相同（仅排版或标点不同）。";
            en = $"{name}: the same {copy.Form.Kind.Code()} form appears twice; the copies are identical apart from layout.";
        }
        else
        {
            var shown = string.Join("；", differences.Take(ShownDifferences).Select(d => $"{d.Field}：“{d.First}” / “{d.Second}”"));
            var more = differences.Count > ShownDifferences ? $"等{differences.Count}处" : $"共{differences.Count}处";
            zh = $"“{name}”的{copy.Form.Kind.ChineseName()}重复出现（首次见于{where}），两份内容不同，{more}：{shown}。";
            en = $"{name}: the same {copy.Form.Kind.Code()} form appears twice and the copies differ in {differences.Count} place(s).";
        }
        return new Finding(
            CheckCodes.DuplicateForm, Severity.Warning, zh, en,
            new FindingLocation(Blocks.Form, copy.Form.Source?.Row, null, name),
            differences.Count == 0 ? "内容相同" : $"{differences.Count}处不同", "每张表只出现一次",
            differences.Count == 0 ? "逐项比较：项目、资金、目标、指标、总分均相同" : string.Join("；", differences.Select(d => $"{d.Field}：“{d.First}” / “{d.Second}”")));
    }

    private static string Path(string document)
    {
        var cut = Math.Max(document.LastIndexOf('/'), document.LastIndexOf('\\'));
        return cut >= 0 ? document[(cut + 1)..] : document;
    }

    internal static IEnumerable<(string Field, string First, string Second)> Differences(PerformanceForm a, PerformanceForm b)
    {
        foreach (var d in Compare("主管部门", a.Department, b.Department)) yield return d;
        foreach (var d in Compare("年度总体目标·预期目标", a.PlannedGoal, b.PlannedGoal)) yield return d;
        foreach (var d in Compare("年度总体目标·实际完成情况", a.ActualGoal, b.ActualGoal)) yield return d;
        if (a.Funds.Count != b.Funds.Count) yield return ("资金行数", Num(a.Funds.Count), Num(b.Funds.Count));
        for (var i = 0; i < Math.Min(a.Funds.Count, b.Funds.Count); i++)
        {
            var (x, y) = (a.Funds[i], b.Funds[i]);
            if (x.Budget == y.Budget && x.Executed == y.Executed && x.StatedRate == y.StatedRate && x.StatedScore == y.StatedScore) continue;
            var label = Locations.Clean(x.Label);
            foreach (var d in Compare($"资金“{label}”全年预算数", x.Budget, y.Budget)) yield return d;
            foreach (var d in Compare($"资金“{label}”全年执行数", x.Executed, y.Executed)) yield return d;
            foreach (var d in Compare($"资金“{label}”执行率", x.StatedRate?.ToString(), y.StatedRate?.ToString())) yield return d;
            foreach (var d in Compare($"资金“{label}”得分", x.StatedScore, y.StatedScore)) yield return d;
        }
        if (a.Indicators.Count != b.Indicators.Count) yield return ("指标行数", Num(a.Indicators.Count), Num(b.Indicators.Count));
        for (var i = 0; i < Math.Min(a.Indicators.Count, b.Indicators.Count); i++)
        {
            var (x, y) = (a.Indicators[i], b.Indicators[i]);
            // Copies are mostly identical row for row: the row's label is built only where something may differ.
            if (SameText(x.Level1, y.Level1) && SameText(x.Level2, y.Level2) && SameText(x.Name, y.Name) && SameText(x.Target, y.Target)
                && SameText(x.Actual, y.Actual) && x.Weight == y.Weight && x.StatedScore == y.StatedScore && SameText(x.Explanation, y.Explanation))
                continue;
            var at = $"指标第{i + 1}行（{Locations.Label(x)}）";
            foreach (var d in Compare(at + "一级指标", IndicatorWeights.StripWeight(Compact(x.Level1)), IndicatorWeights.StripWeight(Compact(y.Level1)))) yield return d;
            foreach (var d in Compare(at + "二级指标", x.Level2, y.Level2)) yield return d;
            foreach (var d in Compare(at + "三级指标", x.Name, y.Name)) yield return d;
            foreach (var d in Compare(at + "年度指标值", x.Target, y.Target)) yield return d;
            foreach (var d in Compare(at + "实际完成值", x.Actual, y.Actual)) yield return d;
            foreach (var d in Compare(at + "分值", x.Weight, y.Weight)) yield return d;
            foreach (var d in Compare(at + "得分", x.StatedScore, y.StatedScore)) yield return d;
            foreach (var d in Compare(at + "偏差原因", x.Explanation, y.Explanation)) yield return d;
        }
        foreach (var d in Compare("总分", a.StatedTotal, b.StatedTotal)) yield return d;
        foreach (var d in Compare("等级", a.StatedGrade, b.StatedGrade)) yield return d;
        if (a.BasicData.Count != b.BasicData.Count) yield return ("基础数据行数", Num(a.BasicData.Count), Num(b.BasicData.Count));
        for (var i = 0; i < Math.Min(a.BasicData.Count, b.BasicData.Count); i++)
        {
            var (x, y) = (a.BasicData[i], b.BasicData[i]);
            if (x.PriorYearFinal == y.PriorYearFinal && x.Budget == y.Budget && x.Final == y.Final) continue;
            var at = $"基础数据“{Locations.Clean(x.Label)}”";
            foreach (var d in Compare(at + "上年决算数", x.PriorYearFinal, y.PriorYearFinal)) yield return d;
            foreach (var d in Compare(at + "本年预算数", x.Budget, y.Budget)) yield return d;
            foreach (var d in Compare(at + "本年决算数", x.Final, y.Final)) yield return d;
        }
        foreach (var d in Compare("报告正文", a.Text, b.Text)) yield return d;
    }

    private static bool SameText(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<(string, string, string)> Compare(string field, decimal? x, decimal? y)
    {
        // 10.00 and 10 are the same amount printed at different precision.
        if (x != y) yield return (field, x is null ? "（空）" : Numbers.Format(x.Value), y is null ? "（空）" : Numbers.Format(y.Value));
    }

    private static IEnumerable<(string, string, string)> Compare(string field, string? x, string? y)
    {
        if (string.Equals(x, y, StringComparison.Ordinal)) yield break;
        var (cx, cy) = (Compact(x), Compact(y));
        if (cx == cy) yield break;
        yield return (field, Excerpt(cx, cy), Excerpt(cy, cx));
    }

    /// <summary>The text without layout: NFKC, no whitespace, no punctuation, no HTML tags.</summary>
    internal static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var s = Nfkc.Of(text);
        var b = new StringBuilder(s.Length);
        var inTag = false;
        foreach (var c in s)
        {
            if (c == '<') { inTag = true; continue; }
            if (inTag) { if (c == '>') inTag = false; continue; }
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) && c is not ('%' or '≥' or '≤' or '>' or '<' or '+' or '=')) continue;
            b.Append(c);
        }
        return b.ToString();
    }

    /// <summary>The part of compacted <paramref name="a"/> around where it starts to differ from <paramref name="b"/>, for long texts.</summary>
    private static string Excerpt(string a, string b)
    {
        if (a.Length == 0) return "（空）";
        if (a.Length <= 40) return a;
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var from = Math.Max(0, start - 12);
        var length = Math.Min(a.Length - from, 36);
        return (from > 0 ? "…" : "") + a.Substring(from, length) + (from + length < a.Length ? "…" : "");
    }
}
