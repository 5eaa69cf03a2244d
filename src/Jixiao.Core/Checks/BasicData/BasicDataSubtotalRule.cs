using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.BasicData;

/// <summary>
/// A breakdown of the basic data table (§2.3) that does not add up to its heading, per column (上年决算数 / 本年预算数 /
/// 本年决算数). Parts larger than their total are always wrong. Parts smaller than the total are wrong only where the
/// breakdown is complete by definition (三公经费 = 公务用车购置和维护 + 出国 + 公务接待; 公务用车 = 购置 + 运行维护):
/// elsewhere (项目支出 … 等, 公用经费 其中) the table lists some parts, not all, and a smaller sum is no error.
/// </summary>
public sealed class BasicDataSubtotalRule : ICheckRule
{
    public string Code => CheckCodes.SubtotalMismatch;

    private static readonly (string Name, Func<BasicDataRow, decimal?> Get)[] Columns =
    [
        ("上年决算数", r => r.PriorYearFinal),
        ("本年预算数", r => r.Budget),
        ("本年决算数", r => r.Final),
    ];

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var rows = context.Form.BasicData;
        if (context.SumIsDoubtful(FormBlock.BasicData, CellRole.Label, CellRole.PriorYearFinal, CellRole.Budget, CellRole.Final)) yield break;
        for (var i = 0; i < rows.Count; i++)
        {
            var parent = rows[i];
            var children = new List<BasicDataRow>();
            for (var j = i + 1; j < rows.Count && rows[j].Depth > parent.Depth; j++)
                if (rows[j].Depth == parent.Depth + 1) children.Add(rows[j]);
            if (children.Count == 0) continue;
            var exhaustive = IsExhaustive(parent.Label);
            foreach (var (column, get) in Columns)
            {
                if (get(parent) is not { } total || children.Any(c => get(c) is null)) continue;
                // An amount no form could hold is reported as value-out-of-range; a sum over it means nothing.
                if (!DomainRanges.IsAmount(total) || children.Any(c => !DomainRanges.IsAmount(get(c)))) continue;
                var values = children.Select(c => get(c)!.Value).ToList();
                var sum = values.Sum();
                var decimals = values.Append(total).Max(Numbers.Decimals);
                var tolerance = values.Count * Numbers.HalfUnit(decimals);
                var over = sum - total > tolerance;
                var under = total - sum > tolerance && exhaustive;
                if (!over && !under) continue;
                var label = Locations.Clean(parent.Label);
                var terms = string.Join(" + ", children.Select(c => $"{Locations.Clean(c.Label)} {Numbers.Format(get(c)!.Value)}"));
                var biggest = children.MaxBy(c => get(c)!.Value)!;
                var detail = over && get(biggest)!.Value > total
                    ? $"其中“{Locations.Clean(biggest.Label)}”{Numbers.Format(get(biggest)!.Value)}已大于“{label}”{Numbers.Format(total)}"
                    : over ? $"各项之和{Numbers.Format(sum)}大于合计{Numbers.Format(total)}" : $"各项之和{Numbers.Format(sum)}小于合计{Numbers.Format(total)}";
                yield return new Finding(
                    Code, Severity.Error,
                    $"基础数据表“{label}”{column}为{Numbers.Format(total)}，{detail}。",
                    $"Basic data: {label} {column} is {Numbers.Format(total)}, but its breakdown adds up to {Numbers.Format(sum)}.",
                    new FindingLocation(Blocks.BasicData, parent.Source?.Row ?? i + 1, column, label),
                    Numbers.Format(total), Numbers.Format(sum), $"{terms} = {Numbers.Format(sum)}");
            }
        }
    }

    private static bool IsExhaustive(string label)
    {
        var l = Locations.Clean(label);
        return l.Contains("三公经费", StringComparison.Ordinal) || l.Contains("公务用车购置和维护", StringComparison.Ordinal);
    }
}
