using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

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
/// The words of the forms (domain guide §2), matched on <see cref="TextNorm.Key"/> so spacing, full-width forms and
/// Traditional characters do not matter. Several spellings per meaning: forms from other provinces and years differ.
/// </summary>
internal static partial class Vocabulary
{
    public static FormKind? TitleKind(string key)
    {
        if (key.Length is < 4 or > 70) return null;
        var k = TitleCore(key);
        if (k.EndsWith("报告", StringComparison.Ordinal))
            return k.Contains("绩效", StringComparison.Ordinal) || k.Contains("自评", StringComparison.Ordinal) || k.Contains("评价", StringComparison.Ordinal)
                ? FormKind.Report : null;
        if (!k.EndsWith('表')) return null;
        if (k.Contains("基础数据", StringComparison.Ordinal)) return FormKind.DepartmentBasicData;
        if (k.Contains("监控", StringComparison.Ordinal)) return FormKind.Monitoring;
        if (k.Contains("申报", StringComparison.Ordinal) || k.EndsWith("目标表", StringComparison.Ordinal)) return FormKind.Targets;
        if (!k.Contains("自评", StringComparison.Ordinal) && !k.Contains("评价", StringComparison.Ordinal)) return null;
        if (k.Contains("部门整体", StringComparison.Ordinal) || k.Contains("整体支出", StringComparison.Ordinal)) return FormKind.DepartmentSelfEvaluation;
        return FormKind.ProjectSelfEvaluation;
    }

    /// <summary>The title without its numbering ("6 部门整体自评表"), year in brackets or trailing colon.</summary>
    private static string TitleCore(string key)
    {
        var k = YearInBrackets().Replace(key, "");
        k = LeadingNumbering().Replace(k, "");
        return k.TrimEnd(':', '：');
    }

    [GeneratedRegex(@"^(?:附表|附件)?[0-9一二三四五六七八九十]{0,2}(?:[.、:：]|(?=[^0-9年]))")]
    private static partial Regex LeadingNumbering();

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

    public enum Field { None, Project, Department, Unit, Filler, Head, Ignored }

    /// <summary>A header field label cell ("项目名称", "主管部门(及代码)", "部门（单位）名称", "填报单位").</summary>
    public static Field FieldOf(string key)
    {
        if (key.Length > 12) return Field.None;
        switch (key)
        {
            case "项目名称" or "项目支出名称" or "项目" or "项目全称":
                return Field.Project;
            case "实施单位" or "填报单位" or "单位名称" or "部门名称" or "预算单位" or "预算单位名称" or "部门(单位)名称" or "部门（单位）名称" or "单位(部门)名称" or "单位（部门）名称":
                return Field.Unit;
            case "填报人" or "填表人":
                return Field.Filler;
            case "单位负责人" or "负责人":
                return Field.Head;
            case "所属独立核算单位个数" or "联系电话" or "填报日期" or "项目负责人":
                return Field.Ignored;
        }
        if (key.StartsWith("主管部门", StringComparison.Ordinal)) return Field.Department;
        return Field.None;
    }

    /// <summary>Label: value pairs written inside one cell ("填报单位：浏阳市数据资源中心", "填报人：   单位负责人：").</summary>
    public static IEnumerable<(Field Field, string Value)> InlineFields(string text)
    {
        if (text.Length > 200 || !MayHoldInlineField(text)) yield break;
        foreach (Match m in InlineField().Matches(text))
        {
            var field = FieldOf(TextNorm.Key(m.Groups[1].Value));
            if (field is Field.None or Field.Ignored) continue;
            yield return (field, TextNorm.Clean(m.Groups[2].Value));
        }
    }

    private static bool MayHoldInlineField(string text) =>
        text.Contains("名称", StringComparison.Ordinal) || text.Contains("名稱", StringComparison.Ordinal) || text.Contains("主管", StringComparison.Ordinal)
        || text.Contains("实施", StringComparison.Ordinal) || text.Contains("實施", StringComparison.Ordinal) || text.Contains('填')
        || text.Contains("负责", StringComparison.Ordinal) || text.Contains("負責", StringComparison.Ordinal);

