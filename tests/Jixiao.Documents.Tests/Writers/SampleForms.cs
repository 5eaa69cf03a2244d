using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// Forms with the figures of the seeds (浏阳市数据资源中心 2020, seed 002; 上海市大数据中心, seed 003; 望城区, seed 000),
/// built in code so every writer test starts from the same known data.
/// </summary>
public static class SampleForms
{
    public const string Unit = "浏阳市数据资源中心";

    public static IReadOnlyList<PerformanceForm> All() =>
        [LinkLease(), DepartmentWide(), BasicData(), Monitoring(), Targets(), ShanghaiProject(), WangchengDepartment()];

    /// <summary>One form of every kind with a table (the report kind is narrative).</summary>
    public static IReadOnlyList<PerformanceForm> EveryKind() =>
        [LinkLease(), DepartmentWide(), BasicData(), Monitoring(), Targets()];

    /// <summary>Seed 002: 2020年项目支出绩效自评表, 全市政务网络链路租赁经费, money in 万元.</summary>
    public static PerformanceForm LinkLease()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation,
            Year = 2020,
            Title = "2020年项目支出绩效自评表",
            Project = "全市政务网络（政务外网和党政工作专网）链路租赁经费",
            Department = Unit,
            Unit = Unit,
            MoneyUnit = MoneyUnit.TenThousandYuan,
            PlannedGoal = "统一全市政务网络管理，节省财政投资。保障全市网上办公和业务系统正常运行，方便群众企业办事。",
            ActualGoal = "全年收集整理25个单位的130个电子证照、41万余条存量电子证照数据，采集制作电子印章470枚。",
            StatedWeightTotal = 100m,
            StatedTotal = 96m,
            Filler = "张三",
            Head = "李四",
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 403m, Budget = 403m, Executed = 403m, Weight = 10m, StatedRate = new Percentage(1m, 2), StatedScore = 10m });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, InitialBudget = 403m, Budget = 403m });
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 0m, Executed = 0m });
        form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 0m, Executed = 0m });
        form.Indicators.AddRange(
        [
            Row("产出指标", 50, "数量指标", 15, "带宽总共3G，政务网络覆盖全市所有市直单位，32个乡镇街道，323个村社区。", "100.00%", "100%", 15, 15),
            Row("产出指标", 50, "质量指标", 20, "网络安全稳定顺畅高效运行。", "7*24", "100%", 20, 19, "个别时段网络波动，将加强巡检。"),
            Row("产出指标", 50, "时效指标", 5, "全天候运行", "7*24", "100%", 5, 5),
            Row("产出指标", 50, "成本指标", 10, "链路租赁费、日常监测、安全运维。", "≤100%", "≤100%", 10, 10),
            Row("效益指标", 40, "经济效益指标", 10, "统一全市政务网络管理，节省财政投资。", "统一政务网络“一张网”", "100%", 10, 9, "部分单位尚未接入统一网络。"),
            Row("效益指标", 40, "社会效益指标", 10, "保障全市网上办公和业务系统正常运行，方便群众企业办事。", "保障政务网络及业务系统正常稳定运行", "100%", 10, 9),
            Row("效益指标", 40, "生态效益指标", 10, "节省能源", "100%", "100%", 10, 10),
            Row("效益指标", 40, "可持续影响指标", 10, "可持续发展", "100%", "100%", 10, 10),
            Row("满意度指标", 10, "服务对象满意度指标", 10, "社会和人民群众满意度的评价", "满意度达95%", "大于93%", 10, 9, "满意度调查覆盖面不足。"),
        ]);
        return form;
    }

    /// <summary>Seed 002: 2020年部门整体支出绩效自评表 (Hunan layout), money in 元.</summary>
    public static PerformanceForm DepartmentWide()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.DepartmentSelfEvaluation,
            Year = 2020,
            Title = "2020年部门整体支出绩效自评表",
            Unit = Unit,
            MoneyUnit = MoneyUnit.Yuan,
            PlannedGoal = "为全市机关正常运行和业务专项工作顺利开展提供强有力的网络、数据资源支撑保障服务。",
            ActualGoal = "政府门户网站建设与管理水平进一步提升，在长沙率先示范完成政府门户网站的集约化建设。",
            StatedWeightTotal = 100m,
            StatedTotal = 96m,
            StatedGrade = "优",
            Filler = "张三",
            Head = "李四",
        };
        form.Funds.Add(new FundsRow { Label = "资金来源：（1）财政拨款", Role = FundsRowRole.Source, Budget = 6_272_512.00m, Executed = 11_124_990.85m, StatedRate = new Percentage(1m, 2) });
        form.Funds.Add(new FundsRow { Label = "（2）其他资金", Role = FundsRowRole.Source, Budget = 0m, Executed = 0m, StatedRate = new Percentage(1m, 2) });
        form.Funds.Add(new FundsRow { Label = "资金结构：（1）基本支出", Role = FundsRowRole.Structure, Budget = 1_490_112.00m, Executed = 1_625_312.00m, StatedRate = new Percentage(1m, 2) });
        form.Funds.Add(new FundsRow { Label = "（2）项目支出", Role = FundsRowRole.Structure, Budget = 4_782_400.00m, Executed = 9_499_678.85m, StatedRate = new Percentage(1m, 2) });
        form.Indicators.AddRange(
        [
            Dept("投入管理", 30, "预算编审管理", 3, null, "100.00%", 3, 3),
            Dept("投入管理", 30, "预算执行管理", 4, null, "100.00%", 4, 4),
            Dept("投入管理", 30, "资产管理", 4, null, "100.00%", 4, 3, "个别资产未及时登记入账。"),
            Dept("产出指标", 25, "数量指标", 6, "在职人员控制率", "100.00%", 3, 3),
            Dept("产出指标", 25, "数量指标", 6, "“三公经费”变动率", "100.00%", 3, 3),
            Dept("效益指标", 45, "经济效益指标", 10, "统一全市政务网络管理，节省财政投资。", "100.00%", 10, 9, "节省投资的测算口径待统一。"),
            Dept("效益指标", 45, "满意度指标", 10, "社会和人民群众满意度的评价", "大于98%", 10, 9),
        ]);
        return form;
    }

    /// <summary>Seed 002: 部门整体支出绩效自评基础数据表, money in 万元.</summary>
    public static PerformanceForm BasicData()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.DepartmentBasicData,
            Year = 2020,
            Title = "部门整体支出绩效自评基础数据表",
            Unit = Unit,
            MoneyUnit = MoneyUnit.TenThousandYuan,
            Staffing = new StaffingBlock { Authorized = 15m, Actual = 13m, StatedControlRate = new Percentage(1m, 0) },
        };
        form.BasicData.AddRange(
        [
            new BasicDataRow { Label = "三公经费", Depth = 0, PriorYearFinal = 1.86m, Budget = 2m, Final = 0.95m },
            new BasicDataRow { Label = "1、公务用车购置和维护经费", Depth = 1, PriorYearFinal = 0m, Budget = 0m, Final = 0m },
            new BasicDataRow { Label = "其中：公车购置", Depth = 2, PriorYearFinal = 0m, Budget = 0m, Final = 0m },
            new BasicDataRow { Label = "3、公务接待", Depth = 1, PriorYearFinal = 1.86m, Budget = 2m, Final = 0.95m },
            new BasicDataRow { Label = "项目支出", Depth = 0, PriorYearFinal = 634.13m, Budget = 478.24m, Final = 949.97m },
            new BasicDataRow { Label = "公用经费", Depth = 0, Budget = 10m, Final = 18.76m },
            new BasicDataRow { Label = "政府采购金额", Depth = 0, PriorYearFinal = 405m, Final = 450.16m },
            new BasicDataRow { Label = "厉行节约保障措施", Depth = 0, Text = "全体机关人员使用空调时夏季不低于26℃，冬季不高于20℃。" },
        ]);
        return form;
    }

    /// <summary>Seed 002: 2021年项目支出绩效目标执行监控表, 1-6月.</summary>
    public static PerformanceForm Monitoring()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Monitoring,
            Year = 2021,
            Title = "2021年项目支出绩效目标执行监控表",
            Project = "政务外网和政府网站安全监控等经费",
            Department = Unit,
            Unit = Unit,
            MoneyUnit = MoneyUnit.TenThousandYuan,
            MonitoringMonths = 6,
            PlannedGoal = "1、监控平台搭建（包括外网和网站）；2、外网系统及门户网站安全评估、协助加固。",
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 32.68m, Executed = 0m, StatedRate = new Percentage(0m, 0), ForecastExecuted = 32.68m });
        form.Funds.Add(new FundsRow { Label = "其中：本年一般公共预算拨款", Role = FundsRowRole.Part, InitialBudget = 32.68m });
        form.Indicators.AddRange(
        [
            new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "监控平台搭建（包括外网和网站）", Target = "100%", MidYearProgress = "100%", ExpectedCompletion = "100%", Likelihood = CompletionLikelihood.Certain },
            new IndicatorRow { Level1 = "产出指标", Level2 = "时效指标", Name = "全天候运行", Target = "7天*24小时", MidYearProgress = "100%", ExpectedCompletion = "100%", Likelihood = CompletionLikelihood.Certain },
            new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "监控平台搭建，开展实时监测。", Target = "100%", MidYearProgress = "50%", ExpectedCompletion = "90%", Causes = DeviationCauses.Funding | DeviationCauses.Hardware, Explanation = "资金尚未拨付，设备未到位。", Likelihood = CompletionLikelihood.Possible, Remark = "下半年加快采购" },
        ]);
        return form;
    }

    /// <summary>A 2021 绩效目标申报表 for the same project.</summary>
    public static PerformanceForm Targets()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Targets,
            Year = 2021,
            Title = "2021年绩效目标申报表",
            Project = "政务外网和政府网站安全监控等经费",
            Department = Unit,
            Unit = Unit,
            MoneyUnit = MoneyUnit.TenThousandYuan,
            PlannedGoal = "外网系统及门户网站安全评估、协助加固，7天*24小时实时监测。",
            StatedWeightTotal = 90m,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 32.68m });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, InitialBudget = 32.68m });
        form.Indicators.AddRange(
        [
            new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "监控平台搭建", Target = "1套", Weight = 50m },
            new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "安全事件及时处置率", Target = "≥95%", Weight = 30m },
            new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "使用单位满意度", Target = "≥90%", Weight = 10m },
        ]);
        return form;
    }

    /// <summary>Seed 003: 财政项目支出绩效自评表 数据运营服务, money in 元 with a 6.00 score on a missed target.</summary>
    public static PerformanceForm ShanghaiProject()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation,
            Year = 2020,
            Title = "财政项目支出绩效自评表",
            Project = "上海市政务云基础设施服务费(运维)",
            Department = "上海市大数据中心",
            Unit = "上海市大数据中心",
            MoneyUnit = MoneyUnit.Yuan,
            StatedWeightTotal = 100m,
            StatedTotal = 90m,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = 42_546_380.00m, Budget = 42_546_380.00m, Executed = 42_456_311.08m, Weight = 10m, StatedRate = new Percentage(0.9979m, 2), StatedScore = 9.98m });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, InitialBudget = 42_546_380.00m, Budget = 42_546_380.00m, Executed = 42_456_311.08m });
        form.Indicators.AddRange(
        [
            Row("产出指标", null, "质量指标", null, "质量问题整改率", "≥90%", "80%", 10, 6, "数据质量体系的构建需要进一步完善与细化，数据质量规则还有待优化。"),
            Row("效益指标", null, "社会效益指标", null, "数据治理程度", "≥90%", "基本完成", 10, 7, "加强数据治理体系建设，和各部门一起完善数据治理方式方法"),
            Row("满意度指标", null, "服务对象满意度指标", null, "使用方满意度", "≥95%", "95%", 70, 67.02m),
        ]);
        return form;
    }

    /// <summary>Seed 000: the department-wide layout with 上级财政移动支付 (C), money in 万元.</summary>
    public static PerformanceForm WangchengDepartment()
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.DepartmentSelfEvaluation,
            Year = 2020,
            Title = "部门整体自评表",
            Unit = "长沙市望城区数据资源中心",
            MoneyUnit = MoneyUnit.TenThousandYuan,
            Functions = "1、组织实施国家和地方数据技术标准。\n2、负责全区应用系统的统筹、管理、整合、共享。",
            PlannedGoal = "目标 1：推进城区新型智慧城市（一期）建设；",
            ActualGoal = "以上基本达成年度目标。",
            StatedWeightTotal = 100m,
            StatedTotal = 90m,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 868m, Executed = 2032m, Transfer = 0m, Weight = 10m, StatedRate = new Percentage(2.34m, 2), StatedScore = 0m });
        form.Funds.Add(new FundsRow { Label = "财政拨款", Role = FundsRowRole.Part, Budget = 868m, Executed = 2032m, Transfer = 0m, StatedRate = new Percentage(2.34m, 2) });
        form.Indicators.AddRange(
        [
            new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "信息系统及政务网络运维", Content = "信息更新率", Target = "每天更新", Actual = "已做到每日更新", Weight = 4m, StatedScore = 4m },
            new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "信息系统及政务网络运维", Content = "被服务对象满意率", Target = "90%以上", Actual = "95%以上", Weight = 10m, StatedScore = 10m },
        ]);
        return form;
    }

    private static IndicatorRow Row(string level1, decimal? level1Weight, string level2, decimal? level2Weight, string name, string target, string actual, decimal weight, decimal score, string? explanation = null) => new()
    {
        Level1 = level1, Level1Weight = level1Weight, Level2 = level2, Level2Weight = level2Weight, Name = name,
        Target = target, Actual = actual, Weight = weight, StatedScore = score, Explanation = explanation,
    };

    private static IndicatorRow Dept(string level1, decimal level1Weight, string level2, decimal level2Weight, string? name, string actual, decimal weight, decimal score, string? explanation = null) => new()
    {
        Level1 = level1, Level1Weight = level1Weight, Level2 = level2, Level2Weight = level2Weight, Name = name,
        Actual = actual, Weight = weight, StatedScore = score, Explanation = explanation,
    };
}
