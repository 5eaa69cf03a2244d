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

    /// <summary>
    /// The unrounded rate; null when there is none: a blank or zero budget, a blank 执行数, an amount no form could hold
    /// (reported as value-out-of-range) or a quotient no rate could be (Forms.DomainRanges.Rate).
    /// </summary>
    public static decimal? Fraction(PerformanceForm form, FundsRow row, Rulebook rulebook)
    {
        if (Base(form, row) is not { } a || a == 0m || row.Executed is not { } b) return null;
        var c = Transfer(row, rulebook) ?? 0m;
        if (!DomainRanges.IsAmount(a) || !DomainRanges.IsAmount(b) || !DomainRanges.IsAmount(c)) return null;
        return DomainRanges.Rate(b - c, a);
    }

    /// <summary>"51562685.00 ÷ 51565764.00" or "(2032 − 0) ÷ 868", in the form's money unit.</summary>
    public static string Formula(PerformanceForm form, FundsRow row, Rulebook rulebook)
    {
        var a = Numbers.Format(Base(form, row) ?? 0m);
        var b = Numbers.Format(row.Executed ?? 0m);
        return Transfer(row, rulebook) is { } c ? $"({b} − {Numbers.Format(c)}) ÷ {a}" : $"{b} ÷ {a}";
    }

    /// <summary>
    /// The budget and execution a 年度资金总额 row left at zero stands for: the sums of its 其中 rows. The whole is the sum
    /// of its parts (§2.1) and amounts are not negative, so a total of 0 (or nothing) over parts that carry amounts was
    /// never filled in, and its 执行率 and 得分 can only be those of the parts it adds up (a blank part adds nothing here;
    /// funds-subtotal-mismatch reports the zero itself). Null for any other row, or when a part has a budget without an
    /// execution, or a number no form could hold.
    /// </summary>
    public static (decimal Budget, decimal Executed, IReadOnlyList<FundsRow> Parts)? FromParts(PerformanceForm form, FundsRow row)
    {
        if (row.Role != FundsRowRole.Total || (Base(form, row) ?? 0m) != 0m || (row.Executed ?? 0m) != 0m || (row.Transfer ?? 0m) != 0m) return null;
        var parts = form.Funds.Where(r => r.Role == FundsRowRole.Part && (Base(form, r) is not null || r.Executed is not null)).ToList();
        if (parts.Count == 0) return null;
        decimal budget = 0m, executed = 0m;
        foreach (var p in parts)
        {
            if (Base(form, p) is not { } a || p.Executed is not { } b || !DomainRanges.IsAmount(a) || !DomainRanges.IsAmount(b) || a < 0m || b < 0m) return null;
            budget += a;
            executed += b;
        }
        return budget > 0m ? (budget, executed, parts) : null;
    }

    /// <summary>"132.912 ÷ 132.912" of <see cref="FromParts"/>, naming the parts when there are several.</summary>
    public static string PartsFormula(PerformanceForm form, decimal budget, decimal executed, IReadOnlyList<FundsRow> parts) => parts.Count == 1
        ? $"{Numbers.Format(executed)} ÷ {Numbers.Format(budget)}"
        : $"({string.Join(" + ", parts.Select(p => Numbers.Format(p.Executed ?? 0m)))}) ÷ ({string.Join(" + ", parts.Select(p => Numbers.Format(Base(form, p) ?? 0m)))})";

    /// <summary>The rows whose rate stands for the whole: the 年度资金总额 row, else the 资金来源 rows of the department layout.</summary>
    public static IEnumerable<FundsRow> WholeRows(PerformanceForm form)
    {
        var totals = form.Funds.Where(r => r.Role == FundsRowRole.Total).ToList();
        return totals.Count > 0 ? totals : form.Funds.Where(r => r.Role == FundsRowRole.Source).Take(1);
    }
}
