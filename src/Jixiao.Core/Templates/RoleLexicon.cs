using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>
/// The role lexicon (Templates/roles.json): every role with its value type, printed header, typed property and the
/// words that name it in the wild; title rules; the layout words of the indicator tree; cell marks. Compiled at load
/// into lookups, so matching a cell costs one pass over its characters.
/// </summary>
public sealed partial class RoleLexicon
{
    private readonly Dictionary<string, ColumnRole> _byId;
    private readonly Dictionary<string, RoleMatcher> _blocks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RoleMatcher> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _maxLength;
    private readonly HashSet<string> _level1;
    private readonly HashSet<string> _either;
    private readonly HashSet<string> _ticks;

    private RoleLexicon(List<ColumnRole> roles, Dictionary<string, int> maxLength, List<TitleRule> titles, List<string> titleNumbering,
        List<string> level1, List<string> either, List<string> level2Endings, int level2MaxLength, List<string> ticks, List<string> scoreUnits,
        Regex pageMark, List<Regex> placeholderNames)
    {
        Roles = roles;
        _byId = roles.ToDictionary(r => r.Id + "@" + r.Block, StringComparer.Ordinal);
        _maxLength = maxLength;
        Titles = titles;
        TitleNumbering = titleNumbering;
        _level1 = [.. level1];
        _either = [.. either];
        Level2Endings = level2Endings;
        Level2MaxLength = level2MaxLength;
        _ticks = [.. ticks];
        _tickMark = ticks.Count > 0 ? ticks[0] : "";
        ScoreUnits = scoreUnits;
        PageMark = pageMark;
        PlaceholderNames = placeholderNames;
        Compile(new Dictionary<string, IReadOnlyList<string>>());
    }

    public IReadOnlyList<ColumnRole> Roles { get; }

    public IReadOnlyList<TitleRule> Titles { get; }

    /// <summary>Words a title may be numbered with before its number ("附表3").</summary>
    public IReadOnlyList<string> TitleNumbering { get; }

    public IReadOnlyList<string> Level2Endings { get; }

    public int Level2MaxLength { get; }

    public IReadOnlyList<string> ScoreUnits { get; }

    /// <summary>The mark a ticked box is printed with (the first of the tick marks).</summary>
    public string TickMark => _tickMark;

    /// <summary>The boxes printed beside choices, empty or ticked, as printed or OCR'd (优□良□中□差□; □ read as 口).</summary>
    public IReadOnlyList<string> Boxes { get; private init; } = [];

    /// <summary>How a printed header says "this year" and "last year" when the form's year is not known.</summary>
    public string ThisYear { get; private init; } = "";

    public string PriorYear { get; private init; } = "";

    private readonly string _tickMark;

    public Regex PageMark { get; }

    /// <summary>Names a blank template prints in place of an indicator (指标1, ……, ≥**人).</summary>
    public IReadOnlyList<Regex> PlaceholderNames { get; }

    public IEnumerable<string> Blocks => _maxLength.Keys;

    /// <summary>The words of narrative reports (自评报告): attachment lines, signature endings, total and grade statements.</summary>
    public ReportWords Report { get; private init; } = new([], [], [], [], [], [], []);

    /// <summary>A role of a block by id, or null.</summary>
    public ColumnRole? Role(string block, string id) => _byId.GetValueOrDefault(id + "@" + block);

    /// <summary>The role a header cell of <paramref name="block"/> names, or null.</summary>
    public ColumnRole? Match(string block, string key) => _blocks.TryGetValue(block, out var m) ? m.Match(key) : null;

    /// <summary>True when <paramref name="key"/> names exactly the role <paramref name="id"/> of <paramref name="block"/>.</summary>
    public bool Is(string block, string id, string key) => _single.TryGetValue(id + "@" + block, out var m) && m.Match(key) is not null;

    public bool IsTick(string text) => _ticks.Contains(text.Trim());

    public TreeWordKind Classify(string key)
    {
        if (_level1.Contains(key)) return TreeWordKind.Level1;
        if (_either.Contains(key)) return TreeWordKind.Either;
        return TreeWordKind.Text;
    }

    /// <summary>Adds the family words templates give their roles; the lookups are rebuilt once, at registry load.</summary>
    internal void Compile(IReadOnlyDictionary<string, IReadOnlyList<string>> templateWords)
    {
        _blocks.Clear();
        _single.Clear();
        foreach (var (block, max) in _maxLength)
            _blocks[block] = new RoleMatcher(Roles.Where(r => r.Block == block), max, templateWords);
        foreach (var role in Roles)
            _single[role.Id + "@" + role.Block] = new RoleMatcher([role], HeaderKey.MaxLength, templateWords);
    }

    private static readonly string[] TypeNames = ["text", "amount", "percentage", "comparator", "measureUnit", "weight", "score", "number", "tick"];

    internal static RoleLexicon? Parse(string json, string file, List<TemplateError> errors)
    {
        var f = new JsonFields(file, errors);
        using var doc = f.Parse(json);
        if (doc is null) return null;
        var root = doc.RootElement;
        var before = errors.Count;

        var maxLength = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (b, p) in f.Array(root, "blocks", "$"))
        {
            var id = f.String(b, "id", p);
            var max = f.Integer(b, "maxKeyLength", p);
            if (id is null || max is null) continue;
            if (max is < 1 or > HeaderKey.MaxLength) f.Error(p + ".maxKeyLength", $"应在 1 到 {HeaderKey.MaxLength} 之间");
            if (!maxLength.TryAdd(id, max.Value)) f.Error(p + ".id", $"区块“{id}”重复");
        }

