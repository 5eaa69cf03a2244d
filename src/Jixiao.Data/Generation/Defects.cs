using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;

namespace Jixiao.Data.Generation;

/// <summary>
/// The mistakes real forms make (domain guide §4, corpus/audited/AUDIT.md), put into a generated form one at a time.
/// Which mistake a form gets follows how often the checker finds each code in the corpus (<see cref="CorpusProfile.ErrorCodes"/>);
/// every one is a mistake the checker must find, so a generated province is a test bed for the checker too.
/// </summary>
public static class Defects
{
    private delegate bool Apply(PerformanceForm form, Rulebook rulebook, Random rng);

    private static readonly Dictionary<FormKind, (string Code, Apply Apply)[]> ByKind = new()
    {
        [FormKind.ProjectSelfEvaluation] = Scored(),
        [FormKind.DepartmentSelfEvaluation] = Scored(),
        [FormKind.Targets] = [(CheckCodes.WeightSum, TargetsWeightSum)],
        [FormKind.Monitoring] = [(CheckCodes.MonitoringProgressMismatch, NothingSpentAllDone)],
        [FormKind.DepartmentBasicData] = [(CheckCodes.SubtotalMismatch, BasicDataSubtotal), (CheckCodes.ShareMismatch, StaffingRate)],
        [FormKind.Report] = [(CheckCodes.ShareMismatch, ReportRate)],
    };

    private static (string, Apply)[] Scored() =>
    [
        (CheckCodes.ExecutionRateMismatch, WrongRate),
        (CheckCodes.ExecutionScoreMismatch, WrongExecutionScore),
        (CheckCodes.FundsSubtotalMismatch, PartAboveTotal),
        (CheckCodes.WeightSum, WeightsAbove100),
        (CheckCodes.TotalMismatch, WrongTotal),
        (CheckCodes.FullScoreDespiteMiss, FullScoreOnMiss),
        (CheckCodes.QualitativeTier, ScoreAboveTier),
    ];

    /// <summary>The codes a form of <paramref name="kind"/> can be given.</summary>
    public static IReadOnlyList<string> CodesFor(FormKind kind) => ByKind.TryGetValue(kind, out var list) ? list.Select(d => d.Code).ToList() : [];

