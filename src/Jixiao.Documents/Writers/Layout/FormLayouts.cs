using System.Globalization;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.Layout;

/// <summary>
/// Lays out every form kind as its official table (domain guide §2): the header rows, the funds block with its money
/// unit, the 年度总体目标 pair, the indicator tree with 一级/二级 cells spanning their rows, the 总分 row and the
/// 填报人/单位负责人 footer. The writers (xlsx, docx, html) only render what this produces, so all formats agree.
/// Figures are printed as stated; nothing is computed here.
/// </summary>
public static class FormLayouts
{
    private sealed record Column(string Header, double Width, Action<GridBuilder, int, IndicatorRow> Write);

    private sealed record FundsColumn(string Header, double MinWidth, Action<GridBuilder, int, int, FundsRow> Write);

    public static TableLayout Build(PerformanceForm form) => form.Kind switch
    {
        FormKind.ProjectSelfEvaluation => ProjectLike(form),
        FormKind.DepartmentSelfEvaluation => form.Funds.Any(r => r.Role is FundsRowRole.Source or FundsRowRole.Structure)
            ? DepartmentWide(form)
            : ProjectLike(form),
        FormKind.DepartmentBasicData => BasicData(form),
        FormKind.Monitoring => Monitoring(form),
        FormKind.Targets => Targets(form),
        FormKind.Report => Report(form),
    };

    /// <summary>The printed title: the form's own, else "2020年项目支出绩效自评表".</summary>
    public static string Title(PerformanceForm form)
    {
        if (!string.IsNullOrWhiteSpace(form.Title)) return form.Title.Trim();
        return (form.Year is { } year ? year.ToString(CultureInfo.InvariantCulture) + "年" : "") + form.Kind.ChineseName();
    }

    private static string? Subtitle(PerformanceForm form)
    {
        if (form.Year is not { } year) return null;
        var text = year.ToString(CultureInfo.InvariantCulture);
        return Title(form).Contains(text, StringComparison.Ordinal) ? null : $"（{text}年度）";
    }

    private static string UnitSuffix(MoneyUnit? unit) => unit is { } u ? $"（{u.Symbol()}）" : "";

    private static IReadOnlyList<string> Footer(PerformanceForm form) =>
        [$"填报人：{form.Filler}　　　　单位负责人：{form.Head}"];

    // ---- project self-evaluation, and the department-wide layout of seed 000 --------------------------------------

    private static TableLayout ProjectLike(PerformanceForm form)
    {
        var department = form.Kind == FormKind.DepartmentSelfEvaluation;
        var details = ProjectDetails(form.Indicators);
        var n = Math.Max(9, 3 + details.Count);
        var widths = new List<double> { 6, 8, 10 };
        widths.AddRange(details.Select(d => d.Width));
        while (widths.Count < n) widths.Add(8);
        var g = new GridBuilder(widths);

        if (department)
        {
            Pair(g, "部门（单位）名称", form.Unit);
            if (!string.IsNullOrWhiteSpace(form.Department) && form.Department != form.Unit) Pair(g, "主管部门", form.Department);
        }
        else
        {
            Pair(g, "项目名称", form.Project);
            TwoPairs(g, "主管部门", form.Department, "实施单位", form.Unit);
        }

        if (form.Funds.Count > 0)
            Funds(g, (department ? "资金情况" : "项目资金") + UnitSuffix(form.MoneyUnit), ProjectFundsColumns(form), form.Funds);
        Goals(g, form, department ? "年初设定目标" : "预期目标", department ? "目标完成情况" : "实际完成情况");
        if (!string.IsNullOrWhiteSpace(form.Functions)) Pair(g, "部门职能概述", form.Functions);

        if (form.Indicators.Count > 0 || form.StatedTotal is not null)
        {
            g.Add(0, "绩效指标", CellStyle.Header, form.Indicators.Count + 1);
            g.Add(1, "一级指标", CellStyle.Header);
            g.Add(2, "二级指标", CellStyle.Header);
            for (var i = 0; i < details.Count; i++) g.Add(3 + i, details[i].Header, CellStyle.Header, 1, i == details.Count - 1 ? n - 3 - i : 1);
            g.NextRow();
            IndicatorTree(g, 1, form.Indicators, weightColumn: false, details, n);
            TotalRow(g, form, 3 + details.FindIndex(c => c.Header == "分值"), n);
        }
        GradeRow(g, form);

        return new TableLayout
        {
            Title = Title(form), Subtitle = Subtitle(form), ColumnWidths = widths, Cells = g.Cells, Footer = Footer(form),
        };
    }

