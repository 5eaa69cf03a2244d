using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Web.Ui;

/// <summary>A new, empty form laid out like the official table of its kind: the funds rows and one row per 二级 of the rulebook's tree.</summary>
public static class FormTemplates
{
    public static PerformanceForm Blank(FormKind kind, int year, string unit, string? department, string? project, Rulebook rulebook)
    {
        var form = new PerformanceForm
        {
            Kind = kind,
            Year = year,
            Title = kind.ChineseName(),
            Unit = unit,
            Department = department,
            Project = kind is FormKind.ProjectSelfEvaluation or FormKind.Monitoring or FormKind.Targets ? project : null,
            MoneyUnit = MoneyUnit.Yuan,
            MonitoringMonths = kind == FormKind.Monitoring ? 6 : null,
        };
        var tree = rulebook.TreeFor(kind == FormKind.DepartmentSelfEvaluation ? kind : FormKind.ProjectSelfEvaluation);
        switch (kind)
        {
            case FormKind.ProjectSelfEvaluation or FormKind.DepartmentSelfEvaluation:
                form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Weight = tree?.ExecutionWeight });
                form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part });
                form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part });
                form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part });
                break;
            case FormKind.Monitoring:
                form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total });
                form.Funds.Add(new FundsRow { Label = "其中：财政资金", Role = FundsRowRole.Part });
                form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part });
                break;
            case FormKind.DepartmentBasicData:
                form.Staffing = new StaffingBlock();
                foreach (var (label, depth) in BasicDataRows) form.BasicData.Add(new BasicDataRow { Label = label, Depth = depth });
                break;
            case FormKind.Targets or FormKind.Report:
                break;
        }
        if (kind is not (FormKind.DepartmentBasicData or FormKind.Report) && tree is not null)
            foreach (var block in tree.Blocks)
                foreach (var child in block.Children)
                    form.Indicators.Add(new IndicatorRow { Level1 = block.Name, Level2 = child.Name });
        return form;
    }

    /// <summary>经费控制情况 as the Hunan 2020 basic data table prints it (§2.3).</summary>
    private static readonly (string Label, int Depth)[] BasicDataRows =
    [
        ("三公经费", 0), ("1、公务用车购置和维护经费", 1), ("其中：公车购置", 2), ("公车运行维护", 2), ("2、出国经费", 1), ("3、公务接待", 1),
        ("项目支出", 0), ("1、业务工作专项", 1), ("2、运行维护专项", 1),
        ("公用经费", 0), ("其中：办公经费", 1), ("水费、电费、差旅费", 1), ("会议费、培训费", 1),
        ("政府采购金额", 0), ("部门整体支出预算调整", 0), ("厉行节约保障措施", 0),
    ];
}
