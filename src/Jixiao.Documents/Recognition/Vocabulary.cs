using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Templates;

namespace Jixiao.Documents.Recognition;

/// <summary>What a column of an indicator block holds, recognised from its header by meaning.</summary>
internal enum IndicatorColumn
{
    None,
    Label,
    Level1,
    Level1Weight,
    Level2,
    Name,
    Content,
    Target,
    Actual,
    MidYearProgress,
    ExpectedCompletion,
    Weight,
    Score,
    Explanation,
    Improvement,
    Remark,
    CauseFunding,
    CauseRules,
    CauseStaff,
    CauseHardware,
    CauseOther,
    LikelyCertain,
    LikelyPossible,
    LikelyImpossible,
    /// <summary>A header spanning sub-columns (偏差原因分析 over the cause boxes, 完成目标可能性).</summary>
    Group,
    /// <summary>A column the model has no property for: read into <see cref="IndicatorRow.Extra"/> under its role id.</summary>
    Extra,
}

/// <summary>What a column of a funds block holds.</summary>
internal enum FundsColumn
{
    None,
    InitialBudget,
    Budget,
    Executed,
    Transfer,
    Forecast,
    Weight,
    Rate,
    Score,
    /// <summary>A column the model has no property for: read into <see cref="FundsRow.Extra"/>.</summary>
    Extra,
}

internal enum TreeWord
{
    Text,
    Level1,
    /// <summary>A word that is a 一级 in one rulebook year and a 二级 in another (成本指标, 满意度指标).</summary>
    Either,
    Level2,
}

/// <summary>
/// The words of the forms, read from the role lexicon of a <see cref="TemplateRegistry"/> (Templates/roles.json) and
/// the indicator trees of the rulebooks, matched on <see cref="TextNorm.Key"/> so spacing, full-width forms and
/// Traditional characters do not matter. No header word is written here: this class only asks the lexicon.
/// </summary>
internal sealed partial class Vocabulary
{
    private static readonly ConditionalWeakTable<TemplateRegistry, Vocabulary> ByRegistry = [];

    /// <summary>Role ids of the lexicon that the recogniser reads into typed places; every other role goes to Extra.</summary>
    private static readonly Dictionary<string, IndicatorColumn> IndicatorRoles = new(StringComparer.Ordinal)
    {
        ["label"] = IndicatorColumn.Label, ["level1"] = IndicatorColumn.Level1, ["level1Weight"] = IndicatorColumn.Level1Weight,
        ["level2"] = IndicatorColumn.Level2, ["name"] = IndicatorColumn.Name, ["content"] = IndicatorColumn.Content,
        ["target"] = IndicatorColumn.Target, ["actual"] = IndicatorColumn.Actual, ["midYearProgress"] = IndicatorColumn.MidYearProgress,
        ["expectedCompletion"] = IndicatorColumn.ExpectedCompletion, ["weight"] = IndicatorColumn.Weight, ["score"] = IndicatorColumn.Score,
        ["explanation"] = IndicatorColumn.Explanation, ["improvement"] = IndicatorColumn.Improvement, ["remark"] = IndicatorColumn.Remark,
        ["causeFunding"] = IndicatorColumn.CauseFunding, ["causeRules"] = IndicatorColumn.CauseRules, ["causeStaff"] = IndicatorColumn.CauseStaff,
        ["causeHardware"] = IndicatorColumn.CauseHardware, ["causeOther"] = IndicatorColumn.CauseOther,
        ["likelyCertain"] = IndicatorColumn.LikelyCertain, ["likelyPossible"] = IndicatorColumn.LikelyPossible,
        ["likelyImpossible"] = IndicatorColumn.LikelyImpossible, ["group"] = IndicatorColumn.Group,
    };

