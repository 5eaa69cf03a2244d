namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// The whole-unit amounts a report states in words: 基本支出 and 项目支出, each with its 预算 and its 实际 amount
/// ("本年度基本支出预算244.58万元，实际支出263.01万元"). Only the first statement of each counts, and only outside a
/// 其中 breakdown, so a part is never mistaken for a whole.
/// </summary>
internal sealed class ReportFacts
{
    public ReportFigure? BasicBudget { get; private set; }
    public ReportFigure? BasicActual { get; private set; }
    public ReportFigure? ProjectBudget { get; private set; }
    public ReportFigure? ProjectActual { get; private set; }

    public bool Complete => BasicBudget is not null && BasicActual is not null && ProjectBudget is not null && ProjectActual is not null;

    public static ReportFacts From(IReadOnlyList<ReportSentence> sentences)
    {
        var facts = new ReportFacts();
        foreach (var s in sentences)
        {
            // A sentence without figures states no amount (the subject does not carry over to the next sentence).
            if (s.Figures.Count == 0) continue;
            var breakdown = ReportArithmeticRule.BreakdownStart(s.Text);
            string? subject = null;
            foreach (var f in s.Figures)
            {
                if (f.Start >= breakdown) break;
                var before = s.Text.AsSpan(0, f.Start);
                var basic = before.LastIndexOf("基本支出", StringComparison.Ordinal);
                var project = before.LastIndexOf("项目支出", StringComparison.Ordinal);
                if (basic >= 0 || project >= 0) subject = basic > project ? "basic" : "project";
                if (f.Kind != FigureKind.Amount || subject is null) continue;
                var label = f.Label;
                var isActual = label.Contains("实际", StringComparison.Ordinal) || label.Contains("决算", StringComparison.Ordinal) || label.Contains("执行数", StringComparison.Ordinal);
                var isBudget = !isActual && label.Contains("预算", StringComparison.Ordinal) && !ReportArithmeticRule.IsChangeLabel(label)
                    && !label.Contains("调整", StringComparison.Ordinal) && !label.Contains("年初", StringComparison.Ordinal);
                if (!isActual && !isBudget) continue;
                switch (subject, isActual)
                {
                    case ("basic", false): facts.BasicBudget ??= f; break;
                    case ("basic", true): facts.BasicActual ??= f; break;
                    case ("project", false): facts.ProjectBudget ??= f; break;
                    case ("project", true): facts.ProjectActual ??= f; break;
                }
            }
        }
        return facts;
    }
}
