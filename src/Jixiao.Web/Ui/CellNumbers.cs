using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Ui;

/// <summary>
/// What a number cell makes of what was typed. Amounts may carry a unit (263.93万, 12万元, 1,200元, 3亿) and are converted
/// to the form's money unit, saying so; impossible values (a negative amount, more digits than any budget has, a
/// number that is not one) are refused with a Chinese message. Merely implausible values pass here and are left to the
/// checker's findings.
/// </summary>
public static class CellNumbers
{
    /// <summary>No budget reaches 100 trillion 元 (the national budget is a few tens of trillions).</summary>
    public const decimal MaxYuan = 99_999_999_999_999.99m;

    /// <summary>Counts, weights and scores: far beyond any form's, yet refusing slips of the keyboard like 1e309.</summary>
    public const decimal MaxPlain = 9_999_999m;

    public sealed record Reading(decimal? Value, string? Error, string? Conversion);

    private static readonly (string Suffix, decimal Yuan, string Name)[] MoneyUnits =
    [
        ("万元", 10_000m, "万元"), ("亿元", 100_000_000m, "亿元"), ("万", 10_000m, "万"), ("亿", 100_000_000m, "亿"), ("元", 1m, "元"),
    ];

    public static Reading Read(string? typed, bool money, MoneyUnit formUnit, string label)
    {
        var text = (typed ?? "").Normalize(NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (text.Length == 0) return new(null, null, null);

        decimal? factor = null;
        string? unitName = null;
        var percent = false;
        if (text.EndsWith('%'))
        {
            percent = true;
            text = text[..^1];
        }
        else
        {
            foreach (var (suffix, yuan, name) in MoneyUnits)
            {
                if (!text.EndsWith(suffix, StringComparison.Ordinal)) continue;
                factor = yuan;
                unitName = name;
                text = text[..^suffix.Length];
                break;
            }
        }

        if (percent && money) return Refuse(typed, label, "金额不能填百分数");
        if (factor is not null && !money) return Refuse(typed, label, "这一栏不是金额，不带单位");
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase) && text.Any(char.IsDigit))
            return Refuse(typed, label, "请直接写出数字，不用科学计数法");
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            return Refuse(typed, label, text.Any(char.IsDigit) && text.All(c => char.IsDigit(c) || c is '.' or '-' or '+') ? "数字位数过多" : "不是数字");
        if (number < 0) return Refuse(typed, label, money ? "金额不能为负数" : "不能为负数");

        if (!money)
        {
            if (number > MaxPlain) return Refuse(typed, label, $"超过 {MaxPlain.ToString("#,##0", CultureInfo.InvariantCulture)}，不可能是本栏的数值");
            return new(number, null, null);
        }

        var formFactor = formUnit.ToYuan(1m);
        decimal yuanValue;
        try { yuanValue = checked(number * (factor ?? formFactor)); }
        catch (OverflowException) { return Refuse(typed, label, "数字位数过多，超过任何预算"); }
        if (yuanValue > MaxYuan) return Refuse(typed, label, "数字位数过多，超过任何预算（不足百万亿元）");
        if (factor is null || factor == formFactor) return new(number, null, null);
        var converted = yuanValue / formFactor;
        var formSymbol = formUnit.Symbol();
        return new(converted, null, $"{Fmt.Plain(number)}{unitName} = {Fmt.Grouped(converted)} {formSymbol}（本表金额单位为{formSymbol}）");
    }

    private static Reading Refuse(string? typed, string label, string why) => new(null, $"{label}：“{typed?.Trim()}”{why}，未计入计算", null);
}