    private static readonly Dictionary<string, FundsColumn> FundsRoles = new(StringComparer.Ordinal)
    {
        ["initialBudget"] = FundsColumn.InitialBudget, ["budget"] = FundsColumn.Budget, ["adjustedBudget"] = FundsColumn.Budget, ["budgetSubtotal"] = FundsColumn.Budget,
        ["executed"] = FundsColumn.Executed, ["transfer"] = FundsColumn.Transfer, ["forecast"] = FundsColumn.Forecast,
        ["weight"] = FundsColumn.Weight, ["rate"] = FundsColumn.Rate, ["score"] = FundsColumn.Score,
    };

    private readonly Dictionary<string, string> _parents;
    private readonly HashSet<string> _standardLevel1;
    private readonly HashSet<string> _level2Words;
    private readonly Dictionary<string, FormKind> _scoringSections;
    private readonly Regex _gradeBoxes;

    /// <summary>二级 names without their first ending (质量, 时效, 社会效益), as the Hubei monitoring table prints them.</summary>
    private readonly HashSet<string> _level2Stems;
    private readonly Regex _inlineField;
    private readonly Regex _leadingNumbering;
    private readonly Regex _weightSuffix;
    private readonly Regex _spacedPoints;
    private readonly char[] _scoreUnitEnds;

    /// <summary>The last character of every title rule's ending, and the closing brackets a qualifier or year ends a key with.</summary>
    private readonly HashSet<char> _titleKeyEnds;

    /// <summary>Every title rule's endings, once each.</summary>
    private readonly string[] _titleEndings;

    /// <summary>A rule with an empty ending: any key may end a title.</summary>
    private readonly bool _anyTitleKeyEnd;

    /// <summary>Per character, once asked: 1 when it may end a title's key, 2 when it cannot (<see cref="MayEndTitle"/>).</summary>
    private readonly byte[] _mayEndTitle = new byte[char.MaxValue + 1];

