using Jixiao.Core.Checks.Indicators;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.Sheets;

/// <summary>
/// The sections of an ex-ante or evaluation scoring sheet weigh what the rulebook says (立项必要性 20, 决策 10 …): a
/// section whose printed weight — or, where none is printed, the sum of its items' 分值 — differs, and a section of the
/// rulebook the sheet leaves out. A sheet whose sections the rulebook does not name at all follows another rubric (a
/// sector's own) and is not compared.
/// </summary>
public sealed class SectionWeightRule : ICheckRule
{
    public string Code => CheckCodes.SectionWeightMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (!form.Kind.IsScoringSheet() || context.Rulebook.TreeFor(form.Kind) is not { } tree) yield break;
        if (context.SumIsDoubtful(FormBlock.Indicators, CellRole.Weight, CellRole.Level1)) yield break;
        var sections = context.Weighted.GroupBy(r => Key(r.Level1)).ToList();
        var known = sections.Where(s => tree.Blocks.Any(b => Key(b.Name) == s.Key)).ToList();
        if (known.Count == 0) yield break;
        foreach (var section in known)
        {
            var block = tree.Blocks.First(b => Key(b.Name) == section.Key);
            var first = section.First();
            var printed = section.Select(r => r.Row.Level1Weight).FirstOrDefault(w => w is not null);
            decimal? weight = printed;
            var how = "标明";
            if (weight is null && section.All(r => r.Weight is { } w && DomainRanges.IsScore(w)))
            {
                weight = section.Sum(r => r.Weight!.Value);
                how = "各项分值合计";
            }
            if (weight is not { } stated || !DomainRanges.IsScore(stated) || stated == block.Weight) continue;
            yield return new Finding(
                Code, Severity.Error,
                $"“{block.Name}”{how}{Numbers.Plain(stated)}分，{context.Rulebook.Label}规定为{Numbers.Plain(block.Weight)}分。",
                $"Section {block.Name} weighs {Numbers.Plain(stated)}; the rulebook sets {Numbers.Plain(block.Weight)}.",
                new FindingLocation(Blocks.Indicators, first.Row.Source?.Row ?? first.Index + 1, "分值", block.Name),
                Numbers.Plain(stated), Numbers.Plain(block.Weight),
                $"{tree.Label}：" + string.Join("，", tree.Blocks.Select(b => $"{b.Name} {Numbers.Plain(b.Weight)}")));
        }
        if (form.Incomplete) yield break;
        foreach (var block in tree.Blocks.Where(b => !sections.Any(s => s.Key == Key(b.Name))))
            yield return new Finding(
                Code, Severity.Warning,
                $"缺少评分内容“{block.Name}”（{Numbers.Plain(block.Weight)}分）：{context.Rulebook.Label}的{tree.Label}包含此项。",
                $"The sheet has no section {block.Name} ({Numbers.Plain(block.Weight)} points), which the rulebook requires.",
                new FindingLocation(Blocks.Indicators, null, "评分内容", block.Name),
                null, Numbers.Plain(block.Weight));
    }

    /// <summary>"一、立项必要性(20分)" and "立项必要性" are one section.</summary>
    private static string Key(string name)
    {
        var n = IndicatorWeights.StripWeight(Locations.Clean(name));
        var cut = n.IndexOf('、');
        return cut is > 0 and <= 3 ? n[(cut + 1)..] : n;
    }
}
