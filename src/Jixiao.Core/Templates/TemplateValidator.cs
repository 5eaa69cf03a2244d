using System.Text.Json;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>
/// Reads and checks template files against the role lexicon: known kind and roles, roles allowed in their block, unique
/// ids, sensible year ranges, a funds block's rate and score only with budget and executed, print widths only for
/// listed roles, family words written the way the recogniser compares them. Errors name the file and JSON path.
/// </summary>
public static partial class TemplateValidator
{
    /// <summary>Every problem of the files (templates, or a lexicon named roles.json), checked together so ids are unique across them.</summary>
    public static IReadOnlyList<TemplateError> Check(IEnumerable<(string File, string Json)> files, RoleLexicon? lexicon = null)
    {
        var errors = new List<TemplateError>();
        var list = files.ToList();
        foreach (var (file, json) in list.Where(f => IsLexicon(f.File)))
            lexicon = RoleLexicon.Parse(json, file, errors) ?? lexicon;
        lexicon ??= TemplateRegistry.BuiltIn.Lexicon;
        var templates = new List<FormTemplate>();
        foreach (var (file, json) in list.Where(f => !IsLexicon(f.File)))
            if (Read(json, file, lexicon, errors) is { } t) templates.Add(t);
        CheckTogether(templates, errors);
        return errors;
    }

    internal static bool IsLexicon(string file) => Path.GetFileName(file).Equals("roles.json", StringComparison.OrdinalIgnoreCase);

    internal static void CheckTogether(IReadOnlyList<FormTemplate> templates, List<TemplateError> errors)
    {
        foreach (var group in templates.GroupBy(t => t.Id).Where(g => g.Count() > 1))
            foreach (var t in group.Skip(1))
                errors.Add(new TemplateError(t.Source, "$.id", $"模板标识“{t.Id}”与 {group.First().Source} 重复"));
    }

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    internal static FormTemplate? Read(string json, string file, RoleLexicon lexicon, List<TemplateError> errors)
    {
        var f = new JsonFields(file, errors);
        using var doc = f.Parse(json);
        if (doc is null) return null;
        var root = doc.RootElement;
        var before = errors.Count;

        var id = f.String(root, "id", "$");
        if (id is not null && !IdPattern().IsMatch(id)) f.Error("$.id", $"“{id}”应只含小写字母、数字和连字符");
        var version = f.Integer(root, "version", "$");
        if (version is < 1) f.Error("$.version", "应为不小于 1 的整数");
        var kindCode = f.String(root, "kind", "$");
        var kind = FormKinds.FromCode(kindCode);
        if (kindCode is not null && kind is null)
            f.Error("$.kind", $"未知表格种类“{kindCode}”（可用：{string.Join("、", Enum.GetValues<FormKind>().Select(k => k.Code()))}）");
        var label = f.String(root, "label", "$");
        var family = f.String(root, "family", "$");
        var basis = f.String(root, "basis", "$");
        var regions = f.Strings(root, "regions", "$");
        if (regions.Count == 0) f.Error("$.regions", "至少列出一个省份，或 * 表示全国通用");
        var titles = f.Strings(root, "titles", "$");
        f.Normalised(titles, "$.titles");
        var isDefault = f.Bool(root, "default", "$");
        var opensUntitled = f.Bool(root, "opensUntitled", "$");

        int? from = null, to = null;
        if (root.TryGetProperty("years", out var years) && years.ValueKind == JsonValueKind.Object)
        {
            from = f.Integer(years, "from", "$.years");
            to = f.Integer(years, "to", "$.years", required: false);
            if (from is < 1990 or > 2100) f.Error("$.years.from", "年份应在 1990 到 2100 之间");
            if (to is { } t && from is { } fr && t < fr) f.Error("$.years.to", $"结束年份 {t} 早于开始年份 {fr}");
        }
        else f.Error("$.years", "缺少适用年份（{ \"from\": 年份, \"to\": 年份或 null }）");

        var blocks = new List<TemplateBlock>();
        foreach (var (b, p) in f.Array(root, "blocks", "$"))
            if (Block(b, p, f, lexicon) is { } block) blocks.Add(block);
        if (blocks.Count == 0) f.Error("$.blocks", "至少要有一个区块");

        var widths = new Dictionary<string, double>(StringComparer.Ordinal);
        var settings = new PrintSettings(0, 8, 20);
        if (root.TryGetProperty("print", out var printSettings) && printSettings.ValueKind == JsonValueKind.Object)
        {
            var min = f.Integer(printSettings, "minColumns", "$.print", required: false) ?? 0;
            if (min is < 0 or > 40) f.Error("$.print.minColumns", "应在 0 到 40 之间");
            settings = new PrintSettings(min, Width(printSettings, "padWidth", 8, f), Width(printSettings, "labelWidth", 20, f));
        }
        if (root.TryGetProperty("print", out var print) && print.ValueKind == JsonValueKind.Object
            && print.TryGetProperty("widths", out var w) && w.ValueKind == JsonValueKind.Object)
        {
            var listed = blocks.SelectMany(x => x.Columns.Select(c => c.Role)).ToHashSet(StringComparer.Ordinal);
            foreach (var prop in w.EnumerateObject())
            {
                var path = $"$.print.widths.{prop.Name}";
                if (!listed.Contains(prop.Name)) f.Error(path, $"角色“{prop.Name}”不在本模板的栏目中");
                if (prop.Value.ValueKind != JsonValueKind.Number || prop.Value.GetDouble() is <= 0 or > 100) f.Error(path, "宽度应为 0 到 100 之间的数");
                else widths[prop.Name] = prop.Value.GetDouble();
            }
        }

        var sections = Sections(root, kind, f);

        if (errors.Count > before || id is null || version is null || kind is null) return null;
        return new FormTemplate(id, version.Value, kind.Value, label!, family!, regions, from, to, basis!, titles, isDefault, blocks, widths, settings, file)
        {
            Sections = sections,
            OpensUntitled = opensUntitled,
        };
    }