    private Vocabulary(TemplateRegistry registry)
    {
        Registry = registry;
        Lexicon = registry.Lexicon;
        (_parents, _level2Words) = TreeOfRulebooks();
        // The sections of the rulebooks' scoring sheets (立项必要性, 投入经济性 …) head their rows as 一级 names do.
        _scoringSections = new Dictionary<string, FormKind>(StringComparer.Ordinal);
        foreach (var tree in Rulebooks.Names.SelectMany(n => Rulebooks.BuiltIn(n).Forms).Where(t => t.Kind.IsScoringSheet()))
            foreach (var key in tree.Blocks.Select(b => HeaderKey.Of(b.Name)).Where(k => !_level2Words.Contains(k)))
                _scoringSections.TryAdd(key, tree.Kind);
        // 优□良□中□差□: the one-character grades in order, each with the box a reviewer ticks (an empty box OCR'd as 口).
        var boxes = "(?:" + string.Join("|", Lexicon.Boxes.Select(Regex.Escape)) + ")?";
        var grades = Lexicon.Report.Grades.Where(g => g.Length == 1).Select(Regex.Escape).ToList();
        _gradeBoxes = new Regex(grades.Count < 2 ? "(?!)" : string.Join(@"\s*" + boxes + @"\s*", grades), RegexOptions.CultureInvariant);
        // Only the first ending (roles.json: 指标) is dropped in print; 资金管理 without its 管理 is no indicator word.
        var dropped = Lexicon.Level2Endings.Count > 0 ? Lexicon.Level2Endings[0] : null;
        _level2Stems = dropped is null ? [] : _level2Words
            .Where(w => w.EndsWith(dropped, StringComparison.Ordinal) && w.Length >= dropped.Length + 2)
            .Select(w => w[..^dropped.Length])
            .Where(stem => Lexicon.Classify(stem) == TreeWordKind.Text)
            .ToHashSet(StringComparer.Ordinal);
        // The 一级 names of the national trees of every year (产出/效益/满意度, and 成本 from 2021).
        _standardLevel1 = Rulebooks.Names.Where(n => n.StartsWith("national-", StringComparison.Ordinal))
            .SelectMany(n => Rulebooks.BuiltIn(n).TreeFor(FormKind.ProjectSelfEvaluation)?.Blocks ?? [])
            .Select(b => HeaderKey.Of(b.Name)).ToHashSet(StringComparer.Ordinal);

        var labels = Lexicon.Roles.Where(r => r.Block == "header")
            .SelectMany(r => r.EqualsWords.Concat(r.StartsWith))
            .Where(w => w.Length >= 3)
            .SelectMany(w => new[] { w, w.Replace('(', '（').Replace(')', '）') })
            .Distinct()
            .OrderByDescending(w => w.Length)
            .Select(Regex.Escape)
            .ToList();
        var alternatives = string.Join("|", labels);
        _inlineField = new Regex($@"({alternatives})(?:[^\s:：()（）]{{0,4}}?)(?:\([^)]*\)|（[^）]*）)?\s*[:：]\s*([^:：]*?)(?=\s{{2,}}|\s*$|\s*(?:{alternatives})\s*[:：])",
            RegexOptions.CultureInvariant);
        var numbering = string.Join("|", Lexicon.TitleNumbering.Select(Regex.Escape));
        _leadingNumbering = new Regex($@"^(?:{numbering})?[0-9一二三四五六七八九十]{{0,2}}(?:[.、:：]|(?=[^0-9年]))", RegexOptions.CultureInvariant);
        var units = string.Concat(Lexicon.ScoreUnits.Select(Regex.Escape));
        _weightSuffix = new Regex($@"^(.*?)\s*[(（]\s*(\d{{1,3}}(?:\.\d+)?)\s*(?:{string.Join("|", Lexicon.ScoreUnits.Select(Regex.Escape))})?\s*(?:[)）]|$)\s*$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline); // a tree cell wrapped over lines keeps its points
        _scoreUnitEnds = [.. units];
        _spacedPoints = new Regex($@"^(\D*\S)\s+(\d{{1,3}}(?:\.\d+)?)\s*(?:{string.Join("|", Lexicon.ScoreUnits.Select(Regex.Escape))})\s*$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);
        _titleKeyEnds = [.. Lexicon.Titles.SelectMany(r => r.EndsWith).Where(e => e.Length > 0).Select(e => e[^1]), ')', '）'];
        _anyTitleKeyEnd = Lexicon.Titles.Any(r => r.EndsWith.Any(e => e.Length == 0));
        _titleEndings = [.. Lexicon.Titles.SelectMany(r => r.EndsWith).Distinct(StringComparer.Ordinal)];
        static string Alternatives(IEnumerable<string> words) => string.Join("|", words.OrderByDescending(w => w.Length).Select(Regex.Escape));
        var report = Lexicon.Report;
        var scoreUnit = Alternatives(Lexicon.ScoreUnits);
        ReportTotal = new Regex($@"(?:{Alternatives(report.TotalWords)})\s*(?:{Alternatives(report.LinkWords)}|：|:)?\s*(\d{{1,3}}(?:\.\d{{1,2}})?)\s*(?:{scoreUnit})",
            RegexOptions.CultureInvariant);
        ReportGrade = new Regex($@"(?:{Alternatives(report.GradeWords)})\s*(?:{Alternatives(report.LinkWords)}|：|:)\s*[“""「『]?({Alternatives(report.Grades)})",
            RegexOptions.CultureInvariant);
    }

    /// <summary>"自评综合得分为96分": a total a report states.</summary>
    public Regex ReportTotal { get; }

    /// <summary>"评价等级为“优”": a grade a report states; the first character of the grade is kept.</summary>
    public Regex ReportGrade { get; }

    public ReportWords Report => Lexicon.Report;

    public static Vocabulary For(TemplateRegistry registry) => ByRegistry.GetValue(registry, r => new Vocabulary(r));

    public TemplateRegistry Registry { get; }

    public RoleLexicon Lexicon { get; }

    /// <summary>二级 → 一级 of every built-in rulebook's trees; a name with different parents in different years is left out.</summary>
    private static (Dictionary<string, string> Parents, HashSet<string> Level2) TreeOfRulebooks()
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var level2 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in Rulebooks.Names)
        {
            foreach (var tree in Rulebooks.BuiltIn(name).Forms)
            {
                foreach (var block in tree.Blocks)
                {
                    foreach (var child in block.Children)
                    {
                        var key = HeaderKey.Of(child.Name);
                        level2.Add(key);
                        if (parents.TryGetValue(key, out var p) && p != block.Name) ambiguous.Add(key);
                        else parents[key] = block.Name;
                    }
                }
            }
        }
        foreach (var a in ambiguous) parents.Remove(a);
        return (parents, level2);
    }

