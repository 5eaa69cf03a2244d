using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Features.Contracts;

/// <summary>
/// Version 1 of a form on the wire, in requests and answers of <c>/api/v1</c>. It mirrors <see cref="PerformanceForm"/>
/// field for field today, but it is the contract: the core type may change without changing what clients send, and
/// every bound here is checked (<see cref="ContractValidation"/>) and published (docs/form-v1.schema.json).
/// </summary>
public sealed record FormV1
{
    [Description("表单类型")]
    public FormKind Kind { get; init; }

    [Description("模板 ID"), MaxLength(ColumnLengths.TemplateId)]
    public string? TemplateId { get; init; }

    [Description("模板版本"), Range(1, 100000)]
    public int? TemplateVersion { get; init; }

    [Description("模板中本表没有专门字段的栏目，以栏目角色 ID 为键，按原样"), MaxLength(Limits.Rows), EachMaxLength(Limits.IndicatorText)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Extra { get; init; }


    [Description("年度"), Range(2000, 2100)]
    public int? Year { get; init; }

    [Description("标题"), MaxLength(ColumnLengths.FormTitle)]
    public string? Title { get; init; }

    [Description("项目名称"), MaxLength(ColumnLengths.ProjectName)]
    public string? Project { get; init; }

    [Description("主管部门"), MaxLength(ColumnLengths.DepartmentName)]
    public string? Department { get; init; }

    [Description("单位名称"), MaxLength(ColumnLengths.UnitName)]
    public string? Unit { get; init; }

    [Description("金额单位")]
    public MoneyUnit? MoneyUnit { get; init; }

    [Description("资金情况"), Required, MaxLength(Limits.Rows)]
    public List<FundsRowV1> Funds { get; init; } = [];

    [Description("监控月数"), Range(1, 12)]
    public int? MonitoringMonths { get; init; }

    [Description("年度总体目标（预期目标）"), MaxLength(Limits.LongText)]
    public string? PlannedGoal { get; init; }

    [Description("年度总体目标（实际完成情况）"), MaxLength(Limits.LongText)]
    public string? ActualGoal { get; init; }

    [Description("部门职能概述"), MaxLength(Limits.LongText)]
    public string? Functions { get; init; }

    [Description("绩效指标"), Required, MaxLength(Limits.Rows)]
    public List<IndicatorRowV1> Indicators { get; init; } = [];

    [Description("总分行的分值"), Range(0, Limits.Score)]
    public decimal? StatedWeightTotal { get; init; }

    [Description("总分"), Range(0, Limits.Score)]
    public decimal? StatedTotal { get; init; }

    [Description("等级"), MaxLength(ColumnLengths.StatedGrade)]
    public string? StatedGrade { get; init; }

    [Description("财政供养人员情况")]
    public StaffingV1? Staffing { get; init; }

    [Description("经费控制情况"), Required, MaxLength(Limits.Rows)]
    public List<BasicDataRowV1> BasicData { get; init; } = [];

    [Description("报告正文"), MaxLength(Limits.ReportText)]
    public string? Text { get; init; }

    [Description("填报人"), MaxLength(ColumnLengths.PersonName)]
    public string? Filler { get; init; }

    [Description("单位负责人"), MaxLength(ColumnLengths.PersonName)]
    public string? Head { get; init; }

    [Description("表单不完整")]
    public bool Incomplete { get; init; }

    [Description("读取说明（由读取存疑记录生成的句子，只读；写入时作为整表存疑保留）"), Required, MaxLength(Limits.Rows), EachMaxLength(Limits.IndicatorText)]
    public List<string> ReadingNotes { get; init; } = [];

    [Description("读取存疑记录：范围、栏目、原因与原文")]
    public List<ReadingDoubtV1>? ReadingDoubts { get; init; }

    [Description("来源位置")]
    public SourceV1? Source { get; init; }

    public static FormV1 From(PerformanceForm f) => new()
    {
        Kind = f.Kind, TemplateId = f.TemplateId, TemplateVersion = f.TemplateVersion, Extra = ExtraV1.From(f.Extra), Year = f.Year, Title = f.Title, Project = f.Project, Department = f.Department, Unit = f.Unit,
        MoneyUnit = f.MoneyUnit, Funds = f.Funds.Select(FundsRowV1.From).ToList(), MonitoringMonths = f.MonitoringMonths,
        PlannedGoal = f.PlannedGoal, ActualGoal = f.ActualGoal, Functions = f.Functions,
        Indicators = f.Indicators.Select(IndicatorRowV1.From).ToList(), StatedWeightTotal = f.StatedWeightTotal,
        StatedTotal = f.StatedTotal, StatedGrade = f.StatedGrade, Staffing = StaffingV1.From(f.Staffing),
        BasicData = f.BasicData.Select(BasicDataRowV1.From).ToList(), Text = f.Text, Filler = f.Filler, Head = f.Head,
        Incomplete = f.Incomplete, ReadingNotes = [.. ReadingDoubtText.Sentences(f)],
        ReadingDoubts = f.ReadingDoubts.Select(ReadingDoubtV1.From).ToList(), Source = SourceV1.From(f.Source),
    };

    /// <summary>The core form; call it on a validated contract only.</summary>
    public PerformanceForm ToForm()
    {
        var form = new PerformanceForm
        {
            Kind = Kind, TemplateId = TemplateId, TemplateVersion = TemplateVersion, Year = Year, Title = Title, Project = Project, Department = Department, Unit = Unit,
            MoneyUnit = MoneyUnit, MonitoringMonths = MonitoringMonths, PlannedGoal = PlannedGoal, ActualGoal = ActualGoal,
            Functions = Functions, StatedWeightTotal = StatedWeightTotal, StatedTotal = StatedTotal, StatedGrade = StatedGrade,
            Staffing = Staffing?.ToCore(), Text = Text, Filler = Filler, Head = Head, Incomplete = Incomplete, Source = Source?.ToCore(),
        };
        ExtraV1.Fill(form.Extra, Extra);
        form.Funds.AddRange(Funds.Select(r => r.ToCore()));
        form.Indicators.AddRange(Indicators.Select(r => r.ToCore()));
        form.BasicData.AddRange(BasicData.Select(r => r.ToCore()));
        // Typed doubts are kept as they are; a client that only states sentences gets them kept as form-wide doubts, as
        // stored notes from before typed doubts are.
        if (ReadingDoubts is { Count: > 0 }) form.ReadingDoubts.AddRange(ReadingDoubts.Select(d => d.ToCore()));
        else form.ReadingDoubts.AddRange(ReadingNotes.Select(ReadingDoubt.Legacy));
        return form;
    }
}

public sealed record FundsRowV1
{
    [Description("行名称"), Required, MaxLength(Limits.ShortText)]
    public string Label { get; init; } = "";

