using System.Globalization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Tests.Checks;

/// <summary>Hand-built forms shaped like the seeds, and a short way to run the checker on them.</summary>
internal static class FormBuilder
{
    public static Rulebook Rulebook => Rulebooks.Rulebooks.Default;

    public static decimal D(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    public static Percentage P(string text) => Percentage.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    public static PerformanceForm Project(string name = "测试项目", string budget = "100.00", string executed = "95.00", string rate = "95.00%", string score = "9.50")
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Project = name, Department = "测试主管部门", Unit = "测试单位",
            MoneyUnit = MoneyUnit.TenThousandYuan,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = D(budget), Budget = D(budget), Executed = D(executed), Weight = 10m, StatedRate = P(rate), StatedScore = D(score) });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, InitialBudget = D(budget), Budget = D(budget), Executed = D(executed) });
        return form;
    }

    public static IndicatorRow Row(string level1, string level2, string name, string target, string actual, string weight, string score, string? explanation = null) => new()
    {
        Level1 = level1, Level2 = level2, Name = name, Target = target, Actual = actual,
        Weight = D(weight), StatedScore = D(score), Explanation = explanation,
    };

    /// <summary>A correctly filled project table: every number follows the national rules, every deduction explained.</summary>
    public static PerformanceForm Clean()
    {
        var form = Project("政务数据共享平台运维", "200.00", "190.00", "95.00%", "9.50");
        form.Indicators.Add(Row("产出指标", "数量指标", "接入部门数", "≥40个", "50个", "15", "15"));
        form.Indicators.Add(Row("产出指标", "质量指标", "系统可用率", "≥99%", "99.5%", "15", "15"));
        form.Indicators.Add(Row("产出指标", "时效指标", "故障响应时间", "≤2小时", "2小时", "10", "10"));
        form.Indicators.Add(Row("产出指标", "成本指标", "预算控制率", "≤100%", "95%", "10", "10"));
        form.Indicators.Add(Row("效益指标", "社会效益指标", "数据共享调用次数", "≥20万次", "18万次", "15", "13.5", "年中两个部门系统迁移，调用量低于预期；明年提前协调迁移计划。"));
        form.Indicators.Add(Row("效益指标", "可持续影响指标", "运维管理制度", "2项", "2项", "15", "15"));
        form.Indicators.Add(Row("满意度指标", "服务对象满意度指标", "使用部门满意度", "≥90%", "92%", "10", "10"));
        form.StatedWeightTotal = 100m;
        form.StatedTotal = D("98.00");
        return form;
    }

    public static IReadOnlyList<Finding> Check(PerformanceForm form) => Checker.Check(form, Rulebook);

    public static IReadOnlyList<Finding> Run(ICheckRule rule, PerformanceForm form) =>
        rule.Check(new CheckContext(form, Rulebook)).ToList();
}