    private static List<Column> ProjectDetails(IReadOnlyList<IndicatorRow> rows)
    {
        var columns = new List<Column> { new("三级指标", 17, (g, c, r) => g.Add(c, r.Name, CellStyle.Text)) };
        if (rows.Any(r => !string.IsNullOrWhiteSpace(r.Content)))
            columns.Add(new("目标内容", 15, (g, c, r) => g.Add(c, r.Content, CellStyle.Text)));
        columns.Add(new("年度指标值", 13, (g, c, r) => g.Add(c, r.Target, CellStyle.Center)));
        columns.Add(new("实际完成值", 13, (g, c, r) => g.Add(c, r.Actual, CellStyle.Center)));
        columns.Add(new("分值", 7, (g, c, r) => g.Score(c, r.Weight)));
        columns.Add(new("得分", 9, (g, c, r) => g.Score(c, r.StatedScore)));
        columns.Add(new("偏差原因分析及改进措施", 17, (g, c, r) => g.Add(c, r.Explanation, CellStyle.Text)));
        if (rows.Any(r => !string.IsNullOrWhiteSpace(r.Improvement)))
            columns.Add(new("改进措施", 18, (g, c, r) => g.Add(c, r.Improvement, CellStyle.Text)));
        return columns;
    }

    private static List<FundsColumn> ProjectFundsColumns(PerformanceForm form)
    {
        var transfer = form.Funds.Any(r => r.Transfer is not null);
        var columns = new List<FundsColumn>();
        if (form.Kind == FormKind.ProjectSelfEvaluation || form.Funds.Any(r => r.InitialBudget is not null))
            columns.Add(MoneyColumn("年初预算数", r => r.InitialBudget, form.MoneyUnit));
        columns.Add(MoneyColumn(transfer ? "全年预算数（A）" : "全年预算数", r => r.Budget, form.MoneyUnit));
        columns.Add(MoneyColumn(transfer ? "全年执行数（B）" : "全年执行数", r => r.Executed, form.MoneyUnit));
        if (transfer) columns.Add(MoneyColumn("上级财政移动支付（C）", r => r.Transfer, form.MoneyUnit));
        columns.Add(new("分值", 6, (g, c, s, r) => g.Score(c, r.Weight, s)));
        columns.Add(new(transfer ? "执行率（(B-C)/A）" : "执行率", 8, (g, c, s, r) => g.Percent(c, r.StatedRate, s)));
        columns.Add(new("得分", 6, (g, c, s, r) => g.Score(c, r.StatedScore, s)));
        return columns;
    }

    private static FundsColumn MoneyColumn(string header, Func<FundsRow, decimal?> value, MoneyUnit? unit) =>
        new(header, unit == MoneyUnit.Yuan ? 13 : 9, (g, c, s, r) => g.Money(c, value(r), unit, s));

    // ---- department-wide, Hunan 2020 layout (seed 002) --------------------------------------------------------------