    /// <summary>
    /// "一、立项必要性(20分)": a numbered heading naming a section of a rulebook's scoring sheet with its points — the kind
    /// of sheet, the section and its points; null for any other text.
    /// </summary>
    public (FormKind Kind, string Name, decimal Weight)? ScoringSection(string text)
    {
        var (word, weight) = SplitWeight(_leadingNumbering.Replace(TextNorm.Clean(text), "").Trim());
        if (weight is not { } points || !_scoringSections.TryGetValue(TextNorm.Key(word), out var kind)) return null;
        return (kind, word, points);
    }

    /// <summary>Where the grade boxes of an assessment line start (优□良□中□差□), or -1.</summary>
    public int GradeBoxes(string text)
    {
        var m = _gradeBoxes.Match(text);
        return m.Success ? m.Index : -1;
    }

    public FormKind? TitleKind(string key)
    {
        if (key.Length is < 4 or > 70) return null;
        // Without an opening bracket TitleCore only drops a leading number (and trailing colons), so the core ends as the
        // key does: most keys asked end with no rule's ending and need none of its replacements.
        if (key.AsSpan().IndexOfAny('(', '（') < 0 && !EndsWithTitleEnding(key.AsSpan().TrimEnd(":："))) return null;
        var k = TitleCore(key);
        foreach (var rule in Lexicon.Titles)
        {
            if (!rule.EndsWith.Any(e => k.EndsWith(e, StringComparison.Ordinal))) continue;
            if (rule.ContainsAny.Count > 0 && !rule.ContainsAny.Any(c => k.Contains(c, StringComparison.Ordinal))) continue;
            if (rule.RequiresAny.Count > 0 && !rule.RequiresAny.Any(c => k.Contains(c, StringComparison.Ordinal)))
            {
                // A title ending like a report that is not one (通知的报告) is no form; for tables the next rule may fit.
                if (rule.Kind == FormKind.Report) return null;
                continue;
            }
            return rule.Kind;
        }
        return null;
    }

    /// <summary>
    /// False when no text whose key ends with the key of <paramref name="ch"/> can be a title: a title's core ends with a
    /// rule's ending, and the core ends where the key ends unless the key ends with a bracket (a year or a qualifier
    /// dropped); the key's last character comes from the text's last one, through NFKC and the Traditional fold, unless
    /// that one is whitespace or a colon the key drops. So a search for a title inside a long line asks
    /// <see cref="TitleKind"/> only where the character the key would end with passes this, and finds what it found
    /// before (a surrogate, or a character NFKC refuses, always passes).
    /// </summary>
    public bool MayEndTitle(char ch)
    {
        var known = _mayEndTitle[ch];
        if (known == 0) _mayEndTitle[ch] = known = CanEndTitleKey(ch) ? (byte)1 : (byte)2;
        return known == 1;
    }

    private bool CanEndTitleKey(char ch)
    {
        if (_anyTitleKeyEnd || char.IsSurrogate(ch)) return true;
        var one = ch.ToString();
        string[] forms;
        try
        {
            forms = [one, one.Normalize(NormalizationForm.FormKC), one.Normalize(NormalizationForm.FormKD)];
        }
        catch (ArgumentException)
        {
            return true;
        }
        foreach (var form in forms)
            foreach (var c in form)
                if (char.IsWhiteSpace(c) || c is ':' or '：' || _titleKeyEnds.Contains(HeaderKey.Fold(c))) return true;
        return false;
    }

