namespace Jixiao.Core.Checks;

/// <summary>
/// Says once that the reading of a form was uncertain and which arithmetic was therefore held back, instead of reporting
/// sums over cells a page break may have shifted.
/// </summary>
public sealed class ReadingUncertainRule : ICheckRule
{
    public string Code => CheckCodes.ReadingUncertain;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var notes = CheckContext.UncertainNotes(context.Form).ToList();
        if (notes.Count == 0) yield break;
        var joined = string.Join("；", notes);
        yield return new Finding(
            Code, Severity.Info,
            $"表格读取有不确定之处（{joined}），相关行的算术核对及总分、分值合计、小计核对已暂缓，请对照原件复核。",
            $"Parts of the form were read with uncertainty ({notes.Count} note(s)); arithmetic on those rows and form-wide sums were held back.",
            new FindingLocation(Blocks.Form),
            null, null, joined);
    }
}
