using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Execution;

/// <summary>
/// A project's figures from the budget/treasury system (双监控), in 元: 年初预算数, 全年预算数 and the payments from
/// January through each month the export covers. <see cref="Source"/> names where they came from (file, import, date)
/// for the findings and the preview.
/// </summary>
public sealed record ImportedExecution(decimal? InitialBudget, decimal? Budget, IReadOnlyDictionary<int, decimal> Paid, string Source);

/// <summary>Which funds cell of a form an imported figure belongs in.</summary>
public enum ExecutionField
{
    /// <summary>年初预算数</summary>
    InitialBudget,
    /// <summary>全年预算数</summary>
    Budget,
    /// <summary>全年执行数, or a monitoring table's 1-N月执行数.</summary>
    Executed,
    /// <summary>A monitoring table's 全年预计执行数: filled when the export covers the whole year, never compared (it is a projection).</summary>
    ForecastExecuted,
}

/// <summary>What the budget system says one funds cell should hold, in the form's money unit rounded to two decimals.</summary>
public sealed record ExpectedFigure(ExecutionField Field, string Label, decimal Value, decimal? Typed)
{
    public bool IsProjection => Field == ExecutionField.ForecastExecuted;
}

/// <summary>
/// The one place that knows which imported figure goes into which funds cell of which form kind, used to fill forms
/// (the import) and to compare what a unit typed (<see cref="CheckCodes.ExecutionFigureMismatch"/>). Only the row that
/// stands for the whole project (年度资金总额) is concerned: an export has one line per project, not per funding source.
/// </summary>
public static class ImportedExecutionFigures
{
    /// <summary>Whether a form kind takes execution figures at all.</summary>
    public static bool Takes(FormKind kind) => kind is FormKind.Monitoring or FormKind.ProjectSelfEvaluation;

    /// <summary>The row the figures go in: the form's 年度资金总额 row (null when it has none).</summary>
    public static FundsRow? Row(PerformanceForm form) => form.Funds.FirstOrDefault(r => r.Role == FundsRowRole.Total);

    /// <summary>
    /// The cells the import gives values for. A monitoring table's 1-N月执行数 needs the payments through its month N
    /// (<paramref name="months"/>: the form's period, else its round's); 全年执行数 and the monitoring projection need the
    /// whole year. A figure the export does not have is left out, never guessed.
    /// </summary>
    public static IReadOnlyList<ExpectedFigure> Expected(PerformanceForm form, ImportedExecution imported, int? months)
    {
        if (!Takes(form.Kind)) return [];
        var unit = form.MoneyUnit ?? MoneyUnit.Yuan;
        var row = Row(form);
        var list = new List<ExpectedFigure>();
        void Add(ExecutionField field, string label, decimal? yuan, decimal? typed)
        {
            if (yuan is { } y && InUnit(y, unit) is { } value) list.Add(new ExpectedFigure(field, label, value, typed));
        }
        Add(ExecutionField.InitialBudget, "年初预算数", imported.InitialBudget, row?.InitialBudget);
        Add(ExecutionField.Budget, "全年预算数", imported.Budget, row?.Budget);
        if (form.Kind == FormKind.Monitoring)
        {
            if (months is { } n and >= 1 and <= 12 && imported.Paid.TryGetValue(n, out var through)) Add(ExecutionField.Executed, $"1-{n}月执行数", through, row?.Executed);
            if (imported.Paid.TryGetValue(12, out var year)) Add(ExecutionField.ForecastExecuted, "全年预计执行数", year, row?.ForecastExecuted);
        }
        else if (imported.Paid.TryGetValue(12, out var year)) Add(ExecutionField.Executed, "全年执行数", year, row?.Executed);
        return list;
    }

    /// <summary>An amount in 元 in <paramref name="unit"/>, to two decimals half away from zero (null beyond any form's range).</summary>
    public static decimal? InUnit(decimal yuan, MoneyUnit unit)
    {
        // Always printed with two decimals (adding 0.00 sets the scale), whatever scale the stored amount came back with.
        var value = Numbers.Round(unit == MoneyUnit.TenThousandYuan ? yuan / 10_000m : yuan, 2) + 0.00m;
        return DomainRanges.IsAmount(value) ? value : null;
    }

    /// <summary>Whether a typed figure says the imported one at the precision it was typed with (4754 万元 says 4753.66).</summary>
    public static bool Agrees(decimal typed, decimal expected) => Numbers.Round(expected, Math.Min(Numbers.Decimals(typed), 2)) == Numbers.Round(typed, 2);

    /// <summary>Puts <paramref name="value"/> into <paramref name="field"/> of <paramref name="row"/>.</summary>
    public static void Set(FundsRow row, ExecutionField field, decimal value)
    {
        switch (field)
        {
            case ExecutionField.InitialBudget: row.InitialBudget = value; break;
            case ExecutionField.Budget: row.Budget = value; break;
            case ExecutionField.Executed: row.Executed = value; break;
            case ExecutionField.ForecastExecuted: row.ForecastExecuted = value; break;
        }
    }

    /// <summary>
    /// A finding for every typed figure of the 年度资金总额 row that differs from the budget system's, both figures and
    /// the source named. Blank cells are not findings (the import fills them); projections are not compared.
    /// </summary>
    public static IReadOnlyList<Finding> Compare(PerformanceForm form, ImportedExecution imported, int? months)
    {
        if (Row(form) is not { } row) return [];
        var unit = (form.MoneyUnit ?? MoneyUnit.Yuan).Symbol();
        var findings = new List<Finding>();
        foreach (var e in Expected(form, imported, months))
        {
            if (e.IsProjection || e.Typed is not { } typed || !DomainRanges.IsAmount(typed) || Agrees(typed, e.Value)) continue;
            var stated = Numbers.Format(typed);
            var expected = Numbers.Format(e.Value, 2);
            findings.Add(new Finding(
                CheckCodes.ExecutionFigureMismatch, Severity.Error,
                $"{e.Label}填报为{stated}{unit}，预算执行系统数据为{expected}{unit}（{imported.Source}）。请按预算执行系统数据核对更正；确有差异的，请说明原因。",
                $"{e.Label} is stated as {stated} but the budget system has {expected} ({imported.Source}).",
                Locations.Funds(row, e.Label), stated, expected, $"预算执行系统：{imported.Source}"));
        }
        return findings;
    }
}
