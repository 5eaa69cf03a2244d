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
    /// <summary>Warning: a total a report states after its parts differs from their sum by what only the parts' rounding could hide.</summary>
    public const string SumTailDifference = "sum-tail-difference";

    public const string TotalUnreachable = "total-unreachable";
    public const string ActualAsThreshold = "actual-as-threshold";
    public const string NotApplicableScored = "not-applicable-scored";
    public const string TemplateTextLeft = "template-text-left";
    public const string DeadlineBeforeYear = "deadline-before-year";
    public const string MonitoringBehindSchedule = "monitoring-behind-schedule";
    public const string DirectionReversed = "direction-reversed";
    public const string MoneyAsQuantity = "money-as-quantity";
    public const string CostIndicatorMissing = "cost-indicator-missing";
    public const string OverAchievementUnexplained = "over-achievement-unexplained";
    public const string ReportEmpty = "report-empty";
    public const string ReportSectionMissing = "report-section-missing";
    public const string ReportDraftGap = "report-draft-gap";

    // Across forms and years (History/CrossFormChecks) and credibility signals (History/Credibility).
    public const string TargetBelowLastActual = "target-below-last-actual";
    public const string IndicatorDropped = "indicator-dropped";
    public const string TargetChanged = "target-changed";
    public const string DepartmentProjectsMismatch = "department-projects-mismatch";
    public const string BasicDataMismatch = "basic-data-mismatch";
    public const string SatisfactionAlwaysHigh = "satisfaction-always-high";
    public const string IndicatorsCopied = "indicators-copied";
    public const string AllTargetsExactlyMet = "all-targets-exactly-met";
    public const string TargetsMetLowExecution = "targets-met-low-execution";
    public const string FormUnfilled = "form-unfilled";
    public const string MonitoringLikelihoodMismatch = "monitoring-likelihood-mismatch";

    /// <summary>Warning: a target outside the range of peer units' targets for the same indicator (History/PeerRanges, from the indicator library).</summary>
    public const string TargetOutsidePeerRange = "target-outside-peer-range";
    /// <summary>Error: a funds figure typed by the unit differs from the budget/treasury system's (Checks/Execution, 双监控).</summary>
    public const string ExecutionFigureMismatch = "execution-figure-mismatch";
    // Scoring sheets of 事前绩效评估 and 绩效评价 (issue 20).
    public const string SectionWeightMismatch = "section-weight-mismatch";
    public const string ReducedAmountMismatch = "reduced-amount-mismatch";
    public const string ConclusionGradeMismatch = "conclusion-grade-mismatch";

    /// <summary>Info: the reading of the form was uncertain, so arithmetic findings on the uncertain parts are held back.</summary>
    public const string ReadingUncertain = "reading-uncertain";

    /// <summary>Error: a number no form could hold (Forms.DomainRanges); the arithmetic on it is left out.</summary>
    public const string ValueOutOfRange = "value-out-of-range";

    /// <summary>Warning: a check rule failed on this form (a defect of the checker, not of the form); the other rules ran.</summary>
    public const string InternalError = "internal-error";

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
        SumTailDifference => "合计与分项之和存在尾差",
        ReadingUncertain => "识别存疑",
        ValueOutOfRange => "数值超出合理范围",
        InternalError => "检查规则内部错误",
        TotalUnreachable => "总分超过可得最高分",
        ActualAsThreshold => "完成值写成门槛",
        NotApplicableScored => "不适用指标得分",
        TemplateTextLeft => "残留模板说明",
        DeadlineBeforeYear => "时限早于本年度",
        MonitoringBehindSchedule => "执行进度落后",
        DirectionReversed => "指标方向相反",
        MoneyAsQuantity => "金额作数量指标",
        CostIndicatorMissing => "缺少成本指标",
        OverAchievementUnexplained => "超额完成未说明",
        TargetBelowLastActual => "目标低于上年实际",
        IndicatorDropped => "批复指标未评价",
        TargetChanged => "指标值与批复不一致",
        DepartmentProjectsMismatch => "项目合计超过部门项目支出",
        BasicDataMismatch => "基础数据表与整体表不一致",
        SatisfactionAlwaysHigh => "满意度历年偏高",
        IndicatorsCopied => "不同项目指标雷同",
        AllTargetsExactlyMet => "完成值全部等于目标",
        TargetsMetLowExecution => "执行率低而指标全部完成",
        FormUnfilled => "公开的是空白模板",
        ReportEmpty => "自评报告为空",
        ReportSectionMissing => "自评报告缺少章节",
        MonitoringLikelihoodMismatch => "完成可能性与预计不符",
        ReportDraftGap => "自评报告留有待填写内容",
        TargetOutsidePeerRange => "目标超出同类单位区间",
        ExecutionFigureMismatch => "与预算执行系统数据不一致",
        SectionWeightMismatch => "评分内容分值与规则不符",
        ReducedAmountMismatch => "调减金额不符",
        ConclusionGradeMismatch => "评估结论与等级不符",
        _ => code,
    };

    public static IReadOnlyList<string> All { get; } =
    [
        ExecutionRateMismatch, ExecutionScoreMismatch, OverExecution, FundsSubtotalMismatch, WeightSum, ScoreExceedsWeight,
        TotalMismatch, GradeMismatch, DeductionUnexplained, FullScoreDespiteMiss, ScoreNotProportional, QualitativeTier,
        MissingValue, TargetNotMeasurable, DuplicateForm, SubtotalMismatch, ShareMismatch, MonitoringProgressMismatch,
        MonitoringDeviationUnexplained, ReportTableMismatch, ReadingUncertain, ValueOutOfRange, InternalError, TotalUnreachable, ActualAsThreshold,
        NotApplicableScored, TemplateTextLeft, DeadlineBeforeYear, MonitoringBehindSchedule, DirectionReversed, MoneyAsQuantity,
        CostIndicatorMissing, OverAchievementUnexplained,
        TargetBelowLastActual, IndicatorDropped, TargetChanged, DepartmentProjectsMismatch, BasicDataMismatch,
        SatisfactionAlwaysHigh, IndicatorsCopied, AllTargetsExactlyMet, TargetsMetLowExecution, FormUnfilled,
        ReportEmpty, ReportSectionMissing,
        MonitoringLikelihoodMismatch,
        ReportDraftGap,
        TargetOutsidePeerRange,
        ExecutionFigureMismatch,
        SectionWeightMismatch, ReducedAmountMismatch, ConclusionGradeMismatch,
        SumTailDifference,
    ];
}