    [Description("行的角色")]
    public FundsRowRole Role { get; init; }

    [Description("年初预算数"), Range(0, Limits.Money)]
    public decimal? InitialBudget { get; init; }

    [Description("全年预算数"), Range(0, Limits.Money)]
    public decimal? Budget { get; init; }

    [Description("全年执行数"), Range(0, Limits.Money)]
    public decimal? Executed { get; init; }

    [Description("上级财政移动支付"), Range(0, Limits.Money)]
    public decimal? Transfer { get; init; }

    [Description("全年预计执行数"), Range(0, Limits.Money)]
    public decimal? ForecastExecuted { get; init; }

    [Description("分值"), Range(0, Limits.Score)]
    public decimal? Weight { get; init; }

    [Description("执行率")]
    public PercentageV1? StatedRate { get; init; }

    [Description("得分"), Range(0, Limits.Score)]
    public decimal? StatedScore { get; init; }

    [Description("模板中本表没有专门字段的栏目，以栏目角色 ID 为键，按原样"), MaxLength(Limits.Rows), EachMaxLength(Limits.IndicatorText)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Extra { get; init; }

    [Description("来源位置")]
    public SourceV1? Source { get; init; }

    public static FundsRowV1 From(FundsRow r) => new()
    {
        Label = r.Label, Role = r.Role, InitialBudget = r.InitialBudget, Budget = r.Budget, Executed = r.Executed,
        Transfer = r.Transfer, ForecastExecuted = r.ForecastExecuted, Weight = r.Weight,
        StatedRate = PercentageV1.From(r.StatedRate), StatedScore = r.StatedScore, Source = SourceV1.From(r.Source),
        Extra = ExtraV1.From(r.Extra),
    };

    public FundsRow ToCore()
    {
        var row = new FundsRow
        {
            Label = Label, Role = Role, InitialBudget = InitialBudget, Budget = Budget, Executed = Executed, Transfer = Transfer,
            ForecastExecuted = ForecastExecuted, Weight = Weight, StatedRate = StatedRate?.ToCore(), StatedScore = StatedScore,
            Source = Source?.ToCore(),
        };
        ExtraV1.Fill(row.Extra, Extra);
        return row;
    }
}

public sealed record IndicatorRowV1
{
    [Description("一级指标"), MaxLength(Limits.ShortText)]
    public string? Level1 { get; init; }