    [GeneratedRegex(@"(项目名称|项目支出名称|主管部门(?:及代码)?|实施单位|填报单位|单位名称|填报人|填表人|单位负责人|項目名稱|主管部門|實施單位|填報單位|單位名稱|填報人|單位負責人)\s*[:：]\s*([^:：]*?)(?=\s{2,}|\s*$|\s*(?:填报人|填表人|单位负责人|填報人|單位負責人|联系电话|填报日期)\s*[:：])")]
    private static partial Regex InlineField();

    public static MoneyUnit? MoneyUnitOf(string key)
    {
        if (key.Contains("(万元)", StringComparison.Ordinal) || key.Contains("（万元）", StringComparison.Ordinal) || key.Contains("单位:万元", StringComparison.Ordinal)) return MoneyUnit.TenThousandYuan;
        if (key.Contains("(元)", StringComparison.Ordinal) || key.Contains("（元）", StringComparison.Ordinal) || key.Contains("单位:元", StringComparison.Ordinal)) return MoneyUnit.Yuan;
        return null;
    }

    public static FundsColumn FundsColumnOf(string key)
    {
        if (key.Length == 0 || key.Length > 24) return FundsColumn.None;
        if (key.Contains('率')) return key.Contains("执行", StringComparison.Ordinal) || key.Contains("完成", StringComparison.Ordinal) ? FundsColumn.Rate : FundsColumn.None;
        if (key.Contains("移动支付", StringComparison.Ordinal) || key.Contains("转移支付", StringComparison.Ordinal) || key.EndsWith("(C)", StringComparison.Ordinal)) return FundsColumn.Transfer;
        if (key.Contains("预计", StringComparison.Ordinal)) return FundsColumn.Forecast;
        if (key.Contains("执行数", StringComparison.Ordinal) || key.Contains("支出数", StringComparison.Ordinal) || key.Contains("决算数", StringComparison.Ordinal) || key.EndsWith("(B)", StringComparison.Ordinal)) return FundsColumn.Executed;
        if (key.Contains("年初", StringComparison.Ordinal)) return FundsColumn.InitialBudget;
        if (key.Contains("预算数", StringComparison.Ordinal) || key.Contains("调整后预算", StringComparison.Ordinal) || key.EndsWith("(A)", StringComparison.Ordinal)) return FundsColumn.Budget;
        if (key is "分值" or "权重") return FundsColumn.Weight;
        if (key is "得分" or "评分" or "自评得分") return FundsColumn.Score;
        return FundsColumn.None;
    }

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

