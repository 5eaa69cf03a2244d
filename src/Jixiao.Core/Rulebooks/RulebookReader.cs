using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;

namespace Jixiao.Core.Rulebooks;

/// <summary>
/// Reads a rulebook field by field so that every error names its JSON path: a finance officer editing a copy must
/// be told "grades[1].min", not "invalid JSON".
/// </summary>
internal sealed class RulebookReader
{
    private readonly string _source;

    private RulebookReader(string source) => _source = source;

    public static Rulebook Read(string json, string source)
    {
        var reader = new RulebookReader(source);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new RulebookException(source, "$", $"不是有效的 JSON（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字节附近）",
                $"not valid JSON (near line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})", e);
        }
        using (doc)
        {
            return reader.Rulebook(doc.RootElement);
        }
    }

    private Rulebook Rulebook(JsonElement root)
    {
        Expect(root, "$", JsonValueKind.Object);
        var totalWeight = Number(root, "totalWeight", "", positive: true);
        if (totalWeight > DomainRanges.MaxScore)
            throw Error("totalWeight", $"不能超过 {DomainRanges.MaxScore}（表格按百分制计分）", $"must not exceed {DomainRanges.MaxScore} (forms are scored out of 100)");
        var scoreDecimals = Integer(root, "rounding", "decimals", 0, 6);
        var rounding = Object(root, "rounding", "");
        var mode = String(rounding, "mode", "rounding");
        if (mode != "half-away-from-zero")
            throw Error("rounding.mode", $"只支持 half-away-from-zero（四舍五入），而不是 {mode}", $"only half-away-from-zero is supported, not {mode}");

        var tiers = Tiers(root);
        var grades = Grades(root);
        var forms = Forms(root, totalWeight);
        var reverse = String(root, "reverseFormula", "") switch
        {
            "ratio" => ReverseFormula.Ratio,
            "linear" => ReverseFormula.Linear,
            var other => throw Error("reverseFormula", $"应为 ratio（w×A/B）或 linear（w×(1−(B−A)/A)），而不是 {other}",
                $"must be ratio or linear, not {other}"),
        };
        var threshold = Number(root, "overAchievementThreshold", "", positive: true);
        if (threshold <= 1m || threshold > DomainRanges.MaxRate)
            throw Error("overAchievementThreshold", $"应大于 1 且不超过 {DomainRanges.MaxRate}（如 1.3 表示超过目标 30%）", $"must be greater than 1 and at most {DomainRanges.MaxRate} (1.3 means 30% over target)");

        return new Rulebook
        {
            Name = String(root, "name", ""),
            Label = String(root, "label", ""),
            Year = Integer(root, null, "year", 2000, 2100),
            TotalWeight = totalWeight,
            ScoreDecimals = scoreDecimals,
            Execution = Execution(root, totalWeight),
            ReverseFormula = reverse,
            OverAchievementThreshold = threshold,
            Qualitative = new QualitativeRules
            {
                Tiers = tiers,
                Vocabulary = new QualitativeVocabulary(tiers.SelectMany(t => t.Words.Select(w => new TierWord(w, t.Tier)))),
            },
            Grades = grades,
            Forms = forms,
            Results = Results(root, grades),
            PublishRectification = root.TryGetProperty("publishRectification", out var publish) && publish.ValueKind != JsonValueKind.Null
                && Bool(root, "publishRectification", ""),
            TargetGrades = root.TryGetProperty("targetGrades", out var targetGrades) && targetGrades.ValueKind != JsonValueKind.Null ? TargetGrades(root) : [],
            Checks = root.TryGetProperty("checks", out var checks) && checks.ValueKind != JsonValueKind.Null ? Checks(checks) : RulebookChecks.Empty,
            ExAnte = root.TryGetProperty("exAnte", out var exAnte) && exAnte.ValueKind != JsonValueKind.Null ? ExAnte(exAnte, grades) : null,
        };
    }

    private ExAnteRules ExAnte(JsonElement e, List<GradeBand> grades)
    {
        const string path = "exAnte";
        Expect(e, path, JsonValueKind.Object);
        var gate = Number(e, "gateAmount", path, positive: false);
        if (gate < 0m || gate > DomainRanges.MaxAmount) throw Error(path + ".gateAmount", "应为不小于 0 的金额（万元）", "must be an amount (万元) not below 0");
        var rules = new List<ConclusionRule>();
        var i = 0;
        foreach (var c in Array(e, "conclusions", path).EnumerateArray())
        {
            var p = $"{path}.conclusions[{i++}]";
            Expect(c, p, JsonValueKind.Object);
            var code = String(c, "conclusion", p);
            var conclusion = code switch
            {
                "pass" => ExAnteConclusion.Pass,
                "pass-reduced" => ExAnteConclusion.PassReduced,
                "fail" => ExAnteConclusion.Fail,
                _ => throw Error(p + ".conclusion", $"应为 pass、pass-reduced 或 fail，而不是 {code}", $"must be pass, pass-reduced or fail, not {code}"),
            };
            if (rules.Any(r => r.Conclusion == conclusion)) throw Error(p + ".conclusion", $"结论 {code} 重复", $"conclusion {code} appears twice");
            var allowed = Strings(c, "grades", p);
            foreach (var g in allowed)
                if (!grades.Any(b => b.Grade == g)) throw Error(p + ".grades", $"等级 {g} 不在 grades 中", $"grade {g} is not among the grades");
            var words = Strings(c, "words", p);
            if (words.Count == 0) throw Error(p + ".words", "至少要有一个说法", "must list at least one word");
            rules.Add(new ConclusionRule(conclusion, String(c, "label", p), words, allowed));
        }
        if (rules.Count != 3) throw Error(path + ".conclusions", "应恰好列出 pass、pass-reduced、fail 三种结论", "must list exactly pass, pass-reduced and fail");
        return new ExAnteRules(gate, rules);
    }

    private RulebookChecks Checks(JsonElement c)
    {
        const string path = "checks";
        Expect(c, path, JsonValueKind.Object);
        var disabled = Strings(c, "disabledChecks", path);
        foreach (var code in disabled)
            if (!Jixiao.Core.Checks.CheckCodes.All.Contains(code, StringComparer.Ordinal))
                throw Error(path + ".disabledChecks", $"没有名为 {code} 的检查（见 docs/checks.md）", $"no check named {code} (see docs/checks.md)");
        var tolerance = Number(c, "monitoringScheduleTolerance", path, positive: false);
        if (tolerance is < 0m or > 1m)
            throw Error(path + ".monitoringScheduleTolerance", "应在 0 到 1 之间（0.05 表示 5 个百分点）", "must be between 0 and 1 (0.05 means 5 points)");
        var totals = new List<decimal>();
        var i = 0;
        foreach (var t in Array(c, "targetsWeightTotals", path).EnumerateArray())
        {
            var p = $"{path}.targetsWeightTotals[{i++}]";
            if (t.ValueKind != JsonValueKind.Number || !t.TryGetDecimal(out var d) || d <= 0m) throw Error(p, "应为大于 0 的数", "must be a number greater than 0");
            totals.Add(d);
        }
        var lowExecution = Number(c, "lowExecutionRate", path, positive: false);
        if (lowExecution is < 0m or > 1m)
            throw Error(path + ".lowExecutionRate", "应在 0 到 1 之间（0.6 表示 60%）", "must be between 0 and 1 (0.6 means 60%)");
        var ceiling = Number(c, "satisfactionCeiling", path, positive: true);
        if (ceiling > 100m) throw Error(path + ".satisfactionCeiling", "应在 0 到 100 之间（百分数）", "must be between 0 and 100 (a percentage)");
        var years = Number(c, "satisfactionYears", path, positive: true);
        if (years != decimal.Truncate(years) || years > 50m) throw Error(path + ".satisfactionYears", "应为 1 到 50 之间的整数", "must be a whole number from 1 to 50");
        return new RulebookChecks
        {
            LowExecutionRate = lowExecution,
            SatisfactionCeiling = ceiling,
            SatisfactionYears = (int)years,
            DisabledChecks = disabled,
            MonitoringScheduleTolerance = tolerance,
            NotApplicableWords = Strings(c, "notApplicableWords", path),
            TemplateMarkers = Strings(c, "templateMarkers", path),
            TargetsWeightTotals = totals,
            CostIndicatorRequired = Bool(c, "costIndicatorRequired", path),
        };
    }

    private List<string> Strings(JsonElement parent, string name, string parentPath)
    {
        var list = new List<string>();
        var i = 0;
        foreach (var w in Array(parent, name, parentPath).EnumerateArray())
        {
            if (w.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(w.GetString()))
                throw Error($"{Join(parentPath, name)}[{i}]", "应为非空字符串", "must be a non-empty string");
            list.Add(w.GetString()!.Trim());
            i++;
        }
        return list;
    }

    private ExecutionRule Execution(JsonElement root, decimal totalWeight)
    {
        const string path = "executionRate";
        var e = Object(root, "executionRate", "");
        var scoreFrom = String(e, "scoreFrom", path) switch
        {
            "unrounded-rate" => ExecutionScoreBasis.UnroundedRate,
            "printed-rate" => ExecutionScoreBasis.PrintedRate,
            var other => throw Error(path + ".scoreFrom", $"应为 unrounded-rate 或 printed-rate，而不是 {other}",
                $"must be unrounded-rate or printed-rate, not {other}"),
        };
        decimal? zeroBelow = null;
        if (e.TryGetProperty("zeroBelowRate", out var z) && z.ValueKind != JsonValueKind.Null)
        {
            zeroBelow = Number(e, "zeroBelowRate", path, positive: false);
            if (zeroBelow is < 0m or > 1m)
                throw Error(path + ".zeroBelowRate", "应在 0 到 1 之间（0.6 表示 60%）", "must be between 0 and 1 (0.6 means 60%)");
        }
        var caps = new List<TotalCap>();
        if (e.TryGetProperty("totalCaps", out var capsElement) && capsElement.ValueKind != JsonValueKind.Null)
        {
            Expect(capsElement, path + ".totalCaps", JsonValueKind.Array);
            var i = 0;
            foreach (var c in capsElement.EnumerateArray())
            {
                var p = $"{path}.totalCaps[{i++}]";
                Expect(c, p, JsonValueKind.Object);
                var below = Number(c, "rateBelow", p, positive: true);
                if (below > 1m) throw Error(p + ".rateBelow", "应在 0 到 1 之间（0.8 表示 80%）", "must be between 0 and 1 (0.8 means 80%)");
                var max = Number(c, "maxTotal", p, positive: false);
                if (max < 0m || max > totalWeight)
                    throw Error(p + ".maxTotal", $"应在 0 到 {Show(totalWeight)} 之间", $"must be between 0 and {Show(totalWeight)}");
                caps.Add(new TotalCap(below, max));
            }
        }
        return new ExecutionRule
        {
            Label = String(e, "label", path),
            SubtractTransfer = Bool(e, "subtractTransfer", path),
            RateDecimals = Integer(root, "executionRate", "rateDecimals", 0, 6),
            ScoreFrom = scoreFrom,
            ZeroBelowRate = zeroBelow,
            TotalCaps = caps,
        };
    }

    private List<TierRule> Tiers(JsonElement root)
    {
        var q = Object(root, "qualitative", "");
        var array = Array(q, "tiers", "qualitative");
        var tiers = new List<TierRule>();
        var i = 0;
        foreach (var t in array.EnumerateArray())
        {
            var p = $"qualitative.tiers[{i++}]";
            Expect(t, p, JsonValueKind.Object);
            var code = String(t, "tier", p);
            var tier = ComparatorSymbols.TierFromCode(code)
                ?? throw Error(p + ".tier", $"应为 achieved、partly-achieved 或 not-achieved，而不是 {code}",
                    $"must be achieved, partly-achieved or not-achieved, not {code}");
            if (tiers.Any(x => x.Tier == tier)) throw Error(p + ".tier", $"档次 {code} 重复", $"tier {code} appears twice");
            var min = Number(t, "min", p, positive: false);
            var max = Number(t, "max", p, positive: false);
            var inclusive = Bool(t, "maxInclusive", p);
            if (min < 0m || min > 1m) throw Error(p + ".min", "应在 0 到 1 之间（分值的比例）", "must be between 0 and 1 (a share of the weight)");
            if (max < 0m || max > 1m) throw Error(p + ".max", "应在 0 到 1 之间（分值的比例）", "must be between 0 and 1 (a share of the weight)");
            if (max < min || (max == min && !inclusive)) throw Error(p + ".max", "不能小于 min", "must not be below min");
            var words = Array(t, "words", p);
            var list = new List<string>();
            var j = 0;
            foreach (var w in words.EnumerateArray())
            {
                var wp = $"{p}.words[{j++}]";
                if (w.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(w.GetString()))
                    throw Error(wp, "应为非空文字", "must be a non-empty string");
                list.Add(w.GetString()!.Trim());
            }
            tiers.Add(new TierRule(tier, String(t, "label", p), min, max, inclusive, list));
        }
        if (tiers.Count != 3)
            throw Error("qualitative.tiers", "应恰好有三个档次（达成、部分达成、未达成）", "must have exactly three tiers (achieved, partly-achieved, not-achieved)");
        var ordered = tiers.OrderBy(t => t.Min).ToList();
        if (ordered[0].Min != 0m || ordered[^1].Max != 1m || !ordered[^1].MaxInclusive)
            throw Error("qualitative.tiers", "档次区间应从 0 覆盖到 1（含满分）", "tier intervals must cover 0 to 1, full marks included");
        for (var k = 1; k < ordered.Count; k++)
            if (ordered[k].Min != ordered[k - 1].Max || ordered[k - 1].MaxInclusive)
                throw Error($"qualitative.tiers[{tiers.IndexOf(ordered[k])}].min",
                    $"应等于下一档的上限 {Show(ordered[k - 1].Max)}（区间首尾相接、不重叠）",
                    $"must equal the upper end {Show(ordered[k - 1].Max)} of the tier below (contiguous, not overlapping)");
        return tiers;
    }

    private List<GradeBand> Grades(JsonElement root)
    {
        var array = Array(root, "grades", "");
        var grades = new List<GradeBand>();
        var i = 0;
        foreach (var g in array.EnumerateArray())
        {
            var p = $"grades[{i}]";
            Expect(g, p, JsonValueKind.Object);
            var name = String(g, "grade", p);
            var min = Number(g, "min", p, positive: false);
            if (min < 0m) throw Error(p + ".min", "不能为负数", "must not be negative");
            if (grades.Any(x => x.Grade == name)) throw Error(p + ".grade", $"等级 {name} 重复", $"grade {name} appears twice");
            if (i > 0 && min >= grades[^1].Min)
                throw Error(p + ".min", $"应低于上一等级的下限 {Show(grades[^1].Min)}（等级从高到低排列）",
                    $"must be below the previous grade's minimum {Show(grades[^1].Min)} (grades go from highest to lowest)");
            grades.Add(new GradeBand(name, min));
            i++;
        }
        if (grades.Count == 0) throw Error("grades", "至少要有一个等级", "must list at least one grade");
        if (grades[^1].Min != 0m)
            throw Error($"grades[{grades.Count - 1}].min", "最低等级的下限应为 0，否则部分总分没有等级", "the lowest grade must start at 0, or some totals have no grade");
        return grades;
    }

    private ResultApplication Results(JsonElement root, IReadOnlyList<GradeBand> grades)
    {
        const string path = "resultApplication";
        // A bureau's rulebook written before 结果应用 was part of the format still loads: with the national grades it
        // follows the national mapping (优 优先保障, 良 合理保障, 中 核减, 差 取消或暂停); with grades of its own there is
        // nothing to follow, so the section is required.
        if (!root.TryGetProperty(path, out var given) || given.ValueKind == JsonValueKind.Null)
        {
            var national = Rulebooks.Default.Results;
            if (grades.All(b => national.Grades.Any(g => g.Grade == b.Grade)))
                return new ResultApplication { AmountDecimals = national.AmountDecimals, Grades = national.Grades.Where(g => grades.Any(b => b.Grade == g.Grade)).ToList() };
            throw Error(path, $"缺少此字段：本规则的等级（{string.Join("、", grades.Select(b => b.Grade))}）与全国规则不同，须写明每个等级的预算安排",
                "missing: the rulebook's grades differ from the national ones, so each grade's budget rule must be written");
        }
        var r = Object(root, path, "");
        var decimals = Integer(r, null, "amountDecimals", 0, 4, path);
        var rules = new List<GradeBudgetRule>();
        var i = 0;
        foreach (var g in Array(r, "grades", path).EnumerateArray())
        {
            var p = $"{path}.grades[{i++}]";
            Expect(g, p, JsonValueKind.Object);
            var grade = String(g, "grade", p);
            if (!grades.Any(b => b.Grade == grade))
                throw Error(p + ".grade", $"等级“{grade}”不在本规则的 grades 中（{string.Join("、", grades.Select(b => b.Grade))}）",
                    $"grade {grade} is not one of the rulebook's grades");
            if (rules.Any(x => x.Grade == grade)) throw Error(p + ".grade", $"等级“{grade}”重复", $"grade {grade} appears twice");
            rules.Add(new GradeBudgetRule(grade, Action(g, p), Share(g, p)));
        }
        foreach (var band in grades)
            if (!rules.Any(x => x.Grade == band.Grade))
                throw Error(path + ".grades", $"缺少等级“{band.Grade}”的结果应用规则：每个等级都要写明预算安排", $"grade {band.Grade} has no budget rule");
        var findings = new List<FindingBudgetRule>();
        i = 0;
        if (r.TryGetProperty("findings", out var fs) && fs.ValueKind != JsonValueKind.Null)
            foreach (var f in Array(r, "findings", path).EnumerateArray())
            {
                var p = $"{path}.findings[{i++}]";
                Expect(f, p, JsonValueKind.Object);
                var code = String(f, "code", p);
                if (!Jixiao.Core.Checks.CheckCodes.All.Contains(code, StringComparer.Ordinal))
                    throw Error(p + ".code", $"没有名为 {code} 的检查（见 docs/checks.md）", $"no check named {code} (see docs/checks.md)");
                if (findings.Any(x => x.Code == code)) throw Error(p + ".code", $"检查 {code} 重复", $"check {code} appears twice");
                findings.Add(new FindingBudgetRule(code, Action(f, p), Share(f, p), String(f, "reason", p)));
            }
        return new ResultApplication { AmountDecimals = decimals, Grades = rules, Findings = findings };
    }

    private BudgetAction Action(JsonElement e, string path)
    {
        var code = String(e, "action", path);
        return BudgetActions.FromCode(code) ?? throw Error(path + ".action",
            $"应为 {string.Join("、", BudgetActions.All.Select(a => $"{a.Code()}（{a.ChineseName()}）"))} 之一，而不是 {code}",
            $"must be one of {string.Join(", ", BudgetActions.All.Select(a => a.Code()))}, not {code}");
    }

    private decimal Share(JsonElement e, string path)
    {
        var share = Number(e, "share", path, positive: false);
        if (share < 0m || share > ResultApplication.MaxShare)
            throw Error(path + ".share", $"应在 0 到 {Show(ResultApplication.MaxShare)} 之间（0.9 表示本年预算的 90%）", $"must be between 0 and {Show(ResultApplication.MaxShare)} (0.9 means 90% of this year's budget)");
        if (decimal.Round(share, 4) != share)
            throw Error(path + ".share", "最多四位小数（0.0001 即 0.01%）", "at most four decimals (0.0001 is 0.01%)");
        return share;
    }

    private List<TargetGradeRule> TargetGrades(JsonElement root)
    {
        var grades = new List<TargetGradeRule>();
        var i = 0;
        foreach (var g in Array(root, "targetGrades", "").EnumerateArray())
        {
            var p = $"targetGrades[{i++}]";
            Expect(g, p, JsonValueKind.Object);
            var name = String(g, "grade", p);
            if (grades.Any(x => x.Grade == name)) throw Error(p + ".grade", $"等级 {name} 重复", $"grade {name} appears twice");
            grades.Add(new TargetGradeRule(name, String(g, "criteria", p), Bool(g, "approvable", p)));
        }
        if (grades.Count > 0 && !grades.Any(g => g.Approvable))
            throw Error("targetGrades", "至少要有一个可以批准进入预算的等级（approvable: true）", "at least one grade must be approvable");
        return grades;
    }

    private List<FormTree> Forms(JsonElement root, decimal totalWeight)
    {
        var array = Array(root, "forms", "");
        var forms = new List<FormTree>();
        var i = 0;
        foreach (var f in array.EnumerateArray())
        {
            var p = $"forms[{i++}]";
            Expect(f, p, JsonValueKind.Object);
            var code = String(f, "kind", p);
            var kind = FormKinds.FromCode(code)
                ?? throw Error(p + ".kind", $"未知的表格类型 {code}", $"unknown form kind {code}");
            if (forms.Any(x => x.Kind == kind)) throw Error(p + ".kind", $"表格类型 {code} 重复", $"form kind {code} appears twice");
            decimal? execution = null;
            if (f.TryGetProperty("executionWeight", out var ew) && ew.ValueKind != JsonValueKind.Null)
                execution = Number(f, "executionWeight", p, positive: false);
            var blocks = new List<IndicatorBlock>();
            var j = 0;
            foreach (var b in Array(f, "blocks", p).EnumerateArray())
            {
                var bp = $"{p}.blocks[{j++}]";
                Expect(b, bp, JsonValueKind.Object);
                var weight = Number(b, "weight", bp, positive: true);
                var children = new List<SubBlock>();
                var k = 0;
                foreach (var c in Array(b, "children", bp).EnumerateArray())
                {
                    var cp = $"{bp}.children[{k++}]";
                    Expect(c, cp, JsonValueKind.Object);
                    decimal? cw = null;
                    if (c.TryGetProperty("weight", out var w) && w.ValueKind != JsonValueKind.Null) cw = Number(c, "weight", cp, positive: true);
                    children.Add(new SubBlock(String(c, "name", cp), cw));
                }
                var weighted = children.Where(c => c.Weight is not null).ToList();
                if (weighted.Count > 0 && weighted.Count != children.Count)
                    throw Error(bp + ".children", "二级指标要么都给出分值，要么都不给", "either every child has a weight or none has");
                if (weighted.Count > 0 && weighted.Sum(c => c.Weight!.Value) != weight)
                    throw Error(bp + ".children", $"二级指标分值合计 {Show(weighted.Sum(c => c.Weight!.Value))}，应等于一级指标分值 {Show(weight)}",
                        $"child weights add up to {Show(weighted.Sum(c => c.Weight!.Value))}, not the block weight {Show(weight)}");
                blocks.Add(new IndicatorBlock(String(b, "name", bp), weight, children));
            }
            var sum = blocks.Sum(b => b.Weight) + (execution ?? 0m);
            if (sum != totalWeight)
                throw Error(p + ".blocks", $"一级指标分值（含预算执行率）合计 {Show(sum)}，应等于 totalWeight {Show(totalWeight)}",
                    $"block weights (execution rate included) add up to {Show(sum)}, not totalWeight {Show(totalWeight)}");
            forms.Add(new FormTree(kind, String(f, "label", p), execution, blocks));
        }
        return forms;
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Join(string parent, string name) => parent.Length == 0 ? name : parent + "." + name;

    private RulebookException Error(string field, string chinese, string english) => new(_source, field, chinese, english);

    private void Expect(JsonElement e, string path, JsonValueKind kind)
    {
        if (e.ValueKind == kind) return;
        var (zh, en) = kind switch
        {
            JsonValueKind.Object => ("对象 {…}", "an object {…}"),
            JsonValueKind.Array => ("数组 […]", "an array […]"),
            JsonValueKind.String => ("文字", "a string"),
            JsonValueKind.Number => ("数字", "a number"),
            _ => ("true 或 false", "true or false"),
        };
        throw Error(path, $"应为{zh}", $"must be {en}");
    }

    private JsonElement Property(JsonElement parent, string name, string parentPath)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        throw Error(Join(parentPath, name), "缺少此字段", "is missing");
    }

    private JsonElement Object(JsonElement parent, string name, string parentPath)
    {
        var v = Property(parent, name, parentPath);
        Expect(v, Join(parentPath, name), JsonValueKind.Object);
        return v;
    }

    private JsonElement Array(JsonElement parent, string name, string parentPath)
    {
        var v = Property(parent, name, parentPath);
        Expect(v, Join(parentPath, name), JsonValueKind.Array);
        return v;
    }

    private string String(JsonElement parent, string name, string parentPath)
    {
        var v = Property(parent, name, parentPath);
        Expect(v, Join(parentPath, name), JsonValueKind.String);
        var s = v.GetString()!.Trim();
        if (s.Length == 0) throw Error(Join(parentPath, name), "不能为空", "must not be empty");
        return s;
    }

    private bool Bool(JsonElement parent, string name, string parentPath)
    {
        var v = Property(parent, name, parentPath);
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        throw Error(Join(parentPath, name), "应为 true 或 false", "must be true or false");
    }

    private decimal Number(JsonElement parent, string name, string parentPath, bool positive)
    {
        var v = Property(parent, name, parentPath);
        var path = Join(parentPath, name);
        Expect(v, path, JsonValueKind.Number);
        if (!v.TryGetDecimal(out var d)) throw Error(path, "数字超出范围", "number out of range");
        if (positive && d <= 0m) throw Error(path, "应大于 0", "must be greater than 0");
        return d;
    }

    private int Integer(JsonElement parent, string? objectName, string name, int min, int max, string parentPath = "")
    {
        var owner = objectName is null ? parent : Object(parent, objectName, "");
        var ownerPath = objectName ?? parentPath;
        var d = Number(owner, name, ownerPath, positive: false);
        if (d != decimal.Truncate(d) || d < min || d > max)
            throw Error(Join(ownerPath, name), $"应为 {min} 到 {max} 之间的整数", $"must be a whole number from {min} to {max}");
        return (int)d;
    }
}
