using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Funds;

/// <summary>执行率 recomputed from a funds row's own amounts (§3.3): B / A, or (B − C) / A where the layout has C.</summary>
internal static class ExecutionRates
{
    /// <summary>
    /// The budget the rate is taken on: 全年预算数; a monitoring table has only 年初预算数 (its 1-N月执行率 is on it).
    /// </summary>
    public static decimal? Base(PerformanceForm form, FundsRow row) =>
        row.Budget ?? (form.Kind == FormKind.Monitoring ? row.InitialBudget : null);

    /// <summary>The 上级财政移动支付 (C) subtracted from B: only where the form states it and the rulebook subtracts it.</summary>
    public static decimal? Transfer(FundsRow row, Rulebook rulebook) => rulebook.Execution.SubtractTransfer ? row.Transfer : null;

    public static decimal? Fraction(PerformanceForm form, FundsRow row, Rulebook rulebook)
    {
        if (Base(form, row) is not { } a || a == 0m || row.Executed is not { } b) return null;
        return Percentage.Ratio(b - (Transfer(row, rulebook) ?? 0m), a)?.Fraction;
    }

    /// <summary>"51562685.00 ÷ 51565764.00" or "(2032 − 0) ÷ 868", in the form's money unit.</summary>
    public static string Formula(PerformanceForm form, FundsRow row, Rulebook rulebook)
    {
        var a = Numbers.Format(Base(form, row) ?? 0m);
        var b = Numbers.Format(row.Executed ?? 0m);
        return Transfer(row, rulebook) is { } c ? $"({b} − {Numbers.Format(c)}) ÷ {a}" : $"{b} ÷ {a}";
    }

    /// <summary>The rows whose rate stands for the whole: the 年度资金总额 row, else the 资金来源 rows of the department layout.</summary>
    public static IEnumerable<FundsRow> WholeRows(PerformanceForm form)
    {
        var totals = form.Funds.Where(r => r.Role == FundsRowRole.Total).ToList();
        return totals.Count > 0 ? totals : form.Funds.Where(r => r.Role == FundsRowRole.Source).Take(1);
    }
}
