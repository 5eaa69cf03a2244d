using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>What became of one expected (or stated) fact.</summary>
public enum FactOutcome
{
    /// <summary>The reader gave the document's value.</summary>
    Exact,
    /// <summary>The reader gave another value or none, but said it was unsure there.</summary>
    Doubt,
    /// <summary>The reader gave nothing and said nothing: a fact lost, but not a wrong number.</summary>
    NotRead,
    /// <summary>The reader gave a value the document does not state, and no doubt: the worst outcome.</summary>
    Misread,
}

/// <summary>A misread (or lost) fact, for the report that tells the recogniser's authors where to look.</summary>
public sealed record FactMiss(string Document, string Where, string Fact, string? Expected, string? Read, FactOutcome Outcome);

/// <summary>The tally of one document (or of all of them).</summary>
public sealed class Tally
{
    public int Exact { get; set; }
    public int Doubt { get; set; }
    public int NotRead { get; set; }
    public int Misread { get; set; }

    /// <summary>Doubts where the reader still stated another value: misreads once doubts are scoped to their row or cell.</summary>
    public int DoubtStatedOtherwise { get; set; }

    public int FormsExpected { get; set; }
    public int FormsMissed { get; set; }
    public int FormsExtra { get; set; }
    public int KindsWrong { get; set; }
    public int HeaderExact { get; set; }
    public int HeaderTotal { get; set; }
    public List<FactMiss> Misses { get; } = [];

    public int Facts => Exact + Doubt + NotRead + Misread;

    public decimal ExactShare => Facts == 0 ? 1m : (decimal)Exact / Facts;

    public void Add(FactOutcome outcome)
    {
        switch (outcome)
        {
            case FactOutcome.Exact: Exact++; break;
            case FactOutcome.Doubt: Doubt++; break;
            case FactOutcome.NotRead: NotRead++; break;
            case FactOutcome.Misread: Misread++; break;
        }
    }

    public void Add(Tally other)
    {
        Exact += other.Exact;
        Doubt += other.Doubt;
        NotRead += other.NotRead;
        Misread += other.Misread;
        DoubtStatedOtherwise += other.DoubtStatedOtherwise;
        FormsExpected += other.FormsExpected;
        FormsMissed += other.FormsMissed;
        FormsExtra += other.FormsExtra;
        KindsWrong += other.KindsWrong;
        HeaderExact += other.HeaderExact;
        HeaderTotal += other.HeaderTotal;
        Misses.AddRange(other.Misses);
    }
}

/// <summary>
/// Compares the forms a reader recognised in a document with the expectation written by hand, fact by fact: every funds
/// figure (budgets, executed, 分值, stated 执行率, stated 得分), every indicator row's target, actual, weight and score,
/// the stated totals. Forms are paired by project name or, failing that, by the facts they share; rows by name or label,
/// then by order. A value the reader states where the document has none counts as misread, so does every fact of a
/// form or row the document does not have.
/// </summary>
public static partial class CorpusMeasure
{
    public static Tally Measure(CorpusExpectation expectation, IReadOnlyList<PerformanceForm> recognised)
    {
        var tally = new Tally { FormsExpected = expectation.Forms.Count };
        var pairs = PairForms(expectation, recognised);
        for (var i = 0; i < expectation.Forms.Count; i++)
        {
            var expected = expectation.Forms[i];
            var where = $"form {i + 1}";
            if (pairs.TryGetValue(i, out var form))
            {
                tally.Add(CompareForm(expectation.Name, where, expected, form));
                continue;
            }

            tally.FormsMissed++;
            tally.Add(CompareForm(expectation.Name, where + " (missed)", expected, null));
        }

        var paired = pairs.Values.ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var extra in recognised.Where(f => !paired.Contains(f)))
        {
            tally.FormsExtra++;
            tally.Add(StatedWhereNone(expectation.Name, $"extra {extra.Kind.Code()} form '{extra.Project ?? extra.Title}'", extra));
        }