        var roles = new List<ColumnRole>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, p) in f.Array(root, "roles", "$"))
        {
            var id = f.String(r, "id", p);
            var block = f.String(r, "block", p);
            var typeName = f.String(r, "type", p);
            var header = r.TryGetProperty("header", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : null;
            if (header is null) f.Error(p + ".header", "缺少打印表头");
            var property = f.String(r, "property", p, required: false);
            var opens = f.String(r, "opens", p, required: false);
            if (id is null || block is null || typeName is null || header is null) continue;
            if (!Ids().IsMatch(id)) f.Error(p + ".id", $"“{id}”应为以小写字母开头的字母数字标识");
            if (!seen.Add(id + "@" + block)) f.Error(p + ".id", $"角色“{id}”在区块“{block}”中重复");
            if (!maxLength.ContainsKey(block)) f.Error(p + ".block", $"未知区块“{block}”（可用：{string.Join("、", maxLength.Keys)}）");
            var type = Array.IndexOf(TypeNames, typeName);
            if (type < 0) f.Error(p + ".type", $"未知取值类型“{typeName}”（可用：{string.Join("、", TypeNames)}）");
            FormKind? opensKind = null;
            if (opens is not null && (opensKind = FormKinds.FromCode(opens)) is null) f.Error(p + ".opens", $"未知表格种类“{opens}”");
            var equals = f.Strings(r, "equals", p);
            var starts = f.Strings(r, "startsWith", p);
            var ends = f.Strings(r, "endsWith", p);
            var contains = f.Strings(r, "contains", p);
            f.Normalised(equals, p + ".equals");
            f.Normalised(starts, p + ".startsWith");
            f.Normalised(ends, p + ".endsWith");
            f.Normalised(contains, p + ".contains");
            roles.Add(new ColumnRole(id, block, (RoleType)Math.Max(0, type), header, property, opensKind, equals, starts, ends, contains, roles.Count));
        }

        var titles = new List<TitleRule>();
        foreach (var (t, p) in f.Array(root, "titles", "$"))
        {
            var code = f.String(t, "kind", p);
            var kind = FormKinds.FromCode(code);
            if (code is not null && kind is null) f.Error(p + ".kind", $"未知表格种类“{code}”");
            var ends = f.Strings(t, "endsWith", p);
            var containsAny = f.Strings(t, "containsAny", p);
            var requires = f.Strings(t, "requiresAny", p);
            f.Normalised(ends.Concat(containsAny).Concat(requires), p);
            if (ends.Count == 0) f.Error(p + ".endsWith", "标题规则至少要有一个结尾词");
            if (kind is not null) titles.Add(new TitleRule(kind.Value, ends, containsAny, requires));
        }
        var numbering = f.Strings(root, "titleNumbering", "$");

        List<string> level1 = [], either = [], endings = [];
        var level2Max = 12;
        if (root.TryGetProperty("tree", out var tree) && tree.ValueKind == JsonValueKind.Object)
        {
            level1 = f.Strings(tree, "level1", "$.tree");
            either = f.Strings(tree, "either", "$.tree");
            endings = f.Strings(tree, "level2Endings", "$.tree");
            level2Max = f.Integer(tree, "level2MaxLength", "$.tree") ?? 12;
            f.Normalised(level1, "$.tree.level1");
            f.Normalised(either, "$.tree.either");
        }
        else f.Error("$.tree", "缺少指标树的版式词");

        List<string> ticks = [], scoreUnits = [], placeholders = [], boxes = [];
        string? pageMark = null, thisYear = null, priorYear = null;
        if (root.TryGetProperty("marks", out var marks) && marks.ValueKind == JsonValueKind.Object)
        {
            ticks = f.Strings(marks, "ticks", "$.marks");
            boxes = f.Strings(marks, "boxes", "$.marks");
            scoreUnits = f.Strings(marks, "scoreUnits", "$.marks");
            pageMark = f.String(marks, "pageMark", "$.marks");
            placeholders = f.Strings(marks, "placeholderNames", "$.marks");
            thisYear = f.String(marks, "thisYear", "$.marks");
            priorYear = f.String(marks, "priorYear", "$.marks");
        }
        else f.Error("$.marks", "缺少单元格记号");

        var report = new ReportWords([], [], [], [], [], [], []);
        if (root.TryGetProperty("report", out var r2) && r2.ValueKind == JsonValueKind.Object)
            report = new ReportWords(f.Strings(r2, "attachmentLines", "$.report"), f.Strings(r2, "unitEndings", "$.report"),
                f.Strings(r2, "titleUnitEnds", "$.report"), f.Strings(r2, "totalWords", "$.report"), f.Strings(r2, "gradeWords", "$.report"),
                f.Strings(r2, "linkWords", "$.report"), f.Strings(r2, "grades", "$.report"));
        else f.Error("$.report", "缺少自评报告的说法");

        var pageRegex = Pattern(f, pageMark ?? "^$", "$.marks.pageMark", RegexOptions.IgnoreCase);
        var placeholderRegexes = placeholders.Select((p, i) => Pattern(f, p, $"$.marks.placeholderNames[{i}]", RegexOptions.None)).ToList();
        if (errors.Count > before) return null;
        return new RoleLexicon(roles, maxLength, titles, numbering, level1, either, endings, level2Max, ticks, scoreUnits, pageRegex, placeholderRegexes)
        {
            Report = report,
            Boxes = boxes,
            ThisYear = thisYear!,
            PriorYear = priorYear!,
        };
    }

    private static Regex Pattern(JsonFields f, string pattern, string path, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException)
        {
            f.Error(path, $"“{pattern}”不是有效的正则表达式");
            return new Regex("^$");
        }
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex Ids();
}