    public static IndicatorColumn IndicatorColumnOf(string key)
    {
        if (key.Length == 0 || key.Length > 30) return IndicatorColumn.None;
        switch (key)
        {
            case "经费保障": return IndicatorColumn.CauseFunding;
            case "制度保障": return IndicatorColumn.CauseRules;
            case "人员保障": return IndicatorColumn.CauseStaff;
            case "硬件条件保障" or "硬件保障": return IndicatorColumn.CauseHardware;
            case "其他保障" or "其它保障": return IndicatorColumn.CauseOther;
            case "确定能": return IndicatorColumn.LikelyCertain;
            case "有可能": return IndicatorColumn.LikelyPossible;
            case "完全不可能": return IndicatorColumn.LikelyImpossible;
            case "原因说明": return IndicatorColumn.Explanation;
            case "备注": return IndicatorColumn.Remark;
            case "权重" or "分值" or "指标分值" or "权重(分值)" or "分值(权重)": return IndicatorColumn.Weight;
            case "得分" or "自评得分" or "评分" or "实际得分" or "评价得分": return IndicatorColumn.Score;
            case "绩效指标" or "年度绩效指标" or "指标": return IndicatorColumn.Label;
        }
        if (key.Contains("一级", StringComparison.Ordinal)) return IndicatorColumn.Level1;
        if (key.Contains("二级", StringComparison.Ordinal)) return IndicatorColumn.Level2;
        if (key.Contains("三级", StringComparison.Ordinal)) return IndicatorColumn.Name;
        if (key.Contains("可能性", StringComparison.Ordinal)) return IndicatorColumn.Group;
        if (key.Contains("原因", StringComparison.Ordinal) || key.Contains("偏差", StringComparison.Ordinal)) return IndicatorColumn.Explanation;
        if (key.Contains("改进措施", StringComparison.Ordinal) || key.Contains("整改措施", StringComparison.Ordinal)) return IndicatorColumn.Improvement;
        if (key.Contains("预计", StringComparison.Ordinal)) return IndicatorColumn.ExpectedCompletion;
        if (key.Contains("执行情况", StringComparison.Ordinal) && key.Contains('月')) return IndicatorColumn.MidYearProgress;
        if (key.Contains("目标内容", StringComparison.Ordinal) || key.Contains("指标内容", StringComparison.Ordinal) || key.Contains("指标解释", StringComparison.Ordinal) || key.Contains("计算公式", StringComparison.Ordinal) || key.Contains("评分标准", StringComparison.Ordinal))
            return IndicatorColumn.Content;
        if (key.Contains("完成值", StringComparison.Ordinal) || key.Contains("实际值", StringComparison.Ordinal) || key.Contains("完成情况", StringComparison.Ordinal) || key.Contains("实际完成", StringComparison.Ordinal))
            return IndicatorColumn.Actual;
        if (key.Contains("指标值", StringComparison.Ordinal) || key.Contains("目标值", StringComparison.Ordinal) || key is "年度目标" or "预期目标" or "指标目标")
            return IndicatorColumn.Target;
        if (key.Contains("得分", StringComparison.Ordinal)) return IndicatorColumn.Score;
        if (key.Contains("分值", StringComparison.Ordinal) || key.Contains("权重", StringComparison.Ordinal)) return IndicatorColumn.Weight;
        return IndicatorColumn.None;
    }

    /// <summary>Words that name the whole indicator block in its first column.</summary>
    public static bool IsBlockLabel(string key) =>
        key.StartsWith("绩效指标", StringComparison.Ordinal) || key.StartsWith("年度绩效指标", StringComparison.Ordinal) || key.StartsWith("绩效目标", StringComparison.Ordinal)
        || key is "指标" or "分解目标自评";

    private static readonly HashSet<string> Level1Words =
    [
        "产出指标", "效益指标", "投入管理", "投入管理指标", "投入指标", "过程指标", "过程管理", "决策指标", "管理指标", "效果指标", "产出", "效益", "投入", "过程", "决策",
        "履职效能", "能力建设", "预算管理", "预算管理指标",
    ];

    private static readonly HashSet<string> EitherWords = ["成本指标", "满意度指标", "满意度"];

    /// <summary>The 2020 tree (domain guide §2.1) and the Hunan department-wide tree (§2.2): 二级 → its 一级.</summary>
    private static readonly Dictionary<string, string> Level2Parents = new()
    {
        ["数量指标"] = "产出指标",
        ["质量指标"] = "产出指标",
        ["时效指标"] = "产出指标",
        ["经济效益指标"] = "效益指标",
        ["社会效益指标"] = "效益指标",
        ["生态效益指标"] = "效益指标",
        ["可持续影响指标"] = "效益指标",
        ["服务对象满意度指标"] = "满意度指标",
        ["预算编审管理"] = "投入管理",
        ["预算执行管理"] = "投入管理",
        ["部门结转结余资金管理"] = "投入管理",
        ["预算绩效管理"] = "投入管理",
        ["预决算信息公开管理"] = "投入管理",
        ["财政监督管理"] = "投入管理",
        ["政府采购管理"] = "投入管理",
        ["资产管理"] = "投入管理",
    };

    /// <summary>The standard 一级 of a known 二级, for a row whose 一级 cell is missing or garbled.</summary>
    public static string? StandardParent(string level2Key) => Level2Parents.GetValueOrDefault(level2Key);