    [Description("一级指标分值"), Range(0, Limits.Score)]
    public decimal? Level1Weight { get; init; }

    [Description("二级指标"), MaxLength(Limits.ShortText)]
    public string? Level2 { get; init; }

    [Description("二级指标分值"), Range(0, Limits.Score)]
    public decimal? Level2Weight { get; init; }

    [Description("三级指标"), MaxLength(Limits.IndicatorText)]
    public string? Name { get; init; }

    [Description("指标内容"), MaxLength(Limits.LongText)]
    public string? Content { get; init; }

    [Description("年度指标值"), MaxLength(Limits.IndicatorText)]
    public string? Target { get; init; }

    [Description("实际完成值"), MaxLength(Limits.IndicatorText)]
    public string? Actual { get; init; }

    [Description("分值"), Range(0, Limits.Score)]
    public decimal? Weight { get; init; }

    [Description("得分"), Range(0, Limits.Score)]
    public decimal? StatedScore { get; init; }

    [Description("偏差原因分析"), MaxLength(Limits.LongText)]
    public string? Explanation { get; init; }

    [Description("改进措施"), MaxLength(Limits.LongText)]
    public string? Improvement { get; init; }

    [Description("1-N月执行情况"), MaxLength(Limits.IndicatorText)]
    public string? MidYearProgress { get; init; }

    [Description("全年预计完成情况"), MaxLength(Limits.IndicatorText)]
    public string? ExpectedCompletion { get; init; }

    [Description("偏差原因类别")]
    public DeviationCauses Causes { get; init; }

    [Description("完成目标可能性")]
    public CompletionLikelihood? Likelihood { get; init; }

    [Description("备注"), MaxLength(Limits.IndicatorText)]
    public string? Remark { get; init; }

    [Description("模板中本表没有专门字段的栏目，以栏目角色 ID 为键，按原样"), MaxLength(Limits.Rows), EachMaxLength(Limits.IndicatorText)]
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, string>? Extra { get; init; }

    [Description("来源位置")]
    public SourceV1? Source { get; init; }

    public static IndicatorRowV1 From(IndicatorRow r) => new()
    {
        Level1 = r.Level1, Level1Weight = r.Level1Weight, Level2 = r.Level2, Level2Weight = r.Level2Weight, Name = r.Name,
        Content = r.Content, Target = r.Target, Actual = r.Actual, Weight = r.Weight, StatedScore = r.StatedScore,
        Explanation = r.Explanation, Improvement = r.Improvement, MidYearProgress = r.MidYearProgress,
        ExpectedCompletion = r.ExpectedCompletion, Causes = r.Causes, Likelihood = r.Likelihood, Remark = r.Remark,
        Source = SourceV1.From(r.Source), Extra = ExtraV1.From(r.Extra),
    };

    public IndicatorRow ToCore()
    {
        var row = new IndicatorRow
        {
            Level1 = Level1, Level1Weight = Level1Weight, Level2 = Level2, Level2Weight = Level2Weight, Name = Name,
            Content = Content, Target = Target, Actual = Actual, Weight = Weight, StatedScore = StatedScore,
            Explanation = Explanation, Improvement = Improvement, MidYearProgress = MidYearProgress,
            ExpectedCompletion = ExpectedCompletion, Causes = Causes, Likelihood = Likelihood, Remark = Remark,
            Source = Source?.ToCore(),
        };
        ExtraV1.Fill(row.Extra, Extra);
        return row;
    }
}

public sealed record BasicDataRowV1
{
    [Description("行名称"), Required, MaxLength(Limits.ShortText)]
    public string Label { get; init; } = "";

    [Description("层级"), Range(0, 9)]
    public int Depth { get; init; }

    [Description("上年决算数"), Range(0, Limits.Money)]
    public decimal? PriorYearFinal { get; init; }

    [Description("本年预算数"), Range(0, Limits.Money)]
    public decimal? Budget { get; init; }

    [Description("本年决算数"), Range(0, Limits.Money)]
    public decimal? Final { get; init; }

    [Description("文字内容"), MaxLength(Limits.LongText)]
    public string? Text { get; init; }

    [Description("来源位置")]
    public SourceV1? Source { get; init; }

    public static BasicDataRowV1 From(BasicDataRow r) => new()
    {
        Label = r.Label, Depth = r.Depth, PriorYearFinal = r.PriorYearFinal, Budget = r.Budget, Final = r.Final,
        Text = r.Text, Source = SourceV1.From(r.Source),
    };