        return tally;
    }

    /// <summary>
    /// Whether the reader said it was unsure about this fact: a typed doubt on the whole form, on the fact's block as a
    /// whole, on its row, or on its cell (its column role). A doubt elsewhere in the form does not cover it.
    /// </summary>
    public static bool DoubtCovers(PerformanceForm form, object? row, string fact)
    {
        var (block, source) = row switch
        {
            FundsRow f => (FormBlock.Funds, f.Source),
            IndicatorRow r => (FormBlock.Indicators, r.Source),
            _ => (FormBlock.Total, (SourcePosition?)null),
        };
        var role = CellOf(fact);
        foreach (var d in form.ReadingDoubts)
        {
            if (d.Reason == DoubtReason.InferredLevel) continue;
            if (d.Scope == DoubtScope.Form) return true;
            if (d.Block != block && !(block == FormBlock.Total && d.Block == FormBlock.Indicators && d.Row is null)) continue;
            if (d.Row is null && d.Cells.Count == 0) return true;
            if (d.Row is null ? d.Covers(role) : d.IsAt(source) && d.Covers(role)) return true;
        }
        return false;
    }

    private static CellRole CellOf(string fact) => fact switch
    {
        "initialBudget" => CellRole.InitialBudget,
        "budget" => CellRole.Budget,
        "executed" => CellRole.Executed,
        "forecast" => CellRole.Forecast,
        "rate" => CellRole.Rate,
        "target" => CellRole.Target,
        "actual" => CellRole.Actual,
        "midYear" => CellRole.MidYearProgress,
        "weight" => CellRole.Weight,
        "score" => CellRole.Score,
        "statedTotal" => CellRole.StatedTotal,
        "statedWeightTotal" => CellRole.StatedWeightTotal,
        _ => CellRole.Label,
    };

    private static Dictionary<int, PerformanceForm> PairForms(CorpusExpectation expectation, IReadOnlyList<PerformanceForm> recognised)
    {
        var candidates = new List<(int Expected, PerformanceForm Form, int Score)>();
        for (var i = 0; i < expectation.Forms.Count; i++)
            foreach (var form in recognised)
            {
                var expected = expectation.Forms[i];
                var named = SameName(expected.Project.Text, form.Project);
                var exact = CompareForm("", "", expected, form).Exact;
                if (!named && exact == 0) continue;
                var kind = expected.Kind == form.Kind.Code() ? 1 : 0;
                candidates.Add((i, form, (named ? 10_000 : 0) + exact * 2 + kind));
            }

        var pairs = new Dictionary<int, PerformanceForm>();
        var used = new HashSet<PerformanceForm>(ReferenceEqualityComparer.Instance);
        foreach (var (expected, form, _) in candidates.OrderByDescending(c => c.Score))
        {
            if (pairs.ContainsKey(expected) || used.Contains(form)) continue;
            pairs[expected] = form;
            used.Add(form);
        }

        return pairs;
    }

    private static Tally CompareForm(string document, string where, ExpectedForm expected, PerformanceForm? form)
    {
        var tally = new Tally();
        if (form is not null && FormKinds.FromCode(expected.Kind) is { } kind && kind != form.Kind) tally.KindsWrong++;

        void Header(ExpectedFact fact, string? read, Func<string?, string?, bool> same)
        {
            if (!fact.HasValue) return;
            tally.HeaderTotal++;
            if (same(fact.Text, read)) tally.HeaderExact++;
        }

        Header(expected.Project, form?.Project, SameName);
        Header(expected.Year, form?.Year?.ToString(CultureInfo.InvariantCulture), (a, b) => a == b);
        Header(expected.MoneyUnit, form?.MoneyUnit?.Symbol(), (a, b) => a == b);

        foreach (var name in CorpusExpectation.TotalFacts.Split(' '))
        {
            var read = name == "statedTotal" ? form?.StatedTotal : form?.StatedWeightTotal;
            Fact(tally, document, where, name, expected.Totals[name], Amount(read), Kind.Amount, form, null);
        }

        var targets = expected.Kind == FormKind.Targets.Code();
        var funds = PairRows(expected.Funds, form?.Funds ?? [], e => e.Label, f => f.Label, (e, f) => CompareFunds(new Tally(), "", "", e, f, form!, targets).Exact);
        foreach (var (e, f) in funds)
        {
            if (e is null) tally.Add(StatedRow(document, $"{where} extra funds row '{f!.Label}'", form!, f, FundsValues(f, targets)));
            else tally.Add(CompareFunds(new Tally(), document, $"{where} funds '{e.Label}'", e, f, form, targets));
        }

        var rows = PairRows(expected.Indicators, form?.Indicators ?? [], e => e.Name, r => r.Name, (e, r) => CompareIndicator(new Tally(), "", "", e, r, form!).Exact);
        foreach (var (e, r) in rows)
        {
            if (e is null) tally.Add(StatedRow(document, $"{where} extra indicator '{r!.Name}'", form!, r, IndicatorValues(r)));
            else tally.Add(CompareIndicator(new Tally(), document, $"{where} indicator '{e.Name ?? "(unnamed)"}'", e, r, form));
        }

        return tally;
    }

    private static Tally CompareFunds(Tally tally, string document, string where, ExpectedFundsRow expected, FundsRow? row, PerformanceForm? form, bool targets)
    {
        var values = row is null ? null : FundsValues(row, targets);
        foreach (var name in CorpusExpectation.FundsFacts.Split(' '))
            Fact(tally, document, where, name, expected.Facts[name], values?[name], name == "rate" ? Kind.Rate : Kind.Amount, form, row);
        return tally;
    }

    private static Tally CompareIndicator(Tally tally, string document, string where, ExpectedIndicatorRow expected, IndicatorRow? row, PerformanceForm? form)
    {
        var values = row is null ? null : IndicatorValues(row);
        foreach (var name in CorpusExpectation.IndicatorFacts.Split(' '))
            Fact(tally, document, where, name, expected.Facts[name], values?[name], name is "weight" or "score" ? Kind.Amount : Kind.Text, form, row);
        return tally;
    }

    /// <summary>
    /// A targets form states the amounts set with the budget; a reader may file them as 年初预算数 or 全年预算数 (an amount
    /// filed as 年初预算数 alone stands for the budget, and is not counted a second time as a 年初预算数 the form lacks).
    /// </summary>
    private static Dictionary<string, string?> FundsValues(FundsRow row, bool targets) => new()
    {
        ["initialBudget"] = targets && row.Budget is null ? null : Amount(row.InitialBudget),
        ["budget"] = Amount(targets ? row.Budget ?? row.InitialBudget : row.Budget),
        ["executed"] = Amount(row.Executed),
        ["forecast"] = Amount(row.ForecastExecuted),
        ["weight"] = Amount(row.Weight),
        ["rate"] = row.StatedRate is { } rate ? Amount(rate.Points) : null,
        ["score"] = Amount(row.StatedScore),
    };

    private static Dictionary<string, string?> IndicatorValues(IndicatorRow row) => new()
    {
        ["target"] = row.Target,
        ["actual"] = row.Actual,
        ["midYear"] = row.MidYearProgress,
        ["weight"] = Amount(row.Weight),
        ["score"] = Amount(row.StatedScore),
    };

    private enum Kind { Amount, Rate, Text }

    private static void Fact(Tally tally, string document, string where, string name, ExpectedFact expected, string? read, Kind kind, PerformanceForm? form, object? row)
    {
        var readKey = read is null ? null : Key(read, kind);
        var expectedKey = expected.Text is { } text ? Key(text, kind) : null;
        if (expectedKey is null && readKey is null) return;
        FactOutcome outcome;
        if (readKey is not null && readKey == expectedKey) outcome = FactOutcome.Exact;
        else if (form is not null && DoubtCovers(form, row, name)) outcome = FactOutcome.Doubt;
        else if (readKey is null) outcome = FactOutcome.NotRead;
        else outcome = FactOutcome.Misread;

        // A doubtful fact the document leaves empty is only counted when a reader states something there.
        if (expectedKey is null && expected.Doubtful && readKey is null) return;
        tally.Add(outcome);
        if (outcome == FactOutcome.Doubt && readKey is not null) tally.DoubtStatedOtherwise++;
        if (outcome != FactOutcome.Exact)
            tally.Misses.Add(new FactMiss(document, where, name, expected.Text, read, outcome));
    }

    private static Tally StatedRow(string document, string where, PerformanceForm form, object row, Dictionary<string, string?> values)
    {
        var tally = new Tally();
        foreach (var (name, value) in values)
        {
            if (value is null) continue;
            var outcome = DoubtCovers(form, row, name) ? FactOutcome.Doubt : FactOutcome.Misread;
            tally.Add(outcome);
            if (outcome == FactOutcome.Doubt) tally.DoubtStatedOtherwise++;
            tally.Misses.Add(new FactMiss(document, where, name, null, value, outcome));
        }

        return tally;
    }

    private static Tally StatedWhereNone(string document, string where, PerformanceForm form)
    {
        var tally = new Tally();
        foreach (var row in form.Funds) tally.Add(StatedRow(document, $"{where} funds '{row.Label}'", form, row, FundsValues(row, false)));
        foreach (var row in form.Indicators) tally.Add(StatedRow(document, $"{where} indicator '{row.Name}'", form, row, IndicatorValues(row)));
        return tally;
    }

    /// <summary>
    /// Pairs expected rows with read rows: same name first, then one name inside the other, then what is left in order
    /// where the two rows share at least one fact. Unpaired expected rows come with null, unpaired read rows too.
    /// </summary>
    private static List<(TExpected? Expected, TRead? Read)> PairRows<TExpected, TRead>(
        IReadOnlyList<TExpected> expected, IReadOnlyList<TRead> read,
        Func<TExpected, string?> expectedName, Func<TRead, string?> readName, Func<TExpected, TRead, int> shared)
        where TExpected : class where TRead : class
    {
        var pairs = new Dictionary<int, int>();
        var used = new HashSet<int>();

        void Pass(Func<string, string, bool> same)
        {
            for (var i = 0; i < expected.Count; i++)
            {
                if (pairs.ContainsKey(i) || NameKey(expectedName(expected[i])) is not { Length: > 0 } e) continue;
                for (var j = 0; j < read.Count; j++)
                {
                    if (used.Contains(j) || NameKey(readName(read[j])) is not { Length: > 0 } r || !same(e, r)) continue;
                    pairs[i] = j;
                    used.Add(j);
                    break;
                }
            }
        }

        Pass((a, b) => a == b);
        Pass((a, b) => Math.Min(a.Length, b.Length) >= 2 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)));
        var next = 0;
        for (var i = 0; i < expected.Count; i++)
        {
            if (pairs.ContainsKey(i)) continue;
            for (var j = next; j < read.Count; j++)
            {
                if (used.Contains(j) || shared(expected[i], read[j]) == 0) continue;
                pairs[i] = j;
                used.Add(j);
                next = j + 1;
                break;
            }
        }

        var result = new List<(TExpected?, TRead?)>();
        for (var i = 0; i < expected.Count; i++) result.Add((expected[i], pairs.TryGetValue(i, out var j) ? read[j] : null));
        for (var j = 0; j < read.Count; j++)
            if (!used.Contains(j)) result.Add((null, read[j]));
        return result;
    }

    private static bool SameName(string? expected, string? read)
    {
        var e = NameKey(expected);
        var r = NameKey(read);
        if (e is not { Length: >= 2 } || r is not { Length: >= 2 }) return false;
        return e == r || e.Contains(r, StringComparison.Ordinal) || r.Contains(e, StringComparison.Ordinal);
    }

    /// <summary>A name or label without spacing, core markers, enumerators, 其中 and punctuation.</summary>
    private static string? NameKey(string? name)
    {
        if (name is null) return null;
        var s = Text(name);
        s = Enumerator().Replace(s, "");
        s = s.Replace("其中", "", StringComparison.Ordinal);
        return Punctuation().Replace(s, "");
    }

    private static string Key(string value, Kind kind) => kind switch
    {
        Kind.Text => Text(value),
        Kind.Amount or Kind.Rate => Number(value) is { } n ? n.ToString("0.############################", CultureInfo.InvariantCulture) : "text:" + Text(value),
    };

    /// <summary>Text as a person compares it: no spacing, full-width folded, one spelling per comparator.</summary>
    public static string Text(string value)
    {
        var s = value.Normalize(NormalizationForm.FormKC);
        s = Whitespace().Replace(s, "");
        return s.Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal)
            .Replace('≧', '≥').Replace('≦', '≤').Replace('═', '=');
    }

    /// <summary>A number as printed ("215,457.6", "10分", "97.80%") as a decimal without trailing zeros; null for text.</summary>
    private static decimal? Number(string value)
    {
        var m = NumberPattern().Match(Text(value));
        if (!m.Success) return null;
        var n = decimal.Parse(m.Groups[1].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);
        return n;
    }

    private static string? Amount(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(-?\d[\d,]*(?:\.\d+)?)(?:%|分|万元|元)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?:指标\d+[:：]?|\(?[一二三四五六七八九十]+\)|\d+[、.]|[①②③④⑤⑥⑦⑧⑨⑩]|★+)+")]
    private static partial Regex Enumerator();

    [GeneratedRegex(@"[\p{P}\p{S}]")]
    private static partial Regex Punctuation();
}
