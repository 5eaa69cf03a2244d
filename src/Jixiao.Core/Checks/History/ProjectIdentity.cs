using System.Globalization;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Core.Checks.History;

/// <summary>
/// Which forms are about the same project, and which indicator rows about the same indicator, across forms and years.
/// A project is the same by its project code where both forms print one (a code of letters and digits before the name,
/// "51092324T000010263357-2023年全县安可…"), else by its unit and its name without the code, the year and layout. The
/// match is always said in the finding, so a reviewer sees what was compared with what.
/// </summary>
public static class ProjectIdentity
{
    /// <summary>A form's keys, computed once: its project code, its project name and its unit, each without layout.</summary>
    public sealed record Keys(PerformanceForm Form, string? Code, string Name, string Unit)
    {
        public static Keys Of(PerformanceForm form)
        {
            var (code, name) = Split(form.Project);
            return new Keys(form, code, name, UnitKey(form));
        }
    }

    /// <summary>How <paramref name="a"/> and <paramref name="b"/> were matched, in Chinese; null when they are not the same project.</summary>
    public static string? SameProject(PerformanceForm a, PerformanceForm b) => SameProject(Keys.Of(a), Keys.Of(b));

    /// <summary>The same on keys computed once.</summary>
    public static string? SameProject(Keys a, Keys b)
    {
        if (a.Code is not null && b.Code is not null)
            return a.Code == b.Code ? $"项目编码{a.Code}相同" : null;
        if (a.Name.Length == 0 || a.Name != b.Name) return null;
        if (a.Unit.Length > 0 && b.Unit.Length > 0)
            return a.Unit == b.Unit ? $"单位“{Locations.Clean(a.Form.Unit ?? a.Form.Department ?? "")}”与项目名称“{a.Name}”相同" : null;
        return a.Unit.Length == 0 && b.Unit.Length == 0 ? $"项目名称“{a.Name}”相同（两表均未写明单位）" : null;
    }

    /// <summary>
    /// Whether two project names of one unit name the same project: by project code where both print one, else by the
    /// name without code, year and layout (what <see cref="SameProject(Keys, Keys)"/> decides once the unit is known).
    /// </summary>
    public static bool SameProjectName(string? a, string? b)
    {
        var (codeA, nameA) = Split(a);
        var (codeB, nameB) = Split(b);
        if (codeA is not null && codeB is not null) return codeA == codeB;
        return nameA.Length > 0 && nameA == nameB;
    }

    /// <summary>True when the two forms name the same unit (实施单位, else 主管部门), compared without codes and layout.</summary>
    public static bool SameUnit(PerformanceForm a, PerformanceForm b)
    {
        var unitA = UnitKey(a);
        return unitA.Length > 0 && unitA == UnitKey(b);
    }

    /// <summary>The project code printed before the name, and the name without code, year and layout.</summary>
    internal static (string? Code, string Name) Split(string? project)
    {
        var text = Key(project);
        string? code = null;
        var dash = text.IndexOf('-');
        // A code is a run of ASCII letters and digits, long enough not to be a number in a name (项目编码 are 10–30 long).
        if (dash >= 10 && text[..dash].All(char.IsAsciiLetterOrDigit) && text[..dash].Any(char.IsAsciiDigit))
        {
            code = text[..dash];
            text = text[(dash + 1)..];
        }
        // "2023年全县安可替代补助资金项目": the year names the budget year, not another project.
        if (text.Length > 5 && text[..4].All(char.IsAsciiDigit) && text[4] == '年')
            text = text.Length > 5 && text[5] == '度' ? text[6..] : text[5..];
        return (code, text);
    }

    /// <summary>The unit without a leading code ("219001-池州市…") and layout.</summary>
    internal static string UnitKey(PerformanceForm form)
    {
        var text = Key(form.Unit ?? form.Department);
        var dash = text.IndexOf('-');
        return dash > 0 && text[..dash].All(char.IsAsciiDigit) ? text[(dash + 1)..] : text;
    }

    /// <summary>
    /// The indicator a row names, compared without numbering ("指标16:"), markers (★) and layout; null for a row with no
    /// name of its own.
    /// </summary>
    public static string? IndicatorKey(IndicatorRow row)
    {
        var text = Key(row.Name ?? row.Content);
        if (text.StartsWith("指标", StringComparison.Ordinal))
        {
            var i = 2;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i > 2 && i < text.Length && text[i] == ':') text = text[(i + 1)..];
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>
    /// NFKC, without whitespace, quotes, markers and the punctuation that layouts vary (commas also as thousands
    /// separators); a decimal point is kept (1.5亩 is not 15亩), so are '-' and ':'.
    /// </summary>
    internal static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = Nfkc.Of(text);
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c is '★' or '☆' or '“' or '”' or '"' or '\'' or '‘' or '’' or '、' or ',' or '，' or '。') continue;
            b.Append(c == '－' || c == '—' ? '-' : c);
        }
        return b.ToString();
    }

    internal static string Year(PerformanceForm form) => form.Year?.ToString(CultureInfo.InvariantCulture) + "年";
}
