using System.Buffers;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Reports;

/// <summary>
/// What a narrative report asserts within itself (§2.6, §4): shares (占比 / 占…的), increases (增幅, 增加 x%), differences
/// (超预算 18.43万元), completion rates from amounts in the same sentence, breakdowns (其中 / 包括) against their total,
/// the overall 预算支出完成率 against the report's own 基本支出 and 项目支出 amounts, and a stated 等级 against a stated
/// 总分. A relation is checked only where the sentence states it; when a sentence allows several readings (which amount
/// is the base), the finding is made only if none of them gives the stated figure.
/// </summary>
public sealed class ReportArithmeticRule : ICheckRule
{
    public string Code => CheckCodes.ShareMismatch;

    private static readonly string[] ChangeWords = ["超预算", "超支", "超出", "节约", "结余", "增加", "增长", "减少", "下降", "降低", "比预算", "比上年", "较上年", "多支出", "少支出"];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.Kind != FormKind.Report) yield break;
        var sentences = context.ReportSentences;
        bool? roundingNoted = null;
        foreach (var s in sentences)
        {
            // Every relation below is between two figures of the sentence at least (a breakdown's whole may be in the
            // previous sentence, its parts are here); most sentences of a report state fewer, and skipping them saves
            // four iterators each.
            if (s.Figures.Count < 2) continue;
            foreach (var f in Shares(s)) yield return f;
            foreach (var f in Changes(s)) yield return f;
            foreach (var f in Completions(s)) yield return f;
            foreach (var f in Breakdowns(s, s.Number > 0 ? sentences[s.Number - 1] : null)) yield return f;
            if (s.Figures.Count < 3) continue;
            foreach (var f in StatedSums(s, () => roundingNoted ??= NotesRounding(form.Text))) yield return f;
        }
        foreach (var f in OverallRate(sentences)) yield return f;
        foreach (var f in GradeAgainstScore(context, sentences)) yield return f;
    }

    // Word lists are searched in one pass per label (SearchValues): every figure of a report is tested against them,
    // several times over, and one Contains per word was most of the report rules' time.
    private static readonly SearchValues<string> ChangeWordValues = SearchValues.Create(ChangeWords, StringComparison.Ordinal);

    internal static bool IsChangeLabel(string label) => label.AsSpan().ContainsAny(ChangeWordValues);

    /// <summary>Where a 其中 / 包括 breakdown starts in a sentence (its length when there is none).</summary>
    internal static int BreakdownStart(string text)
    {
        var i = text.IndexOf("其中", StringComparison.Ordinal);
        var j = text.IndexOf("包括", StringComparison.Ordinal);
        var first = i < 0 ? j : j < 0 ? i : Math.Min(i, j);
        return first < 0 ? text.Length : first;
    }

    private static FindingLocation Where(ReportSentence s, string field) =>
        new(Blocks.Report, s.Number + 1, field, Excerpt(s.Text));

    internal static string Excerpt(string text) => text.Length <= 60 ? text : text[..58] + "…";

    /// <summary>The amounts stated before the figure at <paramref name="index"/>, in order.</summary>
    private static List<ReportFigure> AmountsBefore(IReadOnlyList<ReportFigure> figures, int index)
    {
        var amounts = new List<ReportFigure>(index);
        for (var k = 0; k < index; k++)
            if (figures[k].Kind == FigureKind.Amount) amounts.Add(figures[k]);
        return amounts;
    }

    /// <summary>True when the part over any of the first <paramref name="count"/> amounts gives the stated percentage.</summary>
    private static bool AnyExplains(ReportFigure percent, ReportFigure part, List<ReportFigure> amounts, int count)
    {
        for (var k = 0; k < count; k++)
            if (Ratio.Explains(percent, Ratio.Of(part, amounts[k]))) return true;
        return false;
    }

    private static IEnumerable<Finding> Shares(ReportSentence s)
    {
        var figures = s.Figures;
        for (var i = 0; i < figures.Count; i++)
        {
            var p = figures[i];
            if (p.Kind != FigureKind.Percent || !p.Label.Contains('占')) continue;
            var amounts = AmountsBefore(figures, i);
            if (amounts.Count < 2) continue;
            var numerator = amounts[^1];
            // Every amount before the part is a candidate whole.
            var candidates = amounts.Count - 1;
            var named = NamedWhole(p.Label);
            // The whole must be in the sentence: the amount the 占…的 names, or a first amount that is a total (总额, 合计)
            // or is broken down (其中, 包括, 按…区分) before the part. Otherwise the share is of something not stated here.
            ReportFigure? primary = null;
            if (named is not null)
            {
                for (var c = candidates - 1; c >= 0 && primary is null; c--)
                    if (Mentions(s.Text, amounts[c], named)) primary = amounts[c];
            }
            else if (IsWhole(s.Text, amounts[0], numerator)) primary = amounts[0];
            if (primary is null || AnyExplains(p, numerator, amounts, candidates)) continue;
            if (primary.Wan == 0m)
            {
                // A share of a zero whole: no percentage follows from it, and a part of it cannot be other than 0.
                if (p.Value == 0m && numerator.Wan == 0m) continue;
                yield return new Finding(
                    CheckCodes.ShareMismatch, Severity.Error,
                    $"报告称“{Clause(s.Text, numerator, p)}”，而所占的总数为{primary.Printed}{primary.Unit}：总数为0时没有占比，{numerator.Printed}{numerator.Unit}也不可能是它的一部分。",
                    $"The report states a share of {p.Printed}% of a whole of {primary.Printed}: a zero whole has no shares.",
                    Where(s, "占比"), p.Printed + "%", "无（总数为0）",
                    $"{numerator.Printed} ÷ {primary.Printed}：除数为0，占比不存在");
                continue;
            }
            if (Ratio.Of(numerator.Wan, primary.Wan) is not { } expected) continue;
            var expectedText = Ratio.Percent(expected, p.Decimals);
            yield return new Finding(
                CheckCodes.ShareMismatch, Severity.Error,
                $"报告称“{Clause(s.Text, numerator, p)}”，按{numerator.Printed}{numerator.Unit}÷{primary.Printed}{primary.Unit}计算占比应为{expectedText}，而非{p.Printed}%。",
                $"The report states a share of {p.Printed}%; {numerator.Printed} / {primary.Printed} gives {expectedText}.",
                Where(s, "占比"), p.Printed + "%", expectedText,
                $"{numerator.Printed} ÷ {primary.Printed} = {expectedText}");
        }
    }

    private static IEnumerable<Finding> Changes(ReportSentence s)
    {
        var figures = s.Figures;
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var isDifference = f.Kind == FigureKind.Amount && IsChangeLabel(f.Label);
            var isRate = f.Kind == FigureKind.Percent && !f.Label.Contains('占') && IsRateOfChange(f.Label);
            if (!isDifference && !isRate) continue;
            var before = AmountsBefore(figures, i);
            if (isDifference && before.Count == 2)
            {
                // 超预算 18.43 after exactly two amounts: it must be their difference.
                var (a, b) = (before[0], before[1]);
                var difference = Math.Abs(b.Wan - a.Wan);
                var half = a.WanHalfUnit + b.WanHalfUnit + f.WanHalfUnit;
                if (Math.Abs(difference - f.Wan) > half)
                    yield return new Finding(
                        CheckCodes.SubtotalMismatch, Severity.Error,
                        $"报告称“{f.Label}{f.Printed}{f.Unit}”，而前述{a.Printed}{a.Unit}与{b.Printed}{b.Unit}相差{Numbers.Format(Scale(difference, f), f.Decimals)}{f.Unit}。",
                        $"The report states a difference of {f.Printed}; {b.Printed} − {a.Printed} is {Numbers.Format(Scale(difference, f), f.Decimals)}.",
                        Where(s, f.Label), f.Printed + f.Unit, Numbers.Format(Scale(difference, f), f.Decimals) + f.Unit,
                        $"|{b.Printed} − {a.Printed}| = {Numbers.Format(Scale(difference, f), f.Decimals)}");
            }
            if (!isRate) continue;
            // The rate must follow its change amount directly ("增加332.90万元,增加42.70%"; "超预算18.43万元增幅7.54%").
            var previousFigure = i > 0 ? figures[i - 1] : null;
            var change = previousFigure is { Kind: FigureKind.Amount } && IsDirectionalChange(previousFigure.Label) ? previousFigure : null;
            var explained = false;
            (decimal Fraction, string How)? primary = null;
            if (change is not null)
            {
                foreach (var baseAmount in before)
                {
                    if (baseAmount == change) break;
                    if (Ratio.Explains(f, Ratio.Of(change, baseAmount))) explained = true;
                    if (Ratio.Of(change.Wan, baseAmount.Wan) is { } fraction) primary ??= (fraction, $"{change.Printed} ÷ {baseAmount.Printed}");
                }
            }
            else if (before.Count >= 2 && IsBeforeAndAfter(before[^2].Label, before[^1].Label))
            {
                var (a, b) = (before[^2], before[^1]);
                if (a.Unit == b.Unit && Ratio.Explains(f, Ratio.Interval(Math.Abs(b.Wan - a.Wan), a.WanHalfUnit + b.WanHalfUnit, a.Wan, a.WanHalfUnit))) explained = true;
                primary = Ratio.Of(Math.Abs(b.Wan - a.Wan), a.Wan) is { } fraction ? (fraction, $"({b.Printed} − {a.Printed}) ÷ {a.Printed}") : null;
            }
            if (explained || primary is not { } p) continue;
            var expectedText = Ratio.Percent(p.Fraction, f.Decimals);
            yield return new Finding(
                CheckCodes.ShareMismatch, Severity.Error,
                $"报告称“{f.Label}{f.Printed}%”，按{p.How}计算应为{expectedText}。",
                $"The report states a change of {f.Printed}%; {p.How} gives {expectedText}.",
                Where(s, f.Label), f.Printed + "%", expectedText, $"{p.How} = {expectedText}");
        }
    }

    private static IEnumerable<Finding> Completions(ReportSentence s)
    {
        var figures = s.Figures;
        for (var i = 0; i < figures.Count; i++)
        {
            var p = figures[i];
            if (p.Kind != FigureKind.Percent || p.Label.Contains('占') || !IsCompletionRate(p.Label)) continue;
            var before = AmountsBefore(figures, i);
            ReportFigure? budget = null, actual = null;
            for (var k = before.Count - 1; k >= 0 && budget is null; k--)
                if (before[k].Label.Contains("预算", StringComparison.Ordinal) && !IsChangeLabel(before[k].Label)) budget = before[k];
            for (var k = before.Count - 1; k >= 0 && actual is null; k--)
            {
                var label = before[k].Label;
                if (before[k] != budget && (label.Contains("实际", StringComparison.Ordinal) || label.Contains("执行", StringComparison.Ordinal) || label.Contains("决算", StringComparison.Ordinal)))
                    actual = before[k];
            }
            if (budget is null || actual is null || budget.Wan == 0m) continue;
            if (Ratio.Explains(p, Ratio.Of(actual, budget))) continue;
            if (Ratio.Of(actual.Wan, budget.Wan) is not { } rate) continue;
            var expectedText = Ratio.Percent(rate, p.Decimals);
            yield return new Finding(
                CheckCodes.ShareMismatch, Severity.Error,
                $"报告称“{p.Label}{p.Printed}%”，按实际{actual.Printed}{actual.Unit}÷预算{budget.Printed}{budget.Unit}计算应为{expectedText}。",
                $"The report states a completion rate of {p.Printed}%; {actual.Printed} / {budget.Printed} gives {expectedText}.",
                Where(s, p.Label), p.Printed + "%", expectedText, $"{actual.Printed} ÷ {budget.Printed} = {expectedText}");
        }
    }

    /// <summary>
    /// "X万元，其中 A a万元、B b万元": the parts may not exceed X. Parts smaller than X are fine (其中 lists some parts), and
    /// so is a set of parts of which some subset makes X (the text adds details such as 原值 / 累计折旧 / 净值).
    /// </summary>
    private static IEnumerable<Finding> Breakdowns(ReportSentence s, ReportSentence? previous)
    {
        // A breakdown needs two parts in this sentence; most sentences of a report state fewer figures than that.
        if (s.Figures.Count < 2) yield break;
        var text = s.Text;
        var markers = new List<int>();
        foreach (var word in BreakdownWords)
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 2, StringComparison.Ordinal))
                if (!(word == "包括" && markers.Contains(at - 2))) markers.Add(at);
        markers.Sort();
        for (var m = 0; m < markers.Count; m++)
        {
            var at = markers[m];
            var end = m + 1 < markers.Count ? markers[m + 1] : text.Length;
            // The parts first: a marker followed by fewer than two amounts breaks nothing down that can be added up.
            var parts = new List<ReportFigure>();
            foreach (var f in s.Figures)
                if (f.Kind == FigureKind.Amount && f.Start > at && f.Start < end && !IsChangeLabel(f.Label) && !f.Label.Contains('占') && !IsProgressLabel(f.Label)) parts.Add(f);
            if (parts.Count < 2) continue;
            // The whole is the last amount before the marker that is not itself a difference (超预算18.43万元。其中…);
            // a sentence opening with 其中 breaks down the previous sentence.
            var wholes = new List<ReportFigure>();
            foreach (var f in s.Figures)
                if (f.Kind == FigureKind.Amount && f.End <= at && !IsChangeLabel(f.Label)) wholes.Add(f);
            if (wholes.Count == 0 && at <= 2 && previous is not null)
                foreach (var f in previous.Figures)
                    if (f.Kind == FigureKind.Amount && !IsChangeLabel(f.Label)) wholes.Add(f);
            if (wholes.Count == 0) continue;
            var total = wholes[^1];
            decimal sum = 0m, partsHalf = 0m;
            foreach (var f in parts)
            {
                sum += f.Wan;
                partsHalf += f.WanHalfUnit;
            }
            // A sum within any whole of the sentence may break that whole down (其中 after two amounts is ambiguous).
            if (wholes.Exists(w => sum - w.Wan <= partsHalf + w.WanHalfUnit)) continue;
            if (wholes.Exists(w => Math.Abs(sum - w.Wan) <= partsHalf + w.WanHalfUnit || SubsetMakes(parts, w.Wan, partsHalf + w.WanHalfUnit))) continue;
            var terms = string.Join(" + ", parts.Select(f => $"{f.Label}{f.Printed}"));
            yield return new Finding(
                CheckCodes.SubtotalMismatch, Severity.Error,
                $"报告中“{Excerpt(total.Label)}{total.Printed}{total.Unit}”的组成部分合计{Numbers.Format(Scale(sum, total), total.Decimals)}{total.Unit}，超过了总数。",
                $"The parts of {total.Printed}{total.Unit} listed in the report add up to {Numbers.Format(Scale(sum, total), total.Decimals)}.",
                Where(s, "其中"), total.Printed + total.Unit, Numbers.Format(Scale(sum, total), total.Decimals) + total.Unit,
                $"{terms} = {Numbers.Format(Scale(sum, total), total.Decimals)}");
        }
    }

    private static readonly string[] BreakdownWords = ["其中", "包括"];

    /// <summary>
    /// "A a万元、B b万元，合计 X万元" and "省级下拨…a万元；市级下拨…b万元；全年应执行数为X万元": a total stated after its parts
    /// asserts their sum. The parts are the amounts directly before the total in the same sentence (back to the sentence
    /// start, a 其中 / 包括 marker, or any other kind of figure). A total named by a sum word (合计, 共计, 总计, …) states
    /// the sum itself; a 全年 / 总额 amount does so only after parts that are parallel — the same clause after a different
    /// qualifier (省级下拨… / 市级下拨…), that is one thing split by source or period. Compared at the total's printed
    /// precision: a sum outside every rounding of the printed parts is `subtotal-mismatch`; a sum off by what the
    /// parts' own rounding could hide is `sum-tail-difference`, unless the report notes its rounding (四舍五入, 尾差).
    /// </summary>
    private static IEnumerable<Finding> StatedSums(ReportSentence s, Func<bool> roundingNoted)
    {
        var figures = s.Figures;
        for (var i = 2; i < figures.Count; i++)
        {
            var total = figures[i];
            if (total.Kind != FigureKind.Amount) continue;
            var explicitSum = total.Label.AsSpan().ContainsAny(SumWordValues);
            var aggregate = explicitSum || total.Label.AsSpan().ContainsAny(AggregateWordValues);
            if (!aggregate || IsChangeLabel(total.Label) || total.Label.Contains('占') || IsProgressLabel(total.Label)) continue;
            var parts = new List<ReportFigure>();
            var stop = Math.Max(s.Text.LastIndexOf("其中", total.Start, StringComparison.Ordinal), s.Text.LastIndexOf("包括", total.Start, StringComparison.Ordinal));
            for (var k = i - 1; k >= 0; k--)
            {
                var f = figures[k];
                if (f.Kind != FigureKind.Amount || f.Start < stop || IsChangeLabel(f.Label) || f.Label.Contains('占')
                    || f.Label.AsSpan().ContainsAny(SumWordValues) || f.Label.AsSpan().ContainsAny(AggregateWordValues)) break;
                parts.Insert(0, f);
            }
            if (parts.Count < 2 || (!explicitSum && !Parallel(parts))) continue;
            decimal sum = 0m, partsHalf = 0m;
            foreach (var f in parts)
            {
                sum += f.Wan;
                partsHalf += f.WanHalfUnit;
            }
            var printedSum = Numbers.Format(Scale(sum, total), total.Decimals);
            // At the total's printed precision the parts add up: nothing to say.
            if (printedSum == Numbers.Format(total.Value, total.Decimals)) continue;
            var difference = Math.Abs(sum - total.Wan);
            var tail = difference <= partsHalf + total.WanHalfUnit;
            if (tail && roundingNoted()) continue;
            var terms = string.Join(" + ", parts.Select(f => f.Printed + f.Unit));
            var sumText = $"{terms} = {printedSum}{total.Unit}";
            yield return tail
                ? new Finding(
                    CheckCodes.SumTailDifference, Severity.Warning,
                    $"报告称“{Excerpt(total.Label)}{total.Printed}{total.Unit}”，而所列各项{sumText}，相差{Numbers.Format(Scale(difference, total), total.Decimals)}{total.Unit}；若是各项四舍五入造成的尾差，应予注明，否则请更正合计。",
                    $"The report states a total of {total.Printed}{total.Unit}; its parts add up to {printedSum} ({terms}). Only rounding of the parts could explain it, and the report does not say so.",
                    Where(s, total.Label), total.Printed + total.Unit, printedSum + total.Unit, sumText)
                : new Finding(
                    CheckCodes.SubtotalMismatch, Severity.Error,
                    $"报告称“{Excerpt(total.Label)}{total.Printed}{total.Unit}”，而所列各项{sumText}，相差{Numbers.Format(Scale(difference, total), total.Decimals)}{total.Unit}。",
                    $"The report states a total of {total.Printed}{total.Unit}; its parts add up to {printedSum} ({terms}).",
                    Where(s, total.Label), total.Printed + total.Unit, printedSum + total.Unit, sumText);
        }
    }

    // Words that state a sum of what precedes; words that name a whole which may or may not be that sum.
    private static readonly SearchValues<string> SumWordValues = SearchValues.Create(["合计", "共计", "总计", "总共", "一共", "合共", "累计"], StringComparison.Ordinal);
    private static readonly SearchValues<string> AggregateWordValues = SearchValues.Create(["全年", "总额", "总数"], StringComparison.Ordinal);

    /// <summary>
    /// Parts are parallel when each label, after its own qualifier, is the same clause (省级下拨护理费 / 市级下拨护理费):
    /// a common tail of at least two characters that is most of the shortest label.
    /// </summary>
    private static bool Parallel(List<ReportFigure> parts)
    {
        var first = parts[0].Label;
        var common = first.Length;
        var shortest = first.Length;
        foreach (var f in parts)
        {
            var label = f.Label;
            shortest = Math.Min(shortest, label.Length);
            var n = 0;
            while (n < common && n < label.Length && label[^(n + 1)] == first[^(n + 1)]) n++;
            common = n;
        }
        return common >= 2 && common * 2 >= shortest;
    }

    /// <summary>A report that says its figures are rounded (四舍五入, 尾差) has explained a tail difference once for all.</summary>
    private static bool NotesRounding(string? text) =>
        text is not null && (text.Contains("四舍五入", StringComparison.Ordinal) || text.Contains("尾差", StringComparison.Ordinal));

    /// <summary>
    /// "目前项目资金已拨付106.36万元" after a breakdown says how far the whole has got, not what it is made of: a clause
    /// of progress (已…, 目前…, 截至…) is no part.
    /// </summary>
    internal static bool IsProgressLabel(string label) =>
        label.Contains('已') || label.StartsWith("目前", StringComparison.Ordinal) || label.StartsWith("截至", StringComparison.Ordinal) || label.StartsWith("截止", StringComparison.Ordinal);

    private IEnumerable<Finding> OverallRate(IReadOnlyList<ReportSentence> sentences)
    {
        ReportFacts? facts = null;
        foreach (var s in sentences)
            foreach (var p in s.Figures)
            {
                if (!IsOverallRate(s, p)) continue;
                facts ??= ReportFacts.From(sentences);
                if (!facts.Complete) yield break;
                var budget = facts.BasicBudget!.Wan + facts.ProjectBudget!.Wan;
                var actual = facts.BasicActual!.Wan + facts.ProjectActual!.Wan;
                var half = facts.BasicBudget.WanHalfUnit + facts.ProjectBudget.WanHalfUnit;
                var halfActual = facts.BasicActual.WanHalfUnit + facts.ProjectActual.WanHalfUnit;
                if (budget == 0m || Ratio.Explains(p, Ratio.Interval(actual, halfActual, budget, half))) continue;
                if (Ratio.Of(actual, budget) is not { } rate) continue;
                var expectedText = Ratio.Percent(rate, p.Decimals);
                var how = $"({facts.BasicActual.Printed} + {facts.ProjectActual.Printed}) ÷ ({facts.BasicBudget.Printed} + {facts.ProjectBudget.Printed})";
                yield return new Finding(
                    CheckCodes.ShareMismatch, Severity.Error,
                    $"报告称“{p.Label}{p.Printed}%”，而报告自己所述基本支出与项目支出的实际数合计{Numbers.Plain(actual)}万元、预算数合计{Numbers.Plain(budget)}万元，完成率应为{expectedText}。",
                    $"The report states an overall completion rate of {p.Printed}%; its own amounts give {how} = {expectedText}.",
                    Where(s, p.Label), p.Printed + "%", expectedText,
                    $"实际（基本支出+项目支出）÷ 预算（基本支出+项目支出）= {how} = {expectedText}");
            }
    }

    private static IEnumerable<Finding> GradeAgainstScore(CheckContext context, IReadOnlyList<ReportSentence> sentences)
    {
        // The first grade and the first total score of the report, in one pass.
        (ReportSentence Sentence, ReportFigure Figure)? grade = null;
        ReportFigure? score = null;
        foreach (var s in sentences)
            foreach (var f in s.Figures)
            {
                if (grade is null && f.Kind == FigureKind.Grade) grade = (s, f);
                else if (score is null && f.Kind == FigureKind.Score && IsTotalScore(f.Label)) score = f;
            }
        if (grade is not { } g || score is null) yield break;
        if (Indicators.GradeMismatchRule.Mismatch(context.Rulebook, g.Figure.Grade!, score.Value) is { } expected)
            yield return Indicators.GradeMismatchRule.Make(context.Rulebook, g.Figure.Grade!, score.Value, expected, Where(g.Sentence, "等级"));
    }

    /// <summary>A percentage stating the whole unit's budget completion (本年度预算支出完成率, 预算执行率, 整体支出完成率).</summary>
    internal static bool IsOverallRate(ReportSentence s, ReportFigure p)
    {
        if (p.Kind != FigureKind.Percent || p.Label.Contains('占') || !IsCompletionRate(p.Label)) return false;
        var label = p.Label;
        if (!(label.Contains("预算", StringComparison.Ordinal) || label.Contains("整体", StringComparison.Ordinal))) return false;
        // "项目支出预算执行率" or "日常事务专项…完成率" is about a part, not the whole.
        foreach (var part in new[] { "项目", "基本", "专项", "三公", "公用", "人员" })
            if (label.Contains(part, StringComparison.Ordinal)) return false;
        return true;
    }

    internal static bool IsCompletionRate(string label) =>
        label.Contains("完成率", StringComparison.Ordinal) || label.Contains("执行率", StringComparison.Ordinal);

    internal static bool IsTotalScore(string label) =>
        (label.Contains("得分", StringComparison.Ordinal) || label.Contains("总分", StringComparison.Ordinal) || label.Contains("评分", StringComparison.Ordinal))
        && !label.Contains("分值", StringComparison.Ordinal);

    private static readonly string[] DirectionalWords = ["增加", "增长", "减少", "下降", "降低", "超预算", "超支", "超出", "节约", "比预算", "比上年", "较上年", "多支出", "少支出", "上升"];

    private static readonly SearchValues<string> DirectionalWordValues = SearchValues.Create(DirectionalWords, StringComparison.Ordinal);

    private static bool IsDirectionalChange(string label) => label.AsSpan().ContainsAny(DirectionalWordValues);

    /// <summary>Two amounts that are the two ends of a change: 上年 / 本年, two different years, or 预算 / 实际.</summary>
    private static bool IsBeforeAndAfter(string first, string second)
    {
        var years = (Year(first), Year(second));
        if (years is ({ } y1, { } y2) && y1 != y2) return true;
        if ((first.Contains("上年", StringComparison.Ordinal) || first.Contains("去年", StringComparison.Ordinal))
            && (second.Contains("本年", StringComparison.Ordinal) || second.Contains("今年", StringComparison.Ordinal))) return true;
        return first.Contains("预算", StringComparison.Ordinal)
            && (second.Contains("实际", StringComparison.Ordinal) || second.Contains("决算", StringComparison.Ordinal) || second.Contains("执行", StringComparison.Ordinal));

        static string? Year(string label)
        {
            var at = label.IndexOf("20", StringComparison.Ordinal);
            return at >= 0 && at + 4 <= label.Length && label[at..(at + 4)].All(char.IsAsciiDigit) ? label[at..(at + 4)] : null;
        }
    }

    /// <summary>The first amount of a sentence is the whole of a later one when it is a total or is broken down before it.</summary>
    private static bool IsWhole(string sentence, ReportFigure whole, ReportFigure part)
    {
        if (whole.Label.AsSpan().ContainsAny(WholeWords)) return true;
        var between = Between(sentence, whole, part);
        return between.Contains("其中", StringComparison.Ordinal) || between.Contains("包括", StringComparison.Ordinal) || between.Contains("区分", StringComparison.Ordinal);
    }

    private static readonly SearchValues<string> WholeWords = SearchValues.Create(["总", "合计", "共计", "全部", "整体"], StringComparison.Ordinal);

    private static readonly SearchValues<string> RateOfChangeWords =
        SearchValues.Create(["增幅", "降幅", "增长", "增加", "下降", "减少", "降低", "变动率", "上升"], StringComparison.Ordinal);

    private static bool IsRateOfChange(string label) => label.AsSpan().ContainsAny(RateOfChangeWords);

    /// <summary>"占基本支出的88.46%" → 基本支出; "占总收入的100.00%" → 总收入 (also found as 收入总额).</summary>
    private static string? NamedWhole(string label)
    {
        var at = label.IndexOf('占');
        if (at < 0) return null;
        var rest = label[(at + 1)..].Replace("的", "", StringComparison.Ordinal).Replace("比", "", StringComparison.Ordinal);
        return rest.Length >= 2 ? rest : null;
    }

    private static bool Mentions(string sentence, ReportFigure amount, string whole)
    {
        var before = sentence.AsSpan(0, amount.Start);
        var clause = before[(before.LastIndexOfAny(ClauseEnds) + 1)..];
        if (clause.Contains(whole, StringComparison.Ordinal)) return true;
        var core = whole.Replace("总", "", StringComparison.Ordinal);
        return core.Length >= 2 && clause.Contains(core, StringComparison.Ordinal) && clause.Contains('总');
    }

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create("，,；;。");

    private static ReadOnlySpan<char> Between(string text, ReportFigure a, ReportFigure b) => b.Start > a.End ? text.AsSpan(a.End, b.Start - a.End) : [];

    private static string Clause(string text, ReportFigure from, ReportFigure to)
    {
        var start = Math.Max(0, text[..from.Start].LastIndexOfAny(['，', ',', '；', ';', '、']) + 1);
        return text[start..to.End];
    }

    /// <summary>A value in 万元 back in the unit a figure was printed in.</summary>
    private static decimal Scale(decimal wan, ReportFigure like) => like.Unit switch
    {
        "元" => wan * 10_000m,
        "亿元" => wan / 10_000m,
        _ => wan,
    };

    private static bool SubsetMakes(List<ReportFigure> parts, decimal total, decimal tolerance)
    {
        if (parts.Count > 16) return true;
        var n = parts.Count;
        var wan = new decimal[n];
        for (var k = 0; k < n; k++) wan[k] = parts[k].Wan;
        // Subsets in Gray-code order: each differs from the one before by one part, so its sum is one addition away.
        // Printed amounts add up exactly in decimal, so the order the parts are added in cannot change a sum.
        var sum = 0m;
        for (var i = 1; i < (1 << n); i++)
        {
            var k = System.Numerics.BitOperations.TrailingZeroCount(i);
            var mask = i ^ (i >> 1);
            sum += (mask & (1 << k)) != 0 ? wan[k] : -wan[k];
            // One part equal to the whole explains nothing about the others.
            if ((mask & (mask - 1)) == 0) continue;
            if (Math.Abs(sum - total) <= tolerance) return true;
        }
        return false;
    }
}
