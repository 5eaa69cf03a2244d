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

    /// <summary>Info: the reading of the form was uncertain, so arithmetic findings on the uncertain parts are held back.</summary>
    public const string ReadingUncertain = "reading-uncertain";

    /// <summary>Error: a number no form could hold (Forms.DomainRanges); the arithmetic on it is left out.</summary>
    public const string ValueOutOfRange = "value-out-of-range";

    /// <summary>Warning: a check rule failed on this form (a defect of the checker, not of the form); the other rules ran.</summary>
    public const string InternalError = "internal-error";

    public static IReadOnlyList<string> All { get; } =
    [
        ExecutionRateMismatch, ExecutionScoreMismatch, OverExecution, FundsSubtotalMismatch, WeightSum, ScoreExceedsWeight,
        TotalMismatch, GradeMismatch, DeductionUnexplained, FullScoreDespiteMiss, ScoreNotProportional, QualitativeTier,
        MissingValue, TargetNotMeasurable, DuplicateForm, SubtotalMismatch, ShareMismatch, MonitoringProgressMismatch,
        MonitoringDeviationUnexplained, ReportTableMismatch, ReadingUncertain, ValueOutOfRange, InternalError, TotalUnreachable, ActualAsThreshold,
        NotApplicableScored, TemplateTextLeft, DeadlineBeforeYear, MonitoringBehindSchedule, DirectionReversed, MoneyAsQuantity,
        CostIndicatorMissing, OverAchievementUnexplained,
    ];
}