    public BasicDataRow ToCore() => new()
    {
        Label = Label, Depth = Depth, PriorYearFinal = PriorYearFinal, Budget = Budget, Final = Final, Text = Text,
        Source = Source?.ToCore(),
    };
}

public sealed record StaffingV1
{
    [Description("编制数"), Range(0, Limits.Headcount)]
    public decimal? Authorized { get; init; }

    [Description("实际在职人数"), Range(0, Limits.Headcount)]
    public decimal? Actual { get; init; }

    [Description("控制率")]
    public PercentageV1? StatedControlRate { get; init; }

    [Description("来源位置")]
    public SourceV1? Source { get; init; }

    public static StaffingV1? From(StaffingBlock? s) => s is null ? null : new()
    {
        Authorized = s.Authorized, Actual = s.Actual, StatedControlRate = PercentageV1.From(s.StatedControlRate), Source = SourceV1.From(s.Source),
    };

    public StaffingBlock ToCore() => new()
    {
        Authorized = Authorized, Actual = Actual, StatedControlRate = StatedControlRate?.ToCore(), Source = Source?.ToCore(),
    };
}

/// <summary>A printed percentage: 0.9999 with 2 decimals for 99.99%.</summary>
public sealed record PercentageV1
{
    [Description("比率（小数，0.9999 表示 99.99%）"), Range(0, Limits.RateFraction)]
    public decimal Fraction { get; init; }

    [Description("印出的小数位数"), Range(0, Limits.RateDecimals)]
    public int Decimals { get; init; }

    public static PercentageV1? From(Percentage? p) => p is { } v ? new() { Fraction = v.Fraction, Decimals = v.Decimals } : null;

    public Percentage ToCore() => new(Fraction, Decimals);
}

public sealed record SourceV1
{
    [Description("行号"), Range(0, Limits.SourceRow)]
    public int Row { get; init; }

    [Description("列号"), Range(0, Limits.SourceColumn)]
    public int Column { get; init; }

    [Description("工作表"), MaxLength(ColumnLengths.SheetName)]
    public string? Sheet { get; init; }

    [Description("页码"), Range(0, Limits.SourceRow)]
    public int? Page { get; init; }

    public static SourceV1? From(SourcePosition? p) => p is null ? null : new() { Row = p.Row, Column = p.Column, Sheet = p.Sheet, Page = p.Page };

    public SourcePosition ToCore() => new(Row, Column, Sheet, Page);
}

/// <summary>One place where reading was not certain (<see cref="ReadingDoubt"/>), on the wire.</summary>
public sealed record ReadingDoubtV1
{
    [Description("原因")]
    public DoubtReason Reason { get; init; }

    [Description("所在部分")]
    public FormBlock Block { get; init; }

    [Description("范围（由其余字段得出，只读）")]
    public DoubtScope Scope { get; init; }

    [Description("所在行")]
    public SourceV1? Row { get; init; }

    [Description("存疑的栏目"), MaxLength(Limits.Rows)]
    public List<CellRole> Cells { get; init; } = [];

    [Description("行名称"), MaxLength(Limits.IndicatorText)]
    public string? RowLabel { get; init; }

    [Description("原文"), MaxLength(Limits.LongText)]
    public string? Text { get; init; }

    [Description("按何理解记录"), MaxLength(Limits.IndicatorText)]
    public string? Assumed { get; init; }

    public static ReadingDoubtV1 From(ReadingDoubt d) => new()
    {
        Reason = d.Reason, Block = d.Block, Scope = d.Scope, Row = SourceV1.From(d.Row), Cells = [.. d.Cells], RowLabel = d.RowLabel,
        Text = d.Text, Assumed = d.Assumed,
    };

    public ReadingDoubt ToCore() => new()
    {
        Reason = Reason, Block = Block, Row = Row?.ToCore(), Cells = Cells, RowLabel = RowLabel, Text = Text, Assumed = Assumed,
    };
}

/// <summary>Template cells without a field of their own, keyed by role id: absent on the wire when there are none.</summary>
internal static class ExtraV1
{
    public static Dictionary<string, string>? From(Dictionary<string, string> extra) =>
        extra.Count == 0 ? null : new Dictionary<string, string>(extra, StringComparer.Ordinal);

    public static void Fill(Dictionary<string, string> target, Dictionary<string, string>? extra)
    {
        if (extra is null) return;
        foreach (var (key, value) in extra) target[key] = value;
    }
}
