using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Scoring;

/// <summary>Computes every number of a form by a rulebook (§3). Pure: no I/O, no clock, no state.</summary>
public static class Scorer
{
    public static FormScore Score(PerformanceForm form, Rulebook? rulebook = null)
    {
        rulebook ??= Rulebooks.Rulebooks.Default;
        var d = rulebook.ScoreDecimals;
        var tree = rulebook.TreeFor(form.Kind == FormKind.Targets ? FormKind.ProjectSelfEvaluation : form.Kind);

        var execution = Execution(form, tree, rulebook);
        var weights = EffectiveWeights(form.Indicators);
        var rows = form.Indicators.Select((row, i) => RowScorer.Score(row, weights[i], rulebook, i)).ToList();
        // Sums leave out a weight no form could carry (the row says why it is unscored): 7.9e28 + 7.9e28 is no total.
        var summable = weights.Select(InRange).ToArray();

        var level1 = new List<WeightSum>();
        foreach (var group in form.Indicators.Select((row, i) => (row, i)).GroupBy(x => Key(x.row.Level1)))
        {
            var sum = group.Sum(x => summable[x.i] ?? 0m);
            var block = tree?.Blocks.FirstOrDefault(b => Key(b.Name) == group.Key);
            level1.Add(new WeightSum(group.Key, null, sum, group.Select(x => x.row.Level1Weight).FirstOrDefault(w => w is not null),
                block?.Weight, SumText(group.Select(x => summable[x.i]), sum)));
        }
        var level2 = new List<WeightSum>();
        foreach (var group in form.Indicators.Select((row, i) => (row, i)).GroupBy(x => (L1: Key(x.row.Level1), L2: Key(x.row.Level2))))
        {
            var sum = group.Sum(x => summable[x.i] ?? 0m);
            var child = tree?.Blocks.FirstOrDefault(b => Key(b.Name) == group.Key.L1)?.Children.FirstOrDefault(c => Key(c.Name) == group.Key.L2);
            level2.Add(new WeightSum(group.Key.L1, group.Key.L2, sum, group.Select(x => x.row.Level2Weight).FirstOrDefault(w => w is not null),
                child?.Weight, SumText(group.Select(x => summable[x.i]), sum)));
        }

        var rowWeight = summable.Sum(w => w ?? 0m);
        var weightTotal = rowWeight + (InRange(execution.Weight) ?? 0m);
        var weightText = (InRange(execution.Weight) is { } ew ? $"预算执行率 {Show.Amount(ew)} + " : "")
            + $"各指标分值合计 {Show.Plain(rowWeight)} = {Show.Plain(weightTotal)}"
            + (weightTotal == rulebook.TotalWeight ? "" : $"（应为 {Show.Plain(rulebook.TotalWeight)}）");

        var statedParts = new List<decimal?> { form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total)?.StatedScore };
        statedParts.AddRange(form.Indicators.Select(r => r.StatedScore));
        statedParts = statedParts.Select(InRange).ToList();
        var statedSum = statedParts.Sum(s => s ?? 0m);
        var stated = new Explained(statedSum, SumText(statedParts, statedSum));

        var rowsCounted = rows.Sum(r => r.Counted);
        var total = (execution.Score ?? 0m) + rowsCounted;
        var totalText = (execution.Score is { } es ? $"执行率得分 {Show.Score(es, d)} + " : "")
            + $"指标得分合计 {Show.Score(rowsCounted, d)} = {Show.Score(total, d)}";
        TotalCap? applied = null;
        if (execution.Rate is { } rate)
        {
            applied = rulebook.Execution.TotalCaps.Where(c => rate.Fraction < c.RateBelow).OrderBy(c => c.MaxTotal).FirstOrDefault();
            if (applied is not null && total > applied.MaxTotal)
            {
                totalText += $"；执行率 {rate} 低于 {Show.Plain(applied.RateBelow * 100m)}%，总分封顶 {Show.Plain(applied.MaxTotal)}";
                total = applied.MaxTotal;
            }
            else applied = null;
        }
        total = rulebook.Round(total);
        var grade = rulebook.GradeFor(total);
        var index = rulebook.Grades.ToList().IndexOf(grade);
        var gradeText = index == 0
            ? $"总分 {Show.Score(total, d)} ≥ {Show.Plain(grade.Min)}，等级为{grade.Grade}"
            : grade.Min == 0m
                ? $"总分 {Show.Score(total, d)} < {Show.Plain(rulebook.Grades[index - 1].Min)}，等级为{grade.Grade}"
                : $"{Show.Plain(grade.Min)} ≤ 总分 {Show.Score(total, d)} < {Show.Plain(rulebook.Grades[index - 1].Min)}，等级为{grade.Grade}";

        return new FormScore
        {
            Rulebook = rulebook,
            Execution = execution,
            Rows = rows,
            Level1Sums = level1,
            Level2Sums = level2,
            WeightTotal = new Explained(weightTotal, weightText),
            StatedScoreSum = stated,
            Total = new Explained(total, totalText),
            AppliedCap = applied,
            Grade = grade,
            GradeExplanation = gradeText,
        };
    }

    /// <summary>
    /// The execution row: the 年度资金总额 row; a department-wide layout without one (Hunan) sums its 资金来源 rows and
    /// has no execution score unless a weight is printed. A total row with no printed 分值 takes the rulebook's.
    /// </summary>
    private static ExecutionScore Execution(PerformanceForm form, FormTree? tree, Rulebook rulebook)
    {
        var total = form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total);
        if (total is not null)
            return ExecutionScore.Compute(total.Budget, total.Executed, total.Transfer, total.Weight ?? tree?.ExecutionWeight, rulebook);
        var sources = form.Funds.Where(f => f.Role == FundsRowRole.Source).ToList();
        if (sources.Count == 0)
            return new ExecutionScore { RateExplanation = "表中没有资金情况，无法计算执行率", ScoreExplanation = "没有执行率，无法计分" };
        decimal? Sum(Func<FundsRow, decimal?> pick)
        {
            if (!sources.Any(s => pick(s) is not null)) return null;
            // An amount no form could hold stands for the sum, so the rate's explanation names it instead of overflowing.
            return sources.Select(pick).FirstOrDefault(v => !DomainRanges.IsAmount(v)) ?? sources.Sum(s => pick(s) ?? 0m);
        }
        var weight = sources.Select(s => s.Weight).FirstOrDefault(w => w is not null);
        return ExecutionScore.Compute(Sum(s => s.Budget), Sum(s => s.Executed), Sum(s => s.Transfer), weight, rulebook);
    }

    /// <summary>分值 of each row; a row without one takes its 二级 weight when it is that 二级's only row (Hunan 投入管理).</summary>
    private static decimal?[] EffectiveWeights(List<IndicatorRow> rows)
    {
        var counts = rows.GroupBy(r => (Key(r.Level1), Key(r.Level2))).ToDictionary(g => g.Key, g => g.Count());
        return rows.Select(r => r.Weight ?? (counts[(Key(r.Level1), Key(r.Level2))] == 1 ? r.Level2Weight : null)).ToArray();
    }

    private static decimal? InRange(decimal? weightOrScore) => DomainRanges.IsScore(weightOrScore) ? weightOrScore : null;

    private static string Key(string? name) => name is null ? "（未填）" : CompactText.Of(name);

    private static string SumText(IEnumerable<decimal?> parts, decimal sum)
    {
        var shown = parts.Where(p => p is not null).Select(p => Show.Amount(p!.Value)).ToList();
        return shown.Count == 0 ? "0" : string.Join(" + ", shown) + " = " + Show.Amount(sum);
    }
}
