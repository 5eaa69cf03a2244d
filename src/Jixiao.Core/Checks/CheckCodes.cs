namespace Jixiao.Core.Checks;

/// <summary>The stable finding codes (docs/checks.md). They are part of the public interface: never rename one.</summary>
public static class CheckCodes
{
    public const string ExecutionRateMismatch = "execution-rate-mismatch";
    public const string ExecutionScoreMismatch = "execution-score-mismatch";
    public const string OverExecution = "over-execution";
    public const string FundsSubtotalMismatch = "funds-subtotal-mismatch";
    public const string WeightSum = "weight-sum";
    public const string ScoreExceedsWeight = "score-exceeds-weight";
    public const string TotalMismatch = "total-mismatch";
    public const string GradeMismatch = "grade-mismatch";
    public const string DeductionUnexplained = "deduction-unexplained";
    public const string FullScoreDespiteMiss = "full-score-despite-miss";
    public const string ScoreNotProportional = "score-not-proportional";
    public const string QualitativeTier = "qualitative-tier";
    public const string MissingValue = "missing-value";
    public const string TargetNotMeasurable = "target-not-measurable";
    public const string DuplicateForm = "duplicate-form";
    public const string SubtotalMismatch = "subtotal-mismatch";
    public const string ShareMismatch = "share-mismatch";
    public const string MonitoringProgressMismatch = "monitoring-progress-mismatch";
    public const string MonitoringDeviationUnexplained = "monitoring-deviation-unexplained";
    public const string ReportTableMismatch = "report-table-mismatch";

    /// <summary>Info: the reading of the form was uncertain, so arithmetic findings on the uncertain parts are held back.</summary>
    public const string ReadingUncertain = "reading-uncertain";

    /// <summary>What the screens call each finding; the code itself goes in small print beside it.</summary>
    public static string ChineseName(string code) => code switch
    {
        ExecutionRateMismatch => "执行率计算不符",
        ExecutionScoreMismatch => "执行率得分不符",
        OverExecution => "超预算执行",
        FundsSubtotalMismatch => "资金分项合计不符",
        WeightSum => "分值合计不符",
        ScoreExceedsWeight => "得分超过分值",
        TotalMismatch => "总分不符",
        GradeMismatch => "等级与总分不符",
        DeductionUnexplained => "扣分未说明原因",
        FullScoreDespiteMiss => "未完成却得满分",
        ScoreNotProportional => "得分与完成比例不符",
        QualitativeTier => "定性指标得分档次不符",
        MissingValue => "必填项为空",
        TargetNotMeasurable => "指标值不可衡量",
        DuplicateForm => "重复的表",
        SubtotalMismatch => "小计不符",
        ShareMismatch => "占比不符",
        MonitoringProgressMismatch => "监控执行进度不符",
        MonitoringDeviationUnexplained => "监控偏差未说明原因",
        ReportTableMismatch => "报告与表格不一致",
        ReadingUncertain => "识别存疑",
        _ => code,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        ExecutionRateMismatch, ExecutionScoreMismatch, OverExecution, FundsSubtotalMismatch, WeightSum, ScoreExceedsWeight,
        TotalMismatch, GradeMismatch, DeductionUnexplained, FullScoreDespiteMiss, ScoreNotProportional, QualitativeTier,
        MissingValue, TargetNotMeasurable, DuplicateForm, SubtotalMismatch, ShareMismatch, MonitoringProgressMismatch,
        MonitoringDeviationUnexplained, ReportTableMismatch, ReadingUncertain,
    ];
}
