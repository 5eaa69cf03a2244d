using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Writers.OpenData;

/// <summary>
/// Identifiers that stay the same across years and files, so others can follow a unit, a project or an indicator from
/// one year's publication to the next (docs/open-data.md, "Identifiers"). The forms carry no official codes, so an
/// identifier is derived from names: NFKC-normalised (full-width letters, digits and brackets become their ASCII
/// forms), without whitespace or punctuation, lower-cased, then hashed with SHA-256; the first 16 hex digits follow a
/// prefix saying what it identifies.
/// </summary>
public static class StableIds
{
    /// <summary>A unit or department: "org-" + hash(name).</summary>
    public static string? Organisation(string? name) => Blank(name) ? null : "org-" + Hash(Normalise(name));

    /// <summary>A project of a unit: "prj-" + hash(unit, project).</summary>
    public static string? Project(string? unit, string? project) =>
        Blank(project) ? null : "prj-" + Hash(Normalise(unit), Normalise(project));

    /// <summary>
    /// An indicator of a project (or of a unit's department-wide form): "ind-" + hash(owner, 一级, 二级, 三级, content).
    /// The same indicator on the targets table, the monitoring table and the self-evaluation of a project gets the same id.
    /// </summary>
    public static string Indicator(string owner, IndicatorRow row) =>
        "ind-" + Hash(owner, Normalise(row.Level1), Normalise(row.Level2), Normalise(row.Name), Normalise(row.Content));

    /// <summary>A form: "frm-" + hash(kind, year, unit, project).</summary>
    public static string Form(PerformanceForm form) =>
        "frm-" + Hash(form.Kind.Code(), form.Year?.ToString(CultureInfo.InvariantCulture) ?? "", Normalise(form.Unit), Normalise(form.Project));

    /// <summary>The ids of a form's indicators in order; a repeated row gets "-2", "-3" … by occurrence.</summary>
    public static IReadOnlyList<string> Indicators(PerformanceForm form)
    {
        var owner = Project(form.Unit, form.Project) ?? Organisation(form.Unit) ?? Form(form);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new List<string>(form.Indicators.Count);
        foreach (var row in form.Indicators)
        {
            var id = Indicator(owner, row);
            var count = seen[id] = seen.GetValueOrDefault(id) + 1;
            ids.Add(count == 1 ? id : id + "-" + count.ToString(CultureInfo.InvariantCulture));
        }
        return ids;
    }

    /// <summary>The name as compared: NFKC, no whitespace, no punctuation, lower case.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrEmpty(name)) return "";
        var text = name.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var category = char.GetUnicodeCategory(ch);
            if (char.IsWhiteSpace(ch) || char.IsControl(ch) || category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
                or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
                or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation)
                continue;
            result.Append(char.ToLowerInvariant(ch));
        }
        return result.ToString();
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Hash(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexStringLower(bytes, 0, 8);
    }
}
