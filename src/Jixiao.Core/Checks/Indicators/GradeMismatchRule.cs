using Jixiao.Core.Rulebooks;

namespace Jixiao.Core.Checks.Indicators;

/// <summary>A stated 等级 that is not the band of the stated 总分 (§3.4: 优 ≥ 90, 良 80–&lt;90, 中 60–&lt;80, 差 &lt; 60 by default).</summary>
public sealed class GradeMismatchRule : ICheckRule
{
    public string Code => CheckCodes.GradeMismatch;

    public IEnumerable<Finding> Check(CheckContext context)
    {
        var form = context.Form;
        if (form.StatedGrade is not { } grade || form.StatedTotal is not { } total) yield break;
        if (Mismatch(context.Rulebook, grade, total) is { } expected)
            yield return Make(context.Rulebook, grade, total, expected, Locations.Total(form, "等级"));
    }

    /// <summary>The grade the total gives when <paramref name="stated"/> is another one; null when they agree or the text is no grade.</summary>
    public static string? Mismatch(Rulebook rulebook, string stated, decimal total)
    {
        var normalized = Normalize(stated);
        if (normalized is null) return null;
        var band = rulebook.GradeFor(rulebook.Round(total));
        return Normalize(band.Grade) == normalized ? null : band.Grade;
    }

    public static Finding Make(Rulebook rulebook, string stated, decimal total, string expected, FindingLocation location)
    {
        var bands = string.Join("，", rulebook.Grades.Select(g => $"{g.Grade} ≥ {Numbers.Plain(g.Min)}"));
        return new Finding(
            CheckCodes.GradeMismatch, Severity.Error,
            $"等级填报为“{stated}”，总分{Numbers.Format(total)}按{rulebook.Label}应为“{expected}”。",
            $"The stated grade {stated} does not match the total {Numbers.Format(total)}; the bands give {expected}.",
            location, stated, expected, $"{bands}：{Numbers.Format(total)} → {expected}");
    }

    /// <summary>优秀 → 优, 良好 → 良, 合格 / 中等 → 中, 不合格 / 较差 → 差.</summary>
    public static string? Normalize(string grade)
    {
        var g = Locations.Clean(grade).Trim('“', '”', '"', '「', '」');
        if (g.Length == 0) return null;
        if (g.Contains("不合格", StringComparison.Ordinal) || g.Contains('差')) return "差";
        if (g.Contains('优')) return "优";
        if (g.Contains('良')) return "良";
        if (g.Contains('中') || g.Contains("合格", StringComparison.Ordinal)) return "中";
        return null;
    }
}