    /// <summary>A report's sections: only a report template has them, and it must; ids and heading words unique.</summary>
    private static List<ReportSectionTemplate> Sections(JsonElement root, FormKind? kind, JsonFields f)
    {
        var sections = new List<ReportSectionTemplate>();
        var has = root.TryGetProperty("sections", out _);
        // The evaluation rubric carries the evaluator's report beside its scoring sheet; it may list that report's sections.
        if (has && kind is not null and not (FormKind.Report or FormKind.Evaluation))
        {
            f.Error("$.sections", "只有自评报告模板（report）和绩效评价评分表模板（evaluation-rubric）有章节");
            return sections;
        }
        if (kind is not (FormKind.Report or FormKind.Evaluation) || (kind == FormKind.Evaluation && !has)) return sections;
        if (!has)
        {
            f.Error("$.sections", "自评报告模板须列出章节（sections）");
            return sections;
        }
        var wordsSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (s, p) in f.Array(root, "sections", "$"))
        {
            var id = f.String(s, "id", p);
            var title = f.String(s, "title", p);
            if (id is not null && !IdPattern().IsMatch(id)) f.Error(p + ".id", $"“{id}”应只含小写字母、数字和连字符");
            if (id is not null && sections.Any(x => x.Id == id)) f.Error(p + ".id", $"章节标识“{id}”重复");
            var words = f.Strings(s, "words", p);
            f.Normalised(words, p + ".words");
            foreach (var w in words)
            {
                if (wordsSeen.TryGetValue(w, out var other)) f.Error(p + ".words", $"标题词“{w}”已属于章节“{other}”，同一个词不能认出两个章节");
                else wordsSeen[w] = id ?? "";
            }
            if (title is not null && title.Length > 30) f.Error(p + ".title", "章节标题应不超过 30 个字");
            if (id is not null && title is not null)
                sections.Add(new ReportSectionTemplate(id, title, words, f.Bool(s, "required", p), f.String(s, "hint", p, required: false)));
        }
        if (sections.Count == 0) f.Error("$.sections", "至少要有一个章节");
        return sections;
    }

    private static double Width(JsonElement print, string name, double fallback, JsonFields f)
    {
        if (!print.TryGetProperty(name, out var v)) return fallback;
        if (v.ValueKind == JsonValueKind.Number && v.GetDouble() is > 0 and <= 100) return v.GetDouble();
        f.Error("$.print." + name, "宽度应为 0 到 100 之间的数");
        return fallback;
    }

    private static TemplateBlock? Block(JsonElement b, string p, JsonFields f, RoleLexicon lexicon)
    {
        var type = f.String(b, "type", p);
        if (type is null) return null;
        if (!TemplateBlock.Types.Contains(type))
        {
            f.Error(p + ".type", $"未知区块类型“{type}”（可用：{string.Join("、", TemplateBlock.Types)}）");
            return null;
        }
        var roleBlock = TemplateBlock.RoleBlock(type);
        var columns = new List<TemplateColumn>();
        var name = type is "header" or "footer" ? "fields" : "columns";
        foreach (var (c, cp) in f.Array(b, name, p, required: false))
        {
            var role = f.String(c, "role", cp);
            if (role is null) continue;
            if (roleBlock is null) f.Error(cp, $"“{type}”区块没有栏目");
            else if (lexicon.Role(roleBlock, role) is null)
            {
                var elsewhere = lexicon.Roles.FirstOrDefault(r => r.Id == role);
                f.Error(cp + ".role", elsewhere is null
                    ? $"角色词表中没有“{role}”"
                    : $"角色“{role}”属于“{elsewhere.Block}”，不能用在“{type}”区块");
            }
            if (columns.Any(x => x.Role == role)) f.Error(cp + ".role", $"角色“{role}”在本区块中重复");
            var words = f.Strings(c, "words", cp);
            f.Normalised(words, cp + ".words");
            columns.Add(new TemplateColumn(role, f.String(c, "header", cp, required: false), f.Bool(c, "optional", cp),
                f.String(c, "group", cp, required: false), f.Integer(c, "line", cp, required: false) ?? 0, words));
        }
        if (type == "funds")
        {
            var roles = columns.Select(c => c.Role).ToHashSet(StringComparer.Ordinal);
            var money = roles.Contains("executed") && (roles.Contains("budget") || roles.Contains("adjustedBudget") || roles.Contains("initialBudget"));
            if ((roles.Contains("rate") || roles.Contains("score")) && !money)
                f.Error(p + ".columns", "有执行率或得分栏时，必须同时有预算数和执行数栏");
        }
        if (type is "indicators" && !columns.Any(c => c.Role is "name" or "level2"))
            f.Error(p + ".columns", "绩效指标区块至少要有二级或三级指标栏");
        var rows = new List<TemplateRow>();
        foreach (var (r, rp) in f.Array(b, "rows", p, required: false))
        {
            var label = f.String(r, "label", rp);
            var role = f.String(r, "role", rp, required: false);
            var depth = f.Integer(r, "depth", rp, required: false) ?? 0;
            if (depth is < 0 or > 4) f.Error(rp + ".depth", "层级应在 0 到 4 之间");
            if (role is not null && lexicon.Role("fundsRows", role) is null && role is not ("total" or "part" or "source" or "structure"))
                f.Error(rp + ".role", $"未知行角色“{role}”（可用：total、part、source、structure）");
            if (label is not null) rows.Add(new TemplateRow(role, label, depth));
        }
        return new TemplateBlock(type, f.String(b, "label", p, required: false), columns, rows,
            f.String(b, "planned", p, required: false), f.String(b, "actual", p, required: false), f.Strings(b, "lines", p));
    }
}