    private static TableLayout DepartmentWide(PerformanceForm form)
    {
        var hasContent = form.Indicators.Any(r => !string.IsNullOrWhiteSpace(r.Content));
        var details = new List<Column> { new("三级指标", 18, (g, c, r) => g.Add(c, r.Name, CellStyle.Text)) };
        if (hasContent) details.Add(new("指标说明", 20, (g, c, r) => g.Add(c, r.Content, CellStyle.Text)));
        details.Add(new("年度指标值", 12, (g, c, r) => g.Add(c, r.Target, CellStyle.Center)));
        details.Add(new("全年完成值", 12, (g, c, r) => g.Add(c, r.Actual, CellStyle.Center)));
        details.Add(new("分值", 7, (g, c, r) => g.Score(c, r.Weight)));
        details.Add(new("自评得分", 7, (g, c, r) => g.Score(c, r.StatedScore)));
        details.Add(new("偏差及原因分析", 16, (g, c, r) => g.Add(c, r.Explanation, CellStyle.Text)));
        var n = 3 + details.Count;
        var widths = new List<double> { 10, 6, 12 };
        widths.AddRange(details.Select(d => d.Width));
        var g = new GridBuilder(widths);

        Pair(g, "部门（单位）名称", form.Unit);
        if (!string.IsNullOrWhiteSpace(form.Department) && form.Department != form.Unit) Pair(g, "主管部门", form.Department);

        var columns = new List<FundsColumn>();
        if (form.Funds.Any(r => r.InitialBudget is not null)) columns.Add(MoneyColumn("年初预算数", r => r.InitialBudget, form.MoneyUnit));
        columns.Add(MoneyColumn("全年预算数", r => r.Budget, form.MoneyUnit));
        columns.Add(MoneyColumn("全年执行数", r => r.Executed, form.MoneyUnit));
        columns.Add(new("执行率", 8, (g, c, s, r) => g.Percent(c, r.StatedRate, s)));
        if (form.Funds.Any(r => r.Weight is not null || r.StatedScore is not null))
        {
            columns.Add(new("分值", 6, (g, c, s, r) => g.Score(c, r.Weight, s)));
            columns.Add(new("得分", 6, (g, c, s, r) => g.Score(c, r.StatedScore, s)));
        }
        Funds(g, "整体支出规模" + UnitSuffix(form.MoneyUnit), columns, form.Funds);
        Goals(g, form, "年初设定目标", "全年完成情况");
        if (!string.IsNullOrWhiteSpace(form.Functions)) Pair(g, "部门职能概述", form.Functions);

        if (form.Indicators.Count > 0 || form.StatedTotal is not null)
        {
            g.Banner("分解目标自评");
            g.Add(0, "一级指标", CellStyle.Header);
            g.Add(1, "权重", CellStyle.Header);
            g.Add(2, "二级指标", CellStyle.Header);
            for (var i = 0; i < details.Count; i++) g.Add(3 + i, details[i].Header, CellStyle.Header);
            g.NextRow();
            IndicatorTree(g, 0, form.Indicators, weightColumn: true, details, n);
            TotalRow(g, form, 3 + details.FindIndex(c => c.Header == "分值"), n);
        }
        GradeRow(g, form);

        return new TableLayout
        {
            Title = Title(form), Subtitle = Subtitle(form), ColumnWidths = widths, Cells = g.Cells, Footer = Footer(form),
        };
    }

    // ---- basic data table (§2.3) --------------------------------------------------------------------------------------