    public static bool IsStandardLevel1(string key) => key is "产出指标" or "效益指标" or "满意度指标";

    public static TreeWord Classify(string keyWithoutWeight)
    {
        var k = keyWithoutWeight;
        if (Level1Words.Contains(k)) return TreeWord.Level1;
        if (EitherWords.Contains(k)) return TreeWord.Either;
        if (Level2Parents.ContainsKey(k)) return TreeWord.Level2;
        if (k.Length <= 12 && (k.EndsWith("指标", StringComparison.Ordinal) || k.EndsWith("管理", StringComparison.Ordinal))) return TreeWord.Level2;
        return TreeWord.Text;
    }

    [GeneratedRegex(@"^(.*?)\s*[(（]\s*([0-9]{1,3}(?:\.[0-9]+)?)\s*分?\s*(?:[)）]|$)\s*$")]
    private static partial Regex WeightSuffix();

    /// <summary>Splits "产出指标(50分)", "数量指标（15）", "资金到位率（2分" into the name and its weight.</summary>
    public static (string Name, decimal? Weight) SplitWeight(string text)
    {
        var last = text.Length == 0 ? ' ' : text[^1];
        if (!(last is ')' or '）' or '分' || char.IsAsciiDigit(last) || last is >= '０' and <= '９')) return (text, null);
        var m = WeightSuffix().Match(TextNorm.Compatible(text));
        if (!m.Success || m.Groups[1].Length == 0) return (text, null);
        return (TextNorm.Clean(m.Groups[1].Value), decimal.Parse(m.Groups[2].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(\D+?)[\s\d.]+$")]
    private static partial Regex WordThenNumbers();

    /// <summary>"效益指标 868 868": a tree word followed by numbers a page break pushed into its cell.</summary>
    public static bool TryStripTrailingNumbers(string text, out string word)
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

    [GeneratedRegex(@"^(?:第\d+页(?:[,，]?共\d+页)?|-\d+-|\d+/\d+|page\d+(?:of\d+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageMark();

    /// <summary>A page number a converter left between rows ("第 2 页", "- 3 -").</summary>
    public static bool IsPageMark(string key) => key.Length <= 16 && PageMark().IsMatch(key);

    /// <summary>A tick in a monitoring box.</summary>
    public static bool IsTick(string text)
    {
        var t = text.Trim();
        return t is "√" or "✓" or "✔" or "☑" or "■" or "是" or "V" or "v" or "Y" or "y" or "●" or "〇" or "○";
    }

    /// <summary>Cells that start a note under a form ("注：1．偏差原因分析…", "说明：…").</summary>
    public static bool IsNote(string key) =>
        key.StartsWith("注:", StringComparison.Ordinal) || key.StartsWith("注：", StringComparison.Ordinal) || key.StartsWith("说明:", StringComparison.Ordinal)
        || key.StartsWith("说明：", StringComparison.Ordinal) || key.StartsWith("备注:", StringComparison.Ordinal) || key.StartsWith("注1", StringComparison.Ordinal);

    public static bool IsTotalLabel(string key) => key is "总分" or "合计" or "总计" or "总得分" or "综合得分" or "合计得分";

    /// <summary>The label of the row stating a table's grade ("自评等级 | 优"), under the names the forms print it with.</summary>
    public static bool IsGradeLabel(string key) => key is "自评等级" or "评价等级" or "绩效等级" or "绩效评价等级" or "绩效自评等级" or "等级";

    public static bool IsGoalLabel(string key) =>
        key is "年度总体目标" or "总体目标" or "年度目标" or "项目年度总体目标" or "部门年度总体目标" or "年度绩效目标" or "绩效目标";

    public static bool IsGoalHeader(string key) =>
        key.Contains("目标", StringComparison.Ordinal) || key.Contains("完成情况", StringComparison.Ordinal) || key.Contains("实际完成", StringComparison.Ordinal);

    public static bool IsActualGoalHeader(string key) => key.Contains("完成", StringComparison.Ordinal) || key.Contains("实际", StringComparison.Ordinal);
}
