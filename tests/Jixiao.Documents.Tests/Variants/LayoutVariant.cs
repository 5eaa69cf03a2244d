using System.Globalization;
using System.Text;
using Jixiao.Documents.Grid;

namespace Jixiao.Documents.Tests.Variants;

/// <summary>How a column of the indicator table is printed.</summary>
public enum IndicatorColumn { Target, Actual, Weight, Score, Explanation, Comparator, MeasureUnit, Coefficient, Standard, Core }

public enum TreeStyle { Merged, Repeated, BlankBelow }

public enum MoneyPrint { TenThousandInHeader, TenThousandOnALine, TenThousandInCells, YuanScaled }

public enum TitleStyle { YearFirst, YearInBrackets, YearOnItsOwnLine }

public enum FooterStyle { None, Grade, Signatures }

public enum PlaceholderStyle { None, NumberedName, Ellipsis }

/// <summary>
/// One way another province or another year prints the same form: each property is one dimension a layout varies in
/// (from the rules' templates and from what the corpus shows provinces do). <see cref="Draw"/> picks one deterministically
/// from a seed, so a failing variant is reproduced by its number.
/// </summary>
public sealed record LayoutVariant(
    int Number,
    CleanForm Form,
    List<IndicatorColumn> Columns,
    string[] TreeHeaders,
    string TargetHeader,
    string ActualHeader,
    string WeightHeader,
    string ScoreHeader,
    string ExplanationHeader,
    string BudgetHeader,
    string ExecutedHeader,
    string RateHeader,
    bool RateBeforeWeight,
    bool InitialBudgetColumn,
    TreeStyle Tree,
    bool Level1WeightsInNames,
    bool LabelColumn,
    bool TwoRowHeader,
    MoneyPrint Money,
    bool UnitsInScoreCells,
    bool FullWidthDigits,
    bool TwoDecimals,
    bool OtherFundsRows,
    TitleStyle Title,
    FooterStyle Footer,
    PlaceholderStyle Placeholder,
    bool EquivalentComparators)
{
    private static readonly string[][] TreeHeaderChoices =
    [
        ["一级指标", "二级指标", "三级指标"],
        ["一级指标", "二级指标", "指标名称"],
        ["指标类别", "二级指标", "指标名称"],
        ["一级指标", "二级指标", "三级指标名称"],
    ];

    private static readonly string[] TargetHeaders = ["年度指标值", "指标值", "年度目标值", "目标值", "预期指标值"];
    private static readonly string[] ActualHeaders = ["实际完成值", "全年实际值", "全年完成值", "实际完成指标值"];
    private static readonly string[] WeightHeaders = ["分值", "权重", "指标分值"];
    private static readonly string[] ScoreHeaders = ["得分", "自评得分", "评价得分"];
    private static readonly string[] ExplanationHeaders = ["偏差原因分析及改进措施", "偏差原因", "未完成原因分析", "原因说明"];
    private static readonly string[] BudgetHeaders = ["全年预算数", "调整后预算数", "全年预算数（A）", "预算数"];
    private static readonly string[] ExecutedHeaders = ["全年执行数", "执行数", "全年执行数（B）", "实际支出数"];
    private static readonly string[] RateHeaders = ["执行率", "预算执行率", "执行率（B/A）"];

    public static LayoutVariant Draw(int number)
    {
        var random = new Random(7919 * number + 17);
        T Pick<T>(IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];
        bool Coin(int percent) => random.Next(100) < percent;

        var form = CleanForm.All[number % CleanForm.All.Count];
        var comparatorColumns = Coin(35);
        // Target before or after the actual, weight and score before the values or after them.
        IndicatorColumn[] values = Pick<IndicatorColumn[]>(
        [
            [IndicatorColumn.Target, IndicatorColumn.Actual, IndicatorColumn.Weight, IndicatorColumn.Score],
            [IndicatorColumn.Target, IndicatorColumn.Actual, IndicatorColumn.Weight, IndicatorColumn.Score],
            [IndicatorColumn.Weight, IndicatorColumn.Target, IndicatorColumn.Actual, IndicatorColumn.Score],
            [IndicatorColumn.Target, IndicatorColumn.Weight, IndicatorColumn.Actual, IndicatorColumn.Score],
            [IndicatorColumn.Actual, IndicatorColumn.Target, IndicatorColumn.Weight, IndicatorColumn.Score],
        ]);
        var columns = new List<IndicatorColumn>();
        foreach (var column in values)
        {
            if (column == IndicatorColumn.Target && comparatorColumns) columns.Add(IndicatorColumn.Comparator);
            columns.Add(column);
            if (column == IndicatorColumn.Target && comparatorColumns) columns.Add(IndicatorColumn.MeasureUnit);
        }
        // The measure unit also stands after both values in some provinces.
        if (comparatorColumns && Coin(30))
        {
            columns.Remove(IndicatorColumn.MeasureUnit);
            columns.Insert(Math.Max(columns.IndexOf(IndicatorColumn.Actual), columns.IndexOf(IndicatorColumn.Target)) + 1, IndicatorColumn.MeasureUnit);
        }
        if (Coin(25)) columns.Insert(columns.IndexOf(IndicatorColumn.Score) + 1, IndicatorColumn.Coefficient);
        if (Coin(25)) columns.Insert(columns.IndexOf(IndicatorColumn.Score), IndicatorColumn.Standard);
        if (Coin(20)) columns.Insert(columns.IndexOf(comparatorColumns ? IndicatorColumn.Comparator : IndicatorColumn.Target), IndicatorColumn.Core);
        if (Coin(85)) columns.Add(IndicatorColumn.Explanation);

        var targetAdjacent = Math.Abs(columns.IndexOf(IndicatorColumn.Target) - columns.IndexOf(IndicatorColumn.Actual)) == 1;
        return new LayoutVariant(
            number, form, columns,
            Pick(TreeHeaderChoices), Pick(TargetHeaders), Pick(ActualHeaders), Pick(WeightHeaders), Pick(ScoreHeaders), Pick(ExplanationHeaders),
            Pick(BudgetHeaders), Pick(ExecutedHeaders), Pick(RateHeaders),
            RateBeforeWeight: Coin(30),
            InitialBudgetColumn: Coin(75),
            Tree: Pick([TreeStyle.Merged, TreeStyle.Merged, TreeStyle.Repeated, TreeStyle.BlankBelow]),
            Level1WeightsInNames: Coin(35),
            LabelColumn: Coin(60),
            TwoRowHeader: targetAdjacent && !comparatorColumns && Coin(35),
            Money: Pick([MoneyPrint.TenThousandInHeader, MoneyPrint.TenThousandInHeader, MoneyPrint.TenThousandOnALine, MoneyPrint.TenThousandInCells, MoneyPrint.YuanScaled]),
            UnitsInScoreCells: Coin(20),
            FullWidthDigits: Coin(15),
            TwoDecimals: Coin(40),
            OtherFundsRows: Coin(60),
            Title: Pick([TitleStyle.YearFirst, TitleStyle.YearInBrackets, TitleStyle.YearOnItsOwnLine]),
            Footer: Pick([FooterStyle.None, FooterStyle.None, FooterStyle.Grade, FooterStyle.Signatures]),
            Placeholder: Pick([PlaceholderStyle.None, PlaceholderStyle.None, PlaceholderStyle.NumberedName, PlaceholderStyle.Ellipsis]),
            EquivalentComparators: comparatorColumns && Coin(50));
    }

    public bool ComparatorColumns => Columns.Contains(IndicatorColumn.Comparator);

    public bool InYuan => Money == MoneyPrint.YuanScaled;

    /// <summary>What the variant is, for a failing test's name and the coverage test.</summary>
    public IEnumerable<string> Dimensions()
    {
        yield return "form:" + Form.Name;
        yield return "columns:" + string.Join(",", Columns);
        yield return "tree-headers:" + string.Join("/", TreeHeaders);
        yield return "value-headers:" + string.Join("/", TargetHeader, ActualHeader, WeightHeader, ScoreHeader);
        yield return "funds-headers:" + string.Join("/", BudgetHeader, ExecutedHeader, RateHeader);
        if (RateBeforeWeight) yield return "rate-before-weight";
        if (!InitialBudgetColumn) yield return "no-initial-budget";
        yield return "tree:" + Tree;
        if (Level1WeightsInNames) yield return "level1-weights-in-names";
        if (LabelColumn) yield return "label-column";
        if (TwoRowHeader) yield return "two-row-header";
        yield return "money:" + Money;
        if (UnitsInScoreCells) yield return "units-in-score-cells";
        if (FullWidthDigits) yield return "full-width-digits";
        if (TwoDecimals) yield return "two-decimals";
        if (OtherFundsRows) yield return "other-funds-rows";
        yield return "title:" + Title;
        yield return "footer:" + Footer;
        yield return "placeholder:" + Placeholder;
        if (EquivalentComparators) yield return "equivalent-comparators";
    }

    public override string ToString() => $"#{Number} " + string.Join(" ", Dimensions());

    // ---- printing ----

    private string Amount(decimal? value)
    {
        if (value is not { } v) return "";
        if (InYuan) return (v * 10000m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var text = TwoDecimals ? v.ToString("0.00", CultureInfo.InvariantCulture) : v.ToString(CultureInfo.InvariantCulture);
        return Money == MoneyPrint.TenThousandInCells ? text + "万元" : text;
    }

    private string Points(decimal value)
    {
        var text = TwoDecimals ? value.ToString("0.00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
        return UnitsInScoreCells ? text + "分" : text;
    }

    private static string Rate(decimal points) => points.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private string Comparator(string comparator) => !EquivalentComparators ? comparator : comparator switch
    {
        "≥" => "≧",
        "≤" => "≦",
        "=" => "═",
        _ => comparator,
    };

    private string Level1Label(string level1) =>
        Level1WeightsInNames ? $"{level1}（{Form.Level1Weight(level1)!.Value.ToString(CultureInfo.InvariantCulture)}分）" : level1;

    private string FundsLabel => Money switch
    {
        MoneyPrint.TenThousandInHeader => "项目资金（万元）",
        MoneyPrint.YuanScaled => "项目资金（元）",
        _ => "项目资金",
    };

    private static string FullWidth(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c == '.' ? '．' : c == '%' ? '％' : c);
        return builder.ToString();
    }

    /// <summary>The printed grid: rows of cells with their merges, as the form's page shows it.</summary>
    public CellGrid Grid()
    {
        var cells = new List<Cell>();
        var row = 0;
        var left = LabelColumn ? 1 : 0;
        var tree = 3;
        var width = left + tree + Columns.Count;
        void Add(int r, int c, string text, int rs = 1, int cs = 1) => cells.Add(new Cell(r, c, FullWidthDigits ? FullWidth(text) : text, rs, cs));

        switch (Title)
        {
            case TitleStyle.YearFirst:
                Add(row++, 0, $"{Form.Year}年度项目支出绩效自评表", cs: width);
                break;
            case TitleStyle.YearInBrackets:
                Add(row++, 0, $"项目支出绩效自评表（{Form.Year}年度）", cs: width);
                break;
            default:
                Add(row++, 0, "项目支出绩效自评表", cs: width);
                Add(row++, 0, $"（{Form.Year}年度）", cs: width);
                break;
        }
        if (Money == MoneyPrint.TenThousandOnALine) Add(row++, 0, "金额单位：万元", cs: width);

        Add(row, 0, "项目名称");
        Add(row++, 1, Form.Project, cs: width - 1);
        Add(row, 0, "主管部门");
        Add(row, 1, Form.Department, cs: 2);
        Add(row, 3, "实施单位");
        Add(row++, 4, Form.Unit, cs: width - 4);

        // Funds: a label cell spanning the block, the row label, then the value columns in the variant's order.
        var fundsRows = Form.Funds.Where((f, i) => i < 2 || OtherFundsRows).ToList();
        var fundsHeaders = new List<(string Header, Func<CleanFunds, string> Value)>();
        if (InitialBudgetColumn) fundsHeaders.Add(("年初预算数", f => Amount(f.Initial)));
        fundsHeaders.Add((BudgetHeader, f => Amount(f.Budget)));
        fundsHeaders.Add((ExecutedHeader, f => Amount(f.Executed)));
        var weight = (WeightHeader == "权重" ? "权重" : "分值", (Func<CleanFunds, string>)(f => f.Weight is { } w ? Points(w) : ""));
        var rate = (RateHeader, (Func<CleanFunds, string>)(f => f.RatePoints is { } p ? Rate(p) : ""));
        if (RateBeforeWeight) { fundsHeaders.Add(rate); fundsHeaders.Add(weight); }
        else { fundsHeaders.Add(weight); fundsHeaders.Add(rate); }
        fundsHeaders.Add((ScoreHeader, f => f.Score is { } s ? Points(s) : ""));

        Add(row, 0, FundsLabel, rs: fundsRows.Count + 1);
        for (var i = 0; i < fundsHeaders.Count; i++) Add(row, 2 + i, fundsHeaders[i].Header);
        row++;
        for (var r = 0; r < fundsRows.Count; r++, row++)
        {
            var funds = fundsRows[r];
            Add(row, 1, r == 1 ? "其中：" + funds.Label : funds.Label);
            for (var i = 0; i < fundsHeaders.Count; i++)
            {
                var text = fundsHeaders[i].Value(funds);
                if (text.Length > 0) Add(row, 2 + i, text);
            }
        }

        Add(row, 0, "年度总体目标", rs: 2);
        Add(row, 1, "预期目标", cs: 3);
        Add(row++, 4, "实际完成情况", cs: width - 4);
        Add(row, 1, Form.PlannedGoal, cs: 3);
        Add(row++, 4, Form.ActualGoal, cs: width - 4);

        // Indicators: logical rows first (placeholders included), then the tree printed in the variant's style.
        var rows = new List<CleanIndicator?>();
        foreach (var group in Form.Indicators.GroupBy(i => i.Level1))
        {
            rows.AddRange(group);
            if (Placeholder != PlaceholderStyle.None && group.Key == Form.Indicators[0].Level1) rows.Add(null);
        }

        var headerRows = TwoRowHeader ? 2 : 1;
        var indicatorStart = row;
        if (LabelColumn) Add(row, 0, "绩效指标", rs: headerRows + rows.Count);
        for (var t = 0; t < tree; t++) Add(row, left + t, TreeHeaders[t], rs: headerRows);
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (TwoRowHeader && column is IndicatorColumn.Target or IndicatorColumn.Actual)
            {
                if (column == Columns.First(x => x is IndicatorColumn.Target or IndicatorColumn.Actual))
                    Add(row, left + tree + c, "绩效指标值", cs: 2);
                Add(row + 1, left + tree + c, Header(column));
            }
            else
            {
                Add(row, left + tree + c, Header(column), rs: headerRows);
            }
        }
        row += headerRows;

        var first = Form.Indicators[0];
        for (var r = 0; r < rows.Count; r++, row++)
        {
            var indicator = rows[r];
            var level1 = indicator?.Level1 ?? first.Level1;
            var level2 = indicator?.Level2 ?? rows[r - 1]!.Level2;
            var previous = r > 0 ? rows[r - 1] : null;
            var level1Starts = r == 0 || (previous?.Level1 ?? first.Level1) != level1;
            var level2Starts = level1Starts || (previous?.Level2 ?? rows[r - 2]?.Level2) != level2;
            TreeCell(r, 0, level1, level1Starts, (i, x) => (x?.Level1 ?? first.Level1) == level1, Level1Label(level1));
            TreeCell(r, 1, level2, level2Starts, (i, x) => (x?.Level1 ?? first.Level1) == level1 && (x?.Level2 ?? rows[i - 1]!.Level2) == level2, level2);

            if (indicator is null)
            {
                if (Placeholder == PlaceholderStyle.NumberedName) Add(row, left + 2, "指标2");
                else Add(row, left + 2, "……");
                continue;
            }

            Add(row, left + 2, indicator.Name);
            for (var c = 0; c < Columns.Count; c++)
            {
                var text = Value(Columns[c], indicator);
                if (text.Length > 0) Add(row, left + tree + c, text);
            }
        }

        void TreeCell(int r, int t, string text, bool starts, Func<int, CleanIndicator?, bool> same, string printed)
        {
            if (!starts && Tree != TreeStyle.Repeated) return;
            var span = 1;
            if (Tree == TreeStyle.Merged)
                while (r + span < rows.Count && same(r + span, rows[r + span])) span++;
            Add(indicatorStart + headerRows + r, left + t, printed, rs: span);
        }

        // The 总分 label spans up to the first of the weight and score columns, which carry the stated totals.
        Add(row, 0, "总分", cs: left + tree + Math.Min(Columns.IndexOf(IndicatorColumn.Weight), Columns.IndexOf(IndicatorColumn.Score)));
        Add(row, left + tree + Columns.IndexOf(IndicatorColumn.Weight), Points(Form.WeightTotal));
        Add(row, left + tree + Columns.IndexOf(IndicatorColumn.Score), Points(Form.Total));
        row++;

        switch (Footer)
        {
            case FooterStyle.Grade:
                Add(row, 0, "自评等级");
                Add(row++, 1, Form.Total >= 90m ? "优" : "良", cs: width - 1);
                break;
            case FooterStyle.Signatures:
                Add(row, 0, "填表人：张敏", cs: 2);
                Add(row, 2, "联系电话：0731-84561234", cs: 3);
                Add(row++, 5, $"填报日期：{Form.Year + 1}年3月15日", cs: width - 5);
                break;
        }

        return new CellGrid(cells, "自评表");
    }

    private string Header(IndicatorColumn column) => column switch
    {
        IndicatorColumn.Target => ComparatorColumns ? "指标值" : TargetHeader,
        IndicatorColumn.Actual => ActualHeader,
        IndicatorColumn.Weight => WeightHeader,
        IndicatorColumn.Score => ScoreHeader,
        IndicatorColumn.Explanation => ExplanationHeader,
        IndicatorColumn.Comparator => "指标性质",
        IndicatorColumn.MeasureUnit => "度量单位",
        IndicatorColumn.Coefficient => "得分系数",
        IndicatorColumn.Standard => "评分标准",
        IndicatorColumn.Core => "是否核心指标",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    private string Value(IndicatorColumn column, CleanIndicator row) => column switch
    {
        IndicatorColumn.Target => ComparatorColumns ? row.Value : row.Target,
        IndicatorColumn.Actual => ComparatorColumns ? row.Actual : row.ActualText,
        IndicatorColumn.Weight => Points(row.Weight),
        IndicatorColumn.Score => Points(row.Score),
        IndicatorColumn.Explanation => row.Explanation ?? "",
        IndicatorColumn.Comparator => Comparator(row.Comparator),
        IndicatorColumn.MeasureUnit => row.Unit,
        IndicatorColumn.Coefficient => (row.Score / row.Weight).ToString("0.00", CultureInfo.InvariantCulture),
        IndicatorColumn.Standard => "完成目标得满分，未完成按完成比例计分",
        IndicatorColumn.Core => row.Weight >= 20m ? "是" : "否",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };
}