    private static TableLayout BasicData(PerformanceForm form)
    {
        var g = new GridBuilder([34, 14, 14, 14]);
        var year = form.Year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年" : "本年";
        var prior = form.Year is { } p ? (p - 1).ToString(CultureInfo.InvariantCulture) + "年" : "上年";

        if (form.Staffing is { } staff)
        {
            g.Add(0, "财政供养人员情况", CellStyle.Header);
            g.Add(1, "编制数", CellStyle.Header);
            g.Add(2, year + "实际在职人数", CellStyle.Header);
            g.Add(3, "控制率", CellStyle.Header);
            g.NextRow();
            g.Add(0, "", CellStyle.Label);
            g.Add(1, Count(staff.Authorized), CellStyle.Center);
            g.Add(2, Count(staff.Actual), CellStyle.Center);
            g.Percent(3, staff.StatedControlRate);
            g.NextRow();
        }

        g.Add(0, "经费控制情况", CellStyle.Header);
        g.Add(1, prior + "决算数", CellStyle.Header);
        g.Add(2, year + "预算数", CellStyle.Header);
        g.Add(3, year + "决算数", CellStyle.Header);
        g.NextRow();
        foreach (var row in form.BasicData)
        {
            var label = new string('　', Math.Max(0, row.Depth) * 2) + row.Label;
            g.Add(0, label, row.Depth == 0 ? CellStyle.Label : CellStyle.Text);
            if (row.Text is not null && row.PriorYearFinal is null && row.Budget is null && row.Final is null)
                g.Add(1, row.Text, CellStyle.Text, 1, 3);
            else
            {
                g.Money(1, row.PriorYearFinal, form.MoneyUnit);
                g.Money(2, row.Budget, form.MoneyUnit);
                g.Money(3, row.Final, form.MoneyUnit);
            }
            g.NextRow();
        }

        return new TableLayout
        {
            Title = Title(form),
            Subtitle = Subtitle(form),
            Preamble = form.MoneyUnit is { } u ? [$"填报单位：{form.Unit}", $"单位：{u.Symbol()}"] : [$"填报单位：{form.Unit}"],
            ColumnWidths = [34, 14, 14, 14],
            Cells = g.Cells,
            Footer =
            [
                .. Footer(form),
                "说明：“项目支出”需要填报除公共专项资金和基本支出以外的所有项目情况，包括业务工作项目、运行维护项目等；“公用经费”填报基本支出中的一般商品和服务支出。",
            ],
        };
    }