    private bool EndsWithTitleEnding(ReadOnlySpan<char> key)
    {
        foreach (var ending in _titleEndings)
            if (key.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The title without its numbering ("6 部门整体自评表"), year in brackets or trailing colon.</summary>
    private string TitleCore(string key)
    {
        var k = YearInBrackets().Replace(key, "");
        k = _leadingNumbering.Replace(k, "");
        // A short qualifier after the title ("…绩效监控表 (申遗)") names the project, not the kind of table.
        k = TrailingQualifier().Replace(k, "");
        return k.TrimEnd(':', '：');
    }

    [GeneratedRegex(@"\s*[(（][^()（）]{1,12}[)）]$")]
    private static partial Regex TrailingQualifier();

    [GeneratedRegex(@"[(（][^)）]*\d{4}[^)）]*[)）]")]
    private static partial Regex YearInBrackets();

    [GeneratedRegex(@"((?:19|20)[0-9]{2})\s*年")]
    private static partial Regex YearWord();

    /// <summary>The first fiscal year named in <paramref name="text"/> ("(2020 年度)", "2021年项目…").</summary>
    public static int? Year(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (text.IndexOf('年') < 0) return null;
        var m = YearWord().Match(TextNorm.Compatible(text));
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^[(（]?\s*((?:19|20)[0-9]{2})\s*年度?\s*[)）]?$")]
    private static partial Regex YearOnly();

    /// <summary>A line that only states the year, "(2020 年度)".</summary>
    public static int? YearLine(string key)
    {
        var m = YearOnly().Match(key);
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>A header field label cell ("项目名称", "主管部门(及代码)", "部门（单位）名称", "填报单位"), or null.</summary>
    public ColumnRole? FieldOf(string key) => Lexicon.Match("header", key);

    /// <summary>
    /// A cell that is word for word the heading of a table column (备注, 分值, 得分): beside 项目名称 it makes a list's header
    /// row (序号 | 项目名称 | 备注, a unit's list of its forms), never the value of the field.
    /// </summary>
    public bool IsColumnHeading(string key) =>
        (Lexicon.Match("indicators", key) ?? Lexicon.Match("funds", key)) is { } role && role.EqualsWords.Contains(key, StringComparer.Ordinal);

    /// <summary>Label: value pairs written inside one cell ("填报单位：浏阳市数据资源中心", "填报人：   单位负责人：").</summary>
    public IEnumerable<(ColumnRole Field, string Value)> InlineFields(string text)
    {
        if (text.Length > 200) yield break;
        // Matched on the folded text (same positions), values taken from the text as printed.
        var folded = HeaderKey.FoldText(text);
        foreach (Match m in _inlineField.Matches(folded))
        {
            var field = FieldOf(TextNorm.Key(m.Groups[1].Value));
            if (field is null) continue;
            yield return (field, TextNorm.Clean(text.Substring(m.Groups[2].Index, m.Groups[2].Length)));
        }
    }

    /// <summary>The money unit a label names in brackets or after the unit word ("项目资金（万元）", "单位：元").</summary>
    public MoneyUnit? MoneyUnitOf(string key)
    {
        var unitWord = Lexicon.Role("header", "moneyUnit")?.Header;
        foreach (var unit in MoneyUnitsLargestFirst)
        {
            var symbol = unit.Symbol();
            if (key.Contains("(" + symbol + ")", StringComparison.Ordinal)) return unit;
            if (unitWord is not null && key.Contains(unitWord + ":" + symbol, StringComparison.Ordinal)) return unit;
        }
        return null;
    }

    /// <summary>万元 before 元: the longer symbol ends with the shorter one.</summary>
    public static readonly MoneyUnit[] MoneyUnitsLargestFirst =
        [.. Enum.GetValues<MoneyUnit>().OrderByDescending(u => u.Symbol().Length)];

    public (FundsColumn Column, ColumnRole? Role) FundsColumnOf(string key)
    {
        var role = Lexicon.Match("funds", key);
        if (role is null) return (FundsColumn.None, null);
        return (FundsRoles.GetValueOrDefault(role.Id, FundsColumn.Extra), role);
    }

    public ColumnRole? FundsRowOf(string key) => Lexicon.Match("fundsRows", key);

    public bool IsFundsRow(string roleId, string key) => Lexicon.Is("fundsRows", roleId, key);

    [GeneratedRegex(@"1\s*[-－—~～至到]\s*([0-9]{1,2})\s*月")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"1月([0-9]{1,2})日")]
    private static partial Regex MonthRangeAsDate();

    /// <summary>N of "1-N月执行数"; also of "1月6日执行情况", what a spreadsheet makes of "1-6" typed into a cell.</summary>
    public static int? MonitoringMonths(string key)
    {
        var m = MonthRange().Match(key);
        if (!m.Success) m = MonthRangeAsDate().Match(key);
        if (!m.Success) return null;
        var n = int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
        return n is >= 1 and <= 12 ? n : null;
    }

    public (IndicatorColumn Column, ColumnRole? Role) IndicatorColumnOf(string key)
    {
        var role = Lexicon.Match("indicators", key);
        if (role is null) return (IndicatorColumn.None, null);
        return (IndicatorRoles.GetValueOrDefault(role.Id, IndicatorColumn.Extra), role);
    }

    /// <summary>The role of a basic data header cell (编制数, 上年决算数 …), or null.</summary>
    public ColumnRole? BasicDataOf(string key) => Lexicon.Match("basicData", key);

    public bool IsBasicHeading(string key) => Lexicon.Is("basicData", "basicHeading", key);

    public bool IsRow(string roleId, string key) => Lexicon.Is("rows", roleId, key);

    /// <summary>Words that name the whole indicator block in its first column.</summary>
    public bool IsBlockLabel(string key) => IsRow("blockLabel", key);

    /// <summary>A tree word of a known tree (not merely a word ending in 指标, which 达成预期指标 also is).</summary>
    public bool IsKnownTreeWord(string keyWithoutWeight) =>
        Lexicon.Classify(keyWithoutWeight) is TreeWordKind.Level1 or TreeWordKind.Either || _level2Words.Contains(keyWithoutWeight);

    /// <summary>
    /// A 二级 name printed without its ending (质量 for 质量指标). Not a tree word in general — a 三级 may be named so
    /// (生态效益指标 | 生态效益) — but alone on a row it heads the indicators under it, and is no fragment of the row above.
    /// </summary>
    public bool IsLevel2Stem(string key) => _level2Stems.Contains(key);

    /// <summary>The standard 一级 of a known 二级, for a row whose 一级 cell is missing or garbled.</summary>
    public string? StandardParent(string level2Key) => _parents.GetValueOrDefault(level2Key);

    public bool IsStandardLevel1(string key) => _standardLevel1.Contains(key);

    public TreeWord Classify(string keyWithoutWeight)
    {
        var k = keyWithoutWeight;
        switch (Lexicon.Classify(k))
        {
            case TreeWordKind.Level1: return TreeWord.Level1;
            case TreeWordKind.Either: return TreeWord.Either;
        }
        if (_level2Words.Contains(k)) return TreeWord.Level2;
        if (_scoringSections.ContainsKey(k)) return TreeWord.Level1;
        if (k.Length <= Lexicon.Level2MaxLength)
            foreach (var ending in Lexicon.Level2Endings)
                if (k.EndsWith(ending, StringComparison.Ordinal)) return TreeWord.Level2;
        return TreeWord.Text;
    }

    /// <summary>Splits "产出指标(50分)", "数量指标（15）", "资金到位率（2分" into the name and its weight.</summary>
    public (string Name, decimal? Weight) SplitWeight(string text)
    {
        var last = text.Length == 0 ? ' ' : text[^1];
        if (!(last is ')' or '）' || Array.IndexOf(_scoreUnitEnds, last) >= 0 || char.IsAsciiDigit(last) || last is >= '０' and <= '９')) return (text, null);
        var m = _weightSuffix.Match(TextNorm.Compatible(text));
        // "项目决策 2 分": points printed after a space, without brackets (the Hubei rubric's sections).
        if (!m.Success) m = _spacedPoints.Match(TextNorm.Compatible(text));
        if (!m.Success || m.Groups[1].Length == 0) return (text, null);
        return (TextNorm.Clean(m.Groups[1].Value), decimal.Parse(m.Groups[2].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(\D+?)[\s\d.]+$")]
    private static partial Regex WordThenNumbers();

    /// <summary>"效益指标 868 868": a tree word followed by numbers a page break pushed into its cell.</summary>
    public bool TryStripTrailingNumbers(string text, out string word)
    {
        word = text;
        if (text.Length == 0 || !char.IsAsciiDigit(text[^1])) return false;
        var m = WordThenNumbers().Match(text);
        if (!m.Success) return false;
        var candidate = m.Groups[1].Value.Trim();
        if (Classify(TextNorm.Key(candidate)) == TreeWord.Text) return false;
        word = candidate;
        return true;
    }

    /// <summary>A page number a converter left between rows ("第 2 页", "- 3 -").</summary>
    public bool IsPageMark(string key) => key.Length <= 16 && Lexicon.PageMark.IsMatch(key);

    /// <summary>A tick in a monitoring box.</summary>
    public bool IsTick(string text) => Lexicon.IsTick(text);

    /// <summary>Cells that start a note under a form ("注：1．偏差原因分析…", "说明：…").</summary>
    public bool IsNote(string key) => IsRow("note", key);

    public bool IsTotalLabel(string key) => IsRow("total", key);

    /// <summary>The label of the row stating a table's grade ("自评等级 | 优"), under the names the forms print it with.</summary>
    public bool IsGradeLabel(string key) => IsRow("grade", key);

    public bool IsGoalLabel(string key) => IsRow("goal", key);

    public bool IsGoalHeader(string key) => Lexicon.Match("goals", key) is not null;

    public bool IsActualGoalHeader(string key) => Lexicon.Match("goals", key)?.Property == nameof(PerformanceForm.ActualGoal);

    /// <summary>A name a blank template prints in place of an indicator (指标1, ……) or a target left as template text (≥**人).</summary>
    public bool IsPlaceholderName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var k = TextNorm.Key(text);
        foreach (var p in Lexicon.PlaceholderNames)
            if (p.IsMatch(k)) return true;
        return false;
    }

    /// <summary>
    /// A real name that still carries the template's hint ("…满意度(≥**%)"): two or more CJK characters are left once the
    /// placeholder marks are taken out. 指标1 or ≥**人 leave fewer.
    /// </summary>
    public bool IsNamedDespiteHint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        var k = TextNorm.Key(text);
        foreach (var p in Lexicon.PlaceholderNames) k = p.Replace(k, "");
        var cjk = 0;
        foreach (var ch in k)
            if (ch is >= '\u4E00' and <= '\u9FFF') cjk++;
        return cjk >= 2;
    }

    /// <summary>A weight or score with its unit in the cell ("10分"), as a number.</summary>
    public bool TryScore(string? text, out decimal value)
    {
        if (TextNorm.TryAmount(text, out value)) return true;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var unit in Lexicon.ScoreUnits)
            if (t.EndsWith(unit, StringComparison.Ordinal) && TextNorm.TryAmount(t[..^unit.Length], out value)) return true;
        return false;
    }

    /// <summary>An amount with its money unit in the cell ("4753.66万元"): the number and the unit it was written in.</summary>
    public static bool TryAmountWithUnit(string? text, out decimal value, out MoneyUnit unit)
    {
        value = 0;
        unit = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var u in MoneyUnitsLargestFirst)
        {
            // "250万" is 250万元: a unit larger than the yuan is also written without its last character.
            var symbol = u.Symbol();
            var length = t.EndsWith(symbol, StringComparison.Ordinal) ? symbol.Length
                : symbol.Length > 1 && t.EndsWith(symbol.AsSpan(0, symbol.Length - 1), StringComparison.Ordinal) ? symbol.Length - 1 : 0;
            if (length == 0) continue;
            if (!TextNorm.TryAmount(t[..^length], out value)) return false;
            unit = u;
            return true;
        }
        return false;
    }
}
