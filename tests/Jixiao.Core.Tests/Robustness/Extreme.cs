using System.Globalization;
using CsCheck;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests.Robustness;

/// <summary>
/// Generators of what no real form holds but any file or API request can: decimal.MaxValue and MinValue, zero, negatives,
/// 28 decimals, weights of 7.9e28, printed precisions of −1 and 99, empty and garbage text, full-width digits.
/// </summary>
internal static class Extreme
{
    private static readonly decimal[] Edges =
    [
        decimal.MaxValue, decimal.MinValue, 0m, 0.00m, 1m, -1m, 100m, 10m, 0.5m, 7.9e28m, -7.9e28m,
        0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 1.0000000000000000000000000000m,
        9.9999999999999999999999999999m, 1e15m, 1e16m, 1e20m, 0.000001m, 0.0000001m, 99.99m, 179.24m, 197.80m, 2032m, 868m,
        79_228_162_514_264_337_593_543_950m, 0.9999999999999999999999999999m,
    ];

    public static Gen<decimal> Decimal { get; } = Gen.Frequency(
        (4, Gen.OneOf(Edges)),
        (2, Gen.Decimal),
        (2, Gen.Int[-1000, 1000].Select(i => (decimal)i)),
        (2, Gen.Select(Gen.Long, Gen.Byte[0, 28], (mantissa, scale) => new decimal(mantissa) / Pow10(scale))));