    private static string Count(decimal? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    // ---- monitoring table (§2.4) ----------------------------------------------------------------------------------

    private static TableLayout Monitoring(PerformanceForm form)
    {
        double[] widths = [5, 9, 10, 18, 10, 10, 10, 5, 5, 5, 5, 5, 14, 5, 5, 5, 10];
        var n = widths.Length;
        var g = new GridBuilder(widths);
        var months = form.MonitoringMonths is { } m ? $"1-{m.ToString(CultureInfo.InvariantCulture)}月" : "1-N月";

        Pair(g, "项目名称", form.Project);
        TwoPairs(g, "主管部门", form.Department, "实施单位", form.Unit);
        if (form.Funds.Count > 0)
            Funds(g, "项目资金" + UnitSuffix(form.MoneyUnit),
            [
                MoneyColumn("年初预算数", r => r.InitialBudget ?? r.Budget, form.MoneyUnit),
                MoneyColumn(months + "执行数", r => r.Executed, form.MoneyUnit),
                new(months + "执行率", 8, (g, c, s, r) => g.Percent(c, r.StatedRate, s)),
                MoneyColumn("全年预计执行数", r => r.ForecastExecuted, form.MoneyUnit),
            ], form.Funds);
        if (!string.IsNullOrWhiteSpace(form.PlannedGoal)) Pair(g, "年度总体目标", form.PlannedGoal);

        if (form.Indicators.Count > 0)
        {
            g.Add(0, "绩效指标", CellStyle.Header, form.Indicators.Count + 2);
            g.Add(1, "一级指标", CellStyle.Header, 2);
            g.Add(2, "二级指标", CellStyle.Header, 2);
            g.Add(3, "三级指标", CellStyle.Header, 2);
            g.Add(4, "年度指标值", CellStyle.Header, 2);
            g.Add(5, months + "执行情况", CellStyle.Header, 2);
            g.Add(6, "全年预计完成情况", CellStyle.Header, 2);
            g.Add(7, "偏差原因分析", CellStyle.Header, 1, 6);
            g.Add(13, "完成目标可能性", CellStyle.Header, 1, 3);
            g.Add(16, "备注", CellStyle.Header, 2);
            g.NextRow();
            string[] sub = ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他保障", "原因说明", "确定能", "有可能", "完全不可能"];
            for (var i = 0; i < sub.Length; i++) g.Add(7 + i, sub[i], CellStyle.Header);
            g.NextRow();

            DeviationCauses[] causes = [DeviationCauses.Funding, DeviationCauses.Rules, DeviationCauses.Staff, DeviationCauses.Hardware, DeviationCauses.Other];
            CompletionLikelihood[] likelihoods = [CompletionLikelihood.Certain, CompletionLikelihood.Possible, CompletionLikelihood.Impossible];
            var details = new List<Column>
            {
                new("三级指标", 18, (g, c, r) => g.Add(c, r.Name, CellStyle.Text)),
                new("年度指标值", 10, (g, c, r) => g.Add(c, r.Target, CellStyle.Center)),
                new(months + "执行情况", 10, (g, c, r) => g.Add(c, r.MidYearProgress, CellStyle.Center)),
                new("全年预计完成情况", 10, (g, c, r) => g.Add(c, r.ExpectedCompletion, CellStyle.Center)),
            };
            foreach (var cause in causes)
                details.Add(new("", 5, (g, c, r) => g.Add(c, r.Causes.HasFlag(cause) ? "√" : "", CellStyle.Center)));
            details.Add(new("原因说明", 14, (g, c, r) => g.Add(c, r.Explanation, CellStyle.Text)));
            foreach (var likelihood in likelihoods)
                details.Add(new("", 5, (g, c, r) => g.Add(c, r.Likelihood == likelihood ? "√" : "", CellStyle.Center)));
            details.Add(new("备注", 10, (g, c, r) => g.Add(c, r.Remark, CellStyle.Text)));
            IndicatorTree(g, 1, form.Indicators, weightColumn: false, details, n);
        }

        return new TableLayout
        {
            Title = Title(form),
            Subtitle = Subtitle(form),
            ColumnWidths = widths,
            Cells = g.Cells,
            Footer =
            [
                .. Footer(form),
                "注：1．偏差原因分析：针对与预期目标产生偏差的指标值，分别从经费保障、制度保障、人员保障、硬件条件保障等方面进行判断和分析，并说明原因。",
                "2．完成目标可能性：对应所设定的实现绩效目标的路径，分确定能、有可能、完全不可能三级综合判断完成的可能性。",
                "3．备注：说明预计到年底不能完成目标的原因及拟采取的措施。",
            ],
        };
    }

    // ---- targets (§2.5) ---------------------------------------------------------------------------------------------

    private static TableLayout Targets(PerformanceForm form)
    {
        var details = new List<Column> { new("三级指标", 22, (g, c, r) => g.Add(c, r.Name, CellStyle.Text)) };
        if (form.Indicators.Any(r => !string.IsNullOrWhiteSpace(r.Content)))
            details.Add(new("指标内容", 20, (g, c, r) => g.Add(c, r.Content, CellStyle.Text)));
        details.Add(new("年度指标值", 12, (g, c, r) => g.Add(c, r.Target, CellStyle.Center)));
        if (form.Indicators.Any(r => r.Weight is not null) || form.StatedWeightTotal is not null)
            details.Add(new("分值", 8, (g, c, r) => g.Score(c, r.Weight)));
        var n = Math.Max(7, 3 + details.Count);
        var widths = new List<double> { 6, 10, 12 };
        widths.AddRange(details.Select(d => d.Width));
        while (widths.Count < n) widths.Add(10);
        var g = new GridBuilder(widths);

        Pair(g, "项目名称", form.Project);
        TwoPairs(g, "主管部门", form.Department, "实施单位", form.Unit);
        if (form.Funds.Count > 0)
        {
            // Both budget columns always, even when only one is known at 申报 time: a funds block is recognised by its
            // money columns, and an empty 全年预算数 says plainly that it is not known yet.
            Funds(g, "项目资金" + UnitSuffix(form.MoneyUnit),
            [
                MoneyColumn("年初预算数", r => r.InitialBudget, form.MoneyUnit),
                MoneyColumn("全年预算数", r => r.Budget, form.MoneyUnit),
            ], form.Funds);
        }
        if (!string.IsNullOrWhiteSpace(form.PlannedGoal)) Pair(g, "年度总体目标", form.PlannedGoal);

        if (form.Indicators.Count > 0)
        {
            g.Add(0, "绩效指标", CellStyle.Header, form.Indicators.Count + 1);
            g.Add(1, "一级指标", CellStyle.Header);
            g.Add(2, "二级指标", CellStyle.Header);
            for (var i = 0; i < details.Count; i++) g.Add(3 + i, details[i].Header, CellStyle.Header, 1, i == details.Count - 1 ? n - 3 - i : 1);
            g.NextRow();
            IndicatorTree(g, 1, form.Indicators, weightColumn: false, details, n);
            var weight = details.FindIndex(c => c.Header == "分值");
            if (weight >= 0 && form.StatedWeightTotal is not null)
            {
                g.Add(0, "合计", CellStyle.Header, 1, 3 + weight);
                g.Score(3 + weight, form.StatedWeightTotal, n - 3 - weight);
                g.NextRow();
            }
        }
        GradeRow(g, form);

        return new TableLayout
        {
            Title = Title(form), Subtitle = Subtitle(form), ColumnWidths = widths, Cells = g.Cells, Footer = Footer(form),
        };
    }

    private static TableLayout Report(PerformanceForm form) => new()
    {
        Title = Title(form),
        Subtitle = Subtitle(form),
        ColumnWidths = [],
        Cells = [],
        Paragraphs = (form.Text ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList(),
    };

    // ---- shared blocks ---------------------------------------------------------------------------------------------

    private static void Pair(GridBuilder g, string label, string? value)
    {
        g.Add(0, label, CellStyle.Header);
        g.Add(1, value, CellStyle.Text, 1, g.Columns - 1);
        g.NextRow();
    }

    private static void TwoPairs(GridBuilder g, string label1, string? value1, string label2, string? value2)
    {
        var first = (g.Columns - 2) / 2;
        g.Add(0, label1, CellStyle.Header);
        g.Add(1, value1, CellStyle.Text, 1, first);
        g.Add(1 + first, label2, CellStyle.Header);
        g.Add(2 + first, value2, CellStyle.Text, 1, g.Columns - 2 - first);
        g.NextRow();
    }

    private static void Funds(GridBuilder g, string head, IReadOnlyList<FundsColumn> columns, IReadOnlyList<FundsRow> rows)
    {
        // From the right, each figure column takes as many grid columns as it needs to print its widest value on one
        // line; the row labels take the rest (at least one column).
        var spans = new int[columns.Count];
        var right = g.Columns;
        for (var i = columns.Count - 1; i >= 0; i--)
        {
            var leftmost = 1 + 1 + i;
            var start = right - 1;
            var width = g.Widths[start];
            while (width < columns[i].MinWidth && start - 1 >= leftmost) width += g.Widths[--start];
            spans[i] = right - start;
            right = start;
        }
        var labelSpan = right - 1;
        g.Add(0, head, CellStyle.Header, rows.Count + 1);
        g.Add(1, "", CellStyle.Header, 1, labelSpan);
        var column = 1 + labelSpan;
        for (var i = 0; i < columns.Count; i++) { g.Add(column, columns[i].Header, CellStyle.Header, 1, spans[i]); column += spans[i]; }
        g.NextRow();
        foreach (var row in rows)
        {
            g.Add(1, row.Label, row.Role == FundsRowRole.Total ? CellStyle.Label : CellStyle.Text, 1, labelSpan);
            column = 1 + labelSpan;
            for (var i = 0; i < columns.Count; i++) { columns[i].Write(g, column, spans[i], row); column += spans[i]; }
            g.NextRow();
        }
    }

    private static void Goals(GridBuilder g, PerformanceForm form, string planned, string actual)
    {
        if (string.IsNullOrWhiteSpace(form.PlannedGoal) && string.IsNullOrWhiteSpace(form.ActualGoal)) return;
        var spans = GridBuilder.Split(g.Columns - 1, 2);
        g.Add(0, "年度总体目标", CellStyle.Header, 2);
        g.Add(1, planned, CellStyle.Header, 1, spans[0]);
        g.Add(1 + spans[0], actual, CellStyle.Header, 1, spans[1]);
        g.NextRow();
        g.Add(1, form.PlannedGoal, CellStyle.Text, 1, spans[0]);
        g.Add(1 + spans[0], form.ActualGoal, CellStyle.Text, 1, spans[1]);
        g.NextRow();
    }

    /// <summary>
    /// The indicator rows with the 一级 cell (and its 权重 cell) spanning its run of rows and the 二级 cell spanning its
    /// run inside it, as the official tables print them. The last detail column takes what is left of the width.
    /// </summary>
    private static void IndicatorTree(GridBuilder g, int firstColumn, IReadOnlyList<IndicatorRow> rows, bool weightColumn, IReadOnlyList<Column> details, int n)
    {
        var start = g.Row;
        var level2Column = firstColumn + (weightColumn ? 2 : 1);
        var i = 0;
        while (i < rows.Count)
        {
            var end = RunEnd(rows, i, (a, b) => a.Level1 is not null && a.Level1 == b.Level1 && a.Level1Weight == b.Level1Weight);
            var level1 = rows[i].Level1 + (!weightColumn && rows[i].Level1Weight is { } w1 ? $"（{Printing.Plain(w1)}分）" : "");
            g.AddAt(start + i, firstColumn, level1, CellStyle.Label, end - i + 1);
            if (weightColumn)
                g.AddAt(start + i, firstColumn + 1, rows[i].Level1Weight is { } w ? Printing.Plain(w) : "", CellStyle.Label, end - i + 1);

            var j = i;
            while (j <= end)
            {
                var end2 = Math.Min(end, RunEnd(rows, j, (a, b) => a.Level2 is not null && a.Level2 == b.Level2 && a.Level2Weight == b.Level2Weight));
                var level2 = rows[j].Level2 + (rows[j].Level2Weight is { } w2 ? $"（{Printing.Plain(w2)}）" : "");
                g.AddAt(start + j, level2Column, level2, CellStyle.Label, end2 - j + 1);
                j = end2 + 1;
            }
            i = end + 1;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            var column = level2Column + 1;
            for (var d = 0; d < details.Count; d++)
            {
                var last = d == details.Count - 1 && column < n - 1;
                if (last)
                {
                    var before = g.Cells.Count;
                    details[d].Write(g, column, rows[r]);
                    Widen(g, before, n - column);
                }
                else details[d].Write(g, column, rows[r]);
                column++;
            }
            g.NextRow();
        }
    }

    private static void Widen(GridBuilder g, int index, int span)
    {
        var cells = (List<LayoutCell>)g.Cells;
        cells[index] = cells[index] with { ColumnSpan = span };
    }

    private static int RunEnd(IReadOnlyList<IndicatorRow> rows, int start, Func<IndicatorRow, IndicatorRow, bool> same)
    {
        var end = start;
        while (end + 1 < rows.Count && same(rows[start], rows[end + 1])) end++;
        return end;
    }

    private static void TotalRow(GridBuilder g, PerformanceForm form, int weightColumn, int n)
    {
        if (form.StatedTotal is null && form.StatedWeightTotal is null) return;
        g.Add(0, "总分", CellStyle.Header, 1, weightColumn);
        g.Score(weightColumn, form.StatedWeightTotal);
        g.Score(weightColumn + 1, form.StatedTotal);
        if (weightColumn + 2 < n) g.Add(weightColumn + 2, "", CellStyle.Text, 1, n - weightColumn - 2);
        g.NextRow();
    }

    private static void GradeRow(GridBuilder g, PerformanceForm form)
    {
        if (string.IsNullOrWhiteSpace(form.StatedGrade)) return;
        Pair(g, "自评等级", form.StatedGrade);
    }
}
