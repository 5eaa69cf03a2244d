using System.Text;
using System.Text.Json;

namespace Jixiao.Core.Forms;

/// <summary>
/// The one place where reading doubts become words: the Chinese sentence people read (CLI, web, findings) and the
/// kebab-case codes of the JSON output. Nothing parses these sentences back; components exchange the records.
/// </summary>
public static class ReadingDoubtText
{
    /// <summary>The sentences of a form's doubts, in reading order.</summary>
    public static IReadOnlyList<string> Sentences(PerformanceForm form) => [.. form.ReadingDoubts.Select(Describe)];

    public static string Describe(ReadingDoubt d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var at = Where(d);
        var cells = Names(d.Cells);
        var text = d.Text ?? "";
        return d.Reason switch
        {
            DoubtReason.Unspecified => at + text,
            DoubtReason.CutOff when d.Block == FormBlock.Indicators && d.RowLabel is not null =>
                $"表格不完整：在“{d.RowLabel}”一行之后中断，未见" + (string.IsNullOrEmpty(d.Text) ? "总分行" : d.Text),
            DoubtReason.CutOff => $"表格不完整：未见{BlockName(d.Block)}",
            DoubtReason.ShiftedCells => at + "单元格可能错位" + Quoted(d.Text, "（", "）") + (d.Assumed is null ? "" : $"，已记作{d.Assumed}")
                                        + (d.Cells.Count > 0 ? $"，{cells}可能有误" : "，该行数值未读取或可能有误"),
            DoubtReason.StrayFragment when d.Cells.Count > 0 => at + $"跨页残片“{text}”无法确定属于该行的哪一栏，未并入，该行文字栏待复核",
            DoubtReason.StrayFragment => at + $"混入跨页内容“{text}”，无法确定属于哪一栏，已略去，该行数值待复核",
            DoubtReason.NotANumber => at + (d.Cells.Count > 0 ? cells : "") + $"“{text}”不是金额，未读取",
            DoubtReason.AmbiguousNumber => at + cells + $"“{text}”可有多种读法" + (d.Assumed is null ? "，未读取" : $"，暂读作{d.Assumed}"),
            DoubtReason.OcrConfusion => at + cells + $"“{text}”中的符号可能识别有误" + (d.Assumed is null ? "，未读取" : $"，暂读作{d.Assumed}"),
            DoubtReason.PlaceholderRow => at + $"模板占位行“{text}”，未计入",
            DoubtReason.MissingColumn => (d.Block == FormBlock.Form ? "" : BlockName(d.Block) + "：") + $"未见{cells}栏",
            DoubtReason.MissingValue => at + $"未见{cells}",
            DoubtReason.ExtraCell => at + $"多出一格“{text}”，未读取",
            DoubtReason.InferredLevel => at + $"该行未列一级指标，按二级指标“{text}”归入“{d.Assumed}”",
            DoubtReason.MisplacedLevel => at + $"一级指标单元格为“{text}”，" + (d.Assumed is null ? "按原文保留" : $"按二级指标归入“{d.Assumed}”"),
            DoubtReason.ConflictingStatements => (d.Block == FormBlock.Report ? "报告中的" : at) + cells + "说法不一：" + text,
            DoubtReason.NestedParts => at + (d.Assumed is null ? "小计与其明细并列于资金构成中" : $"属于“{d.Assumed}”的明细")
                                       + "，资金构成不止一层，合计与各项之和未核对",
            _ => at + text,
        };
    }

    /// <summary>"Sheet1 第2页第35行（信息系统运维）：", or "" for a doubt with no row.</summary>
    private static string Where(ReadingDoubt d)
    {
        if (d.Row is not { } s) return "";
        var sb = new StringBuilder();
        if (s.Sheet is not null) sb.Append(s.Sheet).Append(' ');
        if (s.Page is { } page) sb.Append('第').Append(page.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('页');
        sb.Append('第').Append(s.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('行');
        if (!string.IsNullOrEmpty(d.RowLabel)) sb.Append('（').Append(d.RowLabel).Append('）');
        return sb.Append('：').ToString();
    }

    private static string Quoted(string? text, string open, string close) => text is null ? "" : $"{open}“{text}”{close}";

    public static string Names(IReadOnlyList<CellRole> cells) => string.Join("、", cells.Select(Name));

    public static string Name(CellRole role) => role switch
    {
        CellRole.Label => "名称",
        CellRole.Level1 => "一级指标",
        CellRole.Level2 => "二级指标",
        CellRole.Name => "三级指标",
        CellRole.Content => "指标内容",
        CellRole.Target => "目标值",
        CellRole.Actual => "完成值",
        CellRole.Weight => "分值",
        CellRole.Score => "得分",
        CellRole.Explanation => "偏差原因",
        CellRole.Improvement => "改进措施",
        CellRole.MidYearProgress => "执行情况",
        CellRole.ExpectedCompletion => "全年预计完成情况",
        CellRole.Causes => "偏差原因类别",
        CellRole.Likelihood => "完成目标可能性",
        CellRole.Remark => "备注",
        CellRole.InitialBudget => "年初预算数",
        CellRole.Budget => "全年预算数",
        CellRole.Executed => "执行数",
        CellRole.Transfer => "上级财政移动支付",
        CellRole.Forecast => "全年预计执行数",
        CellRole.Rate => "执行率",
        CellRole.PriorYearFinal => "上年决算数",
        CellRole.Final => "决算数",
        CellRole.Authorized => "编制数",
        CellRole.ActualStaff => "实有人数",
        CellRole.StatedWeightTotal => "分值合计",
        CellRole.StatedTotal => "总分",
        CellRole.StatedGrade => "等级",
        _ => role.ToString(),
    };

    public static string BlockName(FormBlock block) => block switch
    {
        FormBlock.Header => "表头",
        FormBlock.Funds => "资金情况",
        FormBlock.Goals => "年度总体目标",
        FormBlock.Indicators => "绩效指标部分",
        FormBlock.Total => "总分行",
        FormBlock.BasicData => "经费控制情况",
        FormBlock.Staffing => "财政供养人员情况",
        FormBlock.Report => "报告正文",
        _ => "表格",
    };

    /// <summary>The JSON code of an enum value of the doubt records: its name in kebab-case ("shifted-cells").</summary>
    public static string Code<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