    public static Gen<decimal?> NullableDecimal { get; } = Gen.Frequency(
        (5, Decimal.Select(d => (decimal?)d)),
        (1, Gen.Const((decimal?)null)));

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10m;
        return p;
    }

    /// <summary>A number as text: huge, tiny, many decimals, exponents, thousands separators, full-width.</summary>
    public static Gen<string> NumberText { get; } = Gen.Frequency(
        (3, Decimal.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Char['0', '9'].Array[1, 60].Select(c => new string(c))),
        (2, Gen.Select(Gen.Char['0', '9'].Array[1, 30], Gen.Char['0', '9'].Array[1, 60], (a, b) => new string(a) + "." + new string(b))),
        (1, Gen.OneOf("1e28", "7.9E+28", "1E-28", "9e99", "1,234,567,890,123,456,789,012,345", "0.0000000000000000000000000000001", "-0", "00", ".5", "5.")),
        (1, Gen.Int[0, 100000].Select(FullWidth)));

    public static string FullWidth(int n) =>
        string.Concat(n.ToString(CultureInfo.InvariantCulture).Select(c => (char)('０' + (c - '0'))));

    /// <summary>A 年度指标值 / 实际完成值 cell: comparators, units, products, ranges around extreme numbers, or garbage.</summary>
    public static Gen<string?> ValueText { get; } = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf("", "≥", "≤", ">", "<", "=", "-", "大于", "不低于", "达", "不超过", "满意度达"), NumberText,
            Gen.OneOf("", "%", "％", "个", "小时", "万元", "元", "天", "ms", "‰"), Gen.OneOf("", "以上", "以内", "及以下", "左右"),
            (c, n, u, s) => (string?)(c + n + u + s))),
        (2, Gen.Select(NumberText, NumberText, Gen.OneOf("*", "×", "x", "-", "~", "至"), Gen.OneOf("", "小时", "%"),
            (a, b, op, u) => (string?)(a + op + b + u))),
        (1, Gen.OneOf<string?>(null, "", " ", "无", "—", "完成", "基本完成", "未完成", "年末发生重大故障", "\u0001\u0000", "％％", "≥%", "9.9.9%",
            "９６分", "≥９０％", "１００％", "٣٤%", new string('9', 500), "≥" + new string('9', 29) + "%")),
        (1, Gen.String.Select(s => (string?)s)));

    public static Gen<Percentage?> StatedRate { get; } = Gen.Frequency(
        (4, Gen.Select(Decimal, Gen.OneOf(Gen.Int[0, 6], Gen.OneOf(-1, 7, 28, 29, 99, int.MaxValue, int.MinValue)),
            (f, d) => (Percentage?)new Percentage(f, d))),
        (1, Gen.Const((Percentage?)null)));

    public static Gen<Rulebook> Rulebook { get; } = Gen.OneOf(Rulebooks.Rulebooks.Names.ToArray()).Select(Rulebooks.Rulebooks.BuiltIn);

    private static Gen<FundsRow> FundsRow { get; } = Gen.Select(
        Gen.Select(Gen.Enum<FundsRowRole>(), NullableDecimal, NullableDecimal, NullableDecimal),
        Gen.Select(NullableDecimal, NullableDecimal, NullableDecimal, StatedRate),
        NullableDecimal,
        (a, b, score) => new FundsRow
        {
            Label = a.Item1 switch { FundsRowRole.Total => "年度资金总额", FundsRowRole.Part => "其中：当年财政拨款", FundsRowRole.Source => "财政拨款", _ => "基本支出" },
            Role = a.Item1, InitialBudget = a.Item2, Budget = a.Item3, Executed = a.Item4,
            Transfer = b.Item1, ForecastExecuted = b.Item2, Weight = b.Item3, StatedRate = b.Item4, StatedScore = score,
            Source = new SourcePosition(1),
        });

    private static Gen<IndicatorRow> IndicatorRow { get; } = Gen.Select(
        Gen.Select(Gen.OneOf<string?>("产出指标", "效益指标", "满意度指标", null, ""), NullableDecimal, Gen.OneOf<string?>("数量指标", "质量指标", "成本指标", null), NullableDecimal),
        Gen.Select(ValueText, ValueText, NullableDecimal, NullableDecimal),
        Gen.Select(ValueText, ValueText, Gen.OneOf<string?>(null, "", "原因"), Gen.Enum<CompletionLikelihood>().Nullable()),
        (level, values, monitoring) => new IndicatorRow
        {
            Level1 = level.Item1, Level1Weight = level.Item2, Level2 = level.Item3, Level2Weight = level.Item4, Name = "指标",
            Target = values.Item1, Actual = values.Item2, Weight = values.Item3, StatedScore = values.Item4,
            MidYearProgress = monitoring.Item1, ExpectedCompletion = monitoring.Item2, Explanation = monitoring.Item3,
            Likelihood = monitoring.Item4, Source = new SourcePosition(2),
        });

    private static Gen<BasicDataRow> BasicDataRow { get; } = Gen.Select(
        Gen.OneOf("三公经费", "1、公务用车购置和维护经费", "其中：公车购置", "项目支出"), Gen.Int[0, 3], NullableDecimal, NullableDecimal, NullableDecimal,
        (label, depth, prior, budget, final) => new BasicDataRow { Label = label, Depth = depth, PriorYearFinal = prior, Budget = budget, Final = final });

    /// <summary>One report sentence of the kinds the report rules relate, with extreme figures in it.</summary>
    private static Gen<string> ReportSentence { get; } = Gen.Select(
        Gen.OneOf(
            "资产合计数{0}万元，其中无形资产{1}万元，占比{2}%",
            "本年度基本支出预算{0}万元，实际支出{1}万元；项目支出预算{1}万元，实际支出{0}万元，本年度预算支出完成率{2}%",
            "上年支出{0}万元，本年支出{1}万元，增长{2}%",
            "预算{0}万元，实际执行{1}万元，超预算{1}万元，增幅{2}%",
            "项目预算{0}元，实际支出{1}元，执行率{2}%",
            "支出总额{0}万元，基本支出{1}万元，项目支出{0}万元",
            "收入{0}亿元，其中财政拨款{1}亿元、其他收入{0}亿元，占总收入的{2}%",
            "自评综合得分为{0}分，评价等级为“优”",
            "部门整体得分{1}分，等级为良",
            "{0}{1}{2}"),
        NumberText, NumberText, NumberText,
        (template, a, b, c) => string.Format(CultureInfo.InvariantCulture, template, a, b, c));

    public static Gen<string?> ReportText { get; } = Gen.Frequency(
        (6, ReportSentence.Array[1, 6].Select(s => (string?)string.Join("。", s) + "。")),
        (1, Gen.OneOf<string?>(null, "", "资产合计数0万元，其中无形资产179.24万元，占比98.93%。", "得分９６分。")),
        (1, Gen.String.Select(s => (string?)s)));

    public static Gen<PerformanceForm> Form { get; } = Gen.Select(
        Gen.Select(Gen.Enum<FormKind>(), FundsRow.List[0, 4], IndicatorRow.List[0, 6], BasicDataRow.List[0, 4]),
        Gen.Select(NullableDecimal, NullableDecimal, Gen.OneOf<string?>(null, "优", "良好", "差", "？"), ReportText),
        Gen.Select(NullableDecimal, NullableDecimal, StatedRate, Gen.Bool),
        Gen.OneOf<int?>(null, 6, 0, -5, 13, int.MaxValue),
        (a, b, staffing, months) =>
        {
            var form = new PerformanceForm
            {
                Kind = a.Item1, Year = 2020, Unit = "测试单位", MoneyUnit = MoneyUnit.TenThousandYuan,
                StatedWeightTotal = b.Item1, StatedTotal = b.Item2, StatedGrade = b.Item3, Text = b.Item4,
                Staffing = new StaffingBlock { Authorized = staffing.Item1, Actual = staffing.Item2, StatedControlRate = staffing.Item3 },
                Incomplete = staffing.Item4, MonitoringMonths = months,
            };
            form.Funds.AddRange(a.Item2);
            form.Indicators.AddRange(a.Item3);
            form.BasicData.AddRange(a.Item4);
            return form;
        });
}
