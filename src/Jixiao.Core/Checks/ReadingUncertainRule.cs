using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks;

/// <summary>
/// Says once that the reading of a form was uncertain and which arithmetic was therefore held back, instead of reporting
/// sums over cells a page break may have shifted. Interpretations (an 一级 taken from its 二级) are not listed: the
/// numbers they touch were read.
/// </summary>
public sealed class ReadingUncertainRule : ICheckRule
{
    public string Code => CheckCodes.ReadingUncertain;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var doubts = context.Form.ReadingDoubts.Where(d => !d.Reason.IsInterpretation()).ToList();
        if (doubts.Count == 0) yield break;
        var joined = string.Join("；", doubts.Select(ReadingDoubtText.Describe));
        var held = new List<string>(3);
        if (doubts.Exists(d => d.Scope is DoubtScope.Row or DoubtScope.Cell)) held.Add("相关行（单元格）的核对");
        if (doubts.Exists(d => d.Scope is DoubtScope.Form or DoubtScope.Block)) held.Add("所涉部分的合计核对");
        else held.Add("包含这些行的合计核对");
        yield return new Finding(
            Code, Severity.Info,
            $"表格读取有不确定之处（{joined}），{string.Join("及", held)}已暂缓，其余照常核对，请对照原件复核。",
            $"Parts of the form were read with uncertainty ({doubts.Count} doubt(s)); checks reading those cells and sums including them were held back.",
            new FindingLocation(Blocks.Form),
            null, null, joined);
    }
}