    /// <summary>Puts one mistake into the form, chosen by the corpus's code counts; null when none applies to this form.</summary>
    public static Defect? Inject(PerformanceForm form, Rulebook rulebook, CorpusProfile profile, Random rng)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(rng);
        if (!ByKind.TryGetValue(form.Kind, out var candidates)) return null;
        var weights = candidates.Select(c => profile.ErrorCodes.GetValueOrDefault(c.Code)).ToArray();
        // A kind whose codes the corpus never shows still gets its mistakes, evenly.
        if (weights.Sum() == 0) weights = candidates.Select(_ => 1).ToArray();
        var order = new List<int>();
        var pool = Enumerable.Range(0, candidates.Length).Where(i => weights[i] > 0).ToList();
        while (pool.Count > 0)
        {
            var x = rng.Next(pool.Sum(i => weights[i]));
            var chosen = pool.First(i => (x -= weights[i]) < 0);
            order.Add(chosen);
            pool.Remove(chosen);
        }
        // When the chosen mistake does not fit this form (no qualitative row to over-score), the next most frequent does.
        foreach (var i in order)
            if (candidates[i].Apply(form, rulebook, rng)) return new Defect(candidates[i].Code, Severity.Error);
        return null;
    }

    private static FundsRow? Total(PerformanceForm form) => form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total);

    /// <summary>A stated 执行率 a few points off what the amounts give (a slip of a digit, or a rate copied from a draft).</summary>
    private static bool WrongRate(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (Total(form) is not { StatedRate: { } rate } total) return false;
        var points = rate.Points + (rate.Points > 50m ? -1 : 1) * (1m + rng.Next(0, 900) / 100m);
        total.StatedRate = new Percentage(Math.Round(points, 2, MidpointRounding.AwayFromZero) / 100m, 2);
        return true;
    }

    /// <summary>An execution score that does not follow from the rate (full points for an incomplete execution, or points off).</summary>
    private static bool WrongExecutionScore(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (Total(form) is not { StatedScore: { } score, Weight: { } weight } total) return false;
        // A score stated in whole points is read to half a point, so full marks are wrong only a point or more below them.
        var wrong = score <= weight - 1m ? weight : score - 1m - rng.Next(0, 200) / 100m;
        total.StatedScore = wrong;
        form.StatedTotal += wrong - score;
        return true;
    }

    /// <summary>A 其中 part larger than its total (the total was not updated after a budget adjustment).</summary>
    private static bool PartAboveTotal(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (Total(form) is not { Budget: { } budget } || form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Part) is not { Budget: { } part } row) return false;
        row.Budget = part + Math.Round(budget * (0.05m + rng.Next(0, 20) / 100m), 2, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Weights adding up to 110 (50/40/10 + 10, as a seed does): one 效益 row ten points heavier, and scored so.</summary>
    private static bool WeightsAbove100(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        var row = form.Indicators.Where(r => r.Weight is not null).OrderByDescending(r => r.Weight).FirstOrDefault();
        if (row is null) return false;
        row.Weight += 10m;
        row.StatedScore += 10m;
        form.StatedWeightTotal += 10m;
        return true;
    }

    /// <summary>A 总分 that is not the sum of its scores.</summary>
    private static bool WrongTotal(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (form.StatedTotal is not { } total) return false;
        form.StatedTotal = total >= 95m ? total - 2m - rng.Next(0, 300) / 100m : total + 1m + rng.Next(0, 300) / 100m;
        return true;
    }

    /// <summary>Full marks on a quantitative row whose actual falls short of its target.</summary>
    private static bool FullScoreOnMiss(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        var rows = form.Indicators.Where(r => r.Weight is > 0m && IndicatorValue.Parse(r.Target, rulebook.Qualitative.Vocabulary) is
            { Kind: ValueKind.Quantity, Direction: Direction.Positive, Number: > 0m }).ToList();
        if (rows.Count == 0) return false;
        var row = rows[rng.Next(rows.Count)];
        var target = IndicatorValue.Parse(row.Target, rulebook.Qualitative.Vocabulary);
        var missed = Math.Floor(target.Number!.Value * (0.6m + rng.Next(0, 30) / 100m));
        row.Actual = missed.ToString("0.##", ProvinceGenerator.Inv) + target.Unit;
        form.StatedTotal += row.Weight - row.StatedScore;
        row.StatedScore = row.Weight;
        row.Explanation = null;
        return true;
    }

    /// <summary>Full marks on a qualitative row whose actual says the target was only partly reached.</summary>
    private static bool ScoreAboveTier(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        var rows = form.Indicators.Where(r => r.Weight is > 0m && IndicatorValue.Parse(r.Target, rulebook.Qualitative.Vocabulary).Direction == Direction.Qualitative).ToList();
        if (rows.Count == 0) return false;
        var row = rows[rng.Next(rows.Count)];
        row.Actual = Words.PartlyWords[rng.Next(Words.PartlyWords.Length)];
        form.StatedTotal += row.Weight - row.StatedScore;
        row.StatedScore = row.Weight;
        return true;
    }

    /// <summary>Weights of a targets table that do not add up to the printed 合计.</summary>
    private static bool TargetsWeightSum(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        var row = form.Indicators.FirstOrDefault(r => r.Weight is not null);
        if (row is null) return false;
        row.Weight += 5m * (1 + rng.Next(0, 2));
        return true;
    }

    /// <summary>A monitoring table with almost nothing spent but every indicator reported as reached.</summary>
    private static bool NothingSpentAllDone(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (Total(form) is not { InitialBudget: > 0m } total) return false;
        foreach (var row in form.Funds)
        {
            row.Executed = Math.Round((row.InitialBudget ?? 0m) * rng.Next(0, 5) / 100m, 2, MidpointRounding.AwayFromZero);
            row.StatedRate = row.InitialBudget is > 0m ? Percentage.Ratio(row.Executed.Value, row.InitialBudget.Value) : null;
        }
        foreach (var row in form.Indicators) row.MidYearProgress = "已完成";
        return true;
    }

    /// <summary>A 公车购置-style breakdown row larger than its heading.</summary>
    private static bool BasicDataSubtotal(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        for (var i = 0; i < form.BasicData.Count - 1; i++)
        {
            var parent = form.BasicData[i];
            var child = form.BasicData[i + 1];
            if (child.Depth != parent.Depth + 1 || parent.Final is not { } total || child.Final is null) continue;
            child.Final = total + Math.Round(total * 0.1m, 2, MidpointRounding.AwayFromZero) + 1m;
            return true;
        }
        return false;
    }

    /// <summary>A 在职人员控制率 that does not follow from the two head counts.</summary>
    private static bool StaffingRate(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (form.Staffing is not { StatedControlRate: { } rate } staffing) return false;
        staffing.StatedControlRate = new Percentage((Math.Round(rate.Points, 2, MidpointRounding.AwayFromZero) - 3m - rng.Next(0, 500) / 100m) / 100m, 2);
        return true;
    }

    /// <summary>A report whose 预算执行率 contradicts its own budget and execution figures.</summary>
    private static bool ReportRate(PerformanceForm form, Rulebook rulebook, Random rng)
    {
        if (form.Text is not { } text) return false;
        var at = text.IndexOf("执行率为", StringComparison.Ordinal);
        var end = at < 0 ? -1 : text.IndexOf('%', at);
        if (end < 0) return false;
        var start = at + "执行率为".Length;
        if (!decimal.TryParse(text.AsSpan(start, end - start), System.Globalization.NumberStyles.Number, ProvinceGenerator.Inv, out var stated)) return false;
        var wrong = stated > 50m ? stated - 5m - rng.Next(0, 2000) / 100m : stated + 5m;
        form.Text = string.Concat(text.AsSpan(0, start), wrong.ToString("0.00", ProvinceGenerator.Inv), text.AsSpan(end));
        return true;
    }
}
