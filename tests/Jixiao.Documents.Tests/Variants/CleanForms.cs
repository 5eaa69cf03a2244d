namespace Jixiao.Documents.Tests.Variants;

/// <summary>One funds row of a clean form, amounts in 万元 as the base prints them.</summary>
public sealed record CleanFunds(string Label, decimal? Initial, decimal? Budget, decimal? Executed, decimal? Weight = null, decimal? RatePoints = null, decimal? Score = null);

/// <summary>
/// One indicator row of a clean form, its target split the way a comparator-column layout prints it: comparator,
/// value, measure unit. A qualitative row has no comparator and no unit; the actual is then printed as it stands.
/// </summary>
public sealed record CleanIndicator(
    string Level1, string Level2, string Name, string Comparator, string Value, string Unit, string Actual, decimal Weight, decimal Score,
    string? Explanation = null)
{
    public string Target => Comparator + Value + Unit;

    public string ActualText => Actual + Unit;
}

/// <summary>
/// A clean form: its facts are consistent by the rules (weights sum to 100, scores follow the proportional rule, the
/// execution score is rate × weight), so the checker has no error to raise on any faithful reading of it.
/// </summary>
public sealed record CleanForm(
    string Name,
    int Year,
    string Project,
    string Department,
    string Unit,
    IReadOnlyList<CleanFunds> Funds,
    string PlannedGoal,
    string ActualGoal,
    IReadOnlyList<CleanIndicator> Indicators,
    decimal Total)
{
    public decimal WeightTotal => (Funds[0].Weight ?? 0m) + Indicators.Sum(i => i.Weight);

    public decimal? Level1Weight(string level1) => Indicators.Where(i => i.Level1 == level1).Sum(i => i.Weight);

    /// <summary>
    /// Three clean forms. The first is the water-supply project of the every-text-shape test (the 2020 tree, one missed
    /// target scored proportionally with its reason); the second uses the 2021+ tree with 成本指标 as a 一级指标; the
    /// third carries the funds of the clean control form 21 of the audited corpus (99 / 99 / 99, 10, 100%, 10) with
    /// a qualitative benefit row and an exact-value (=) target.
    /// </summary>
    public static IReadOnlyList<CleanForm> All { get; } =
    [
        new("water", 2023, "农村饮水安全巩固提升", "某县水利局", "某县农村供水站",
            [
                new("年度资金总额", 120m, 150m, 138m, 10m, 92.00m, 9.2m),
                new("当年财政拨款", 120m, 150m, 138m),
                new("上年结转资金", 0m, 0m, 0m),
                new("其他资金", 0m, 0m, 0m),
            ],
            "新建供水管网并完成水质检测", "已新建管网并完成全部检测",
            [
                new("产出指标", "数量指标", "新建供水管网长度", "≥", "30", "公里", "32", 20m, 20m),
                new("产出指标", "数量指标", "新建蓄水池数量", "≥", "6", "座", "5", 10m, 8.33m, "一处选址调整"),
                new("产出指标", "质量指标", "水质检测合格率", "≥", "95", "%", "96", 10m, 10m),
                new("产出指标", "时效指标", "工程完工及时性", "", "按期完工", "", "按期完工", 10m, 10m),
                new("效益指标", "社会效益指标", "受益人口", "≥", "12000", "人", "12500", 20m, 20m),
                new("效益指标", "可持续影响指标", "管网设计使用年限", "≥", "20", "年", "20", 10m, 10m),
                new("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "93", 10m, 10m),
            ],
            97.53m),
        new("sewage", 2022, "污水处理厂运维", "某市住房和城乡建设局", "某市排水管理处",
            [
                new("年度资金总额", 320m, 360m, 342m, 10m, 95.00m, 9.5m),
                new("当年财政拨款", 320m, 360m, 342m),
            ],
            "保障污水处理厂稳定运行，出水稳定达标", "全年稳定运行，出水全部达标",
            [
                new("产出指标", "数量指标", "处理污水量", "≥", "300", "万吨", "310", 20m, 20m),
                new("产出指标", "质量指标", "出水水质达标率", "=", "100", "%", "100", 10m, 10m),
                new("产出指标", "时效指标", "设备检修及时率", "≥", "95", "%", "98", 10m, 10m),
                new("成本指标", "经济成本指标", "吨水处理成本", "≤", "1.2", "元", "1.1", 10m, 10m),
                new("效益指标", "生态效益指标", "化学需氧量削减量", "≥", "5000", "吨", "5200", 15m, 15m),
                new("效益指标", "社会效益指标", "服务人口", "≥", "8", "万人", "8.5", 15m, 15m),
                new("满意度指标", "服务对象满意度指标", "周边居民满意度", "≥", "90", "%", "92", 10m, 10m),
            ],
            99.5m),
        new("control21", 2022, "三支一扶补助资金", "某市人力资源和社会保障局", "某市人才服务中心",
            [
                new("年度资金总额", 99m, 99m, 99m, 10m, 100m, 10m),
                new("本年财政拨款", 99m, 99m, 99m),
                new("上年结转资金", null, null, null),
                new("其他资金", null, null, null),
            ],
            "招募高校毕业生到基层服务并按时发放补助", "招募到岗52人，补助按月足额发放",
            [
                new("产出指标", "数量指标", "招募人数", "≥", "50", "人", "52", 20m, 20m),
                new("产出指标", "数量指标", "岗前培训覆盖率", "≥", "95", "%", "100", 10m, 10m),
                new("产出指标", "质量指标", "服务期满考核合格率", "≥", "90", "%", "96", 10m, 10m),
                new("产出指标", "时效指标", "补助发放及时率", "=", "100", "%", "100", 10m, 10m),
                new("效益指标", "社会效益指标", "基层人才队伍补充", "", "有效补充", "", "有效补充", 30m, 30m),
                new("满意度指标", "服务对象满意度指标", "服务单位满意度", "≥", "90", "%", "95", 10m, 10m),
            ],
            100m),
    ];
}
