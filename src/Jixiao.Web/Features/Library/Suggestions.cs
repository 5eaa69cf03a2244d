using System.Globalization;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

/// <summary>Where a suggestion comes from, most specific first.</summary>
public enum SuggestionSource
{
    /// <summary>本项目历年使用过的指标</summary>
    ProjectHistory,
    /// <summary>财政部门发布的标准指标</summary>
    Standard,
    /// <summary>指标库中同类项目常用的指标</summary>
    Library,
}

/// <summary>
/// An indicator offered for a row of a targets form: picking it fills the row's names, and the target with its
/// comparator, last year's value (or the standard value) and unit, which the unit then adjusts.
/// </summary>
public sealed record Suggestion(
    SuggestionSource Source, string Level1, string Level2, string Name, string? Unit, string Comparator, string? Target,
    int? LastYear, string? LastTarget, string? LastActual, int? StandardId, string? Definition, string? Method, string? StandardValue,
    PeerRange? Peers, int Units)
{
    public string SourceName => Source switch
    {
        SuggestionSource.ProjectHistory => "本项目历史",
        SuggestionSource.Standard => "标准指标",
        SuggestionSource.Library => "指标库",
    };

    /// <summary>What the row's 指标内容 carries when a standard is taken: its definition, counted how, expected what.</summary>
    public string? Content => Source == SuggestionSource.Standard ? StandardIndicators.ContentOf(Definition, Method, StandardValue) : null;

    /// <summary>The hint under the target: last year's figures and the peers' range, in Chinese.</summary>
    public string Hint
    {
        get
        {
            var parts = new List<string>();
            if (LastYear is { } y && LastActual is { Length: > 0 } a) parts.Add($"{y}年实际完成 {a}");
            if (LastYear is { } ty && LastTarget is { Length: > 0 } t) parts.Add($"{ty}年目标 {t}");
            if (StandardValue is { Length: > 0 } s) parts.Add($"标准值 {s}");
            if (Peers is { } p) parts.Add($"同类单位目标 {Show(p.Min)}–{Show(p.Max)}{p.Unit}（中位数 {Show(p.Median)}，{p.Units}个单位）");
            return string.Join("；", parts);
        }
    }

    private static string Show(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}

/// <summary>The suggestions for one row category of a targets form (category-matched, the project's own history first).</summary>
public static class Suggestions
{
    public const int Most = 30;

    /// <param name="organisationId">The form's unit.</param>
    /// <param name="project">The form's project name (its history is the same unit's forms of the same project).</param>
    public static async Task<List<Suggestion>> ForAsync(AppDbContext db, int organisationId, string? project, int year, string level1, string level2, string? q, CancellationToken ct)
    {
        var text = FormStore.NormaliseName(q);
        var list = new List<Suggestion>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        // The project's own indicators of earlier years, newest first: the target it set and the actual it reported.
        if (!string.IsNullOrWhiteSpace(project))
        {
            var own = await db.IndicatorFacts.AsNoTracking()
                .Where(i => i.Fact!.OrganisationId == organisationId && i.Fact.ProjectName == project && i.Fact.IsCurrent && i.Year < year
                            && (i.Level1 ?? "") == level1 && (i.Level2 ?? "") == level2 && i.NormalisedName != null
                            && (text == null || i.NormalisedName.Contains(text)))
                .OrderByDescending(i => i.Year).Take(500)
                .Select(i => new { i.NormalisedName, i.Name, i.Year, i.Kind, i.Target, i.Actual, i.Unit, i.Comparator, i.ActualValue })
                .ToListAsync(ct);
            foreach (var name in own.GroupBy(i => i.NormalisedName!))
            {
                var lastYear = name.Max(i => i.Year);
                var ofYear = name.Where(i => i.Year == lastYear).ToList();
                var planned = ofYear.FirstOrDefault(i => i.Kind == FormKind.Targets) ?? ofYear.FirstOrDefault(i => i.Target is not null) ?? ofYear[0];
                var done = ofYear.FirstOrDefault(i => i.Actual is not null && i.Kind is FormKind.ProjectSelfEvaluation);
                var comparator = IndicatorLibrary.Symbol(planned.Comparator);
                var unit = planned.Unit ?? done?.Unit;
                // Last year's actual is where this year's target starts; the unit raises it from there.
                var target = done?.ActualValue is { } value ? comparator + Show(value) + unit : planned.Target;
                list.Add(new Suggestion(SuggestionSource.ProjectHistory, level1, level2, planned.Name ?? name.Key, unit, comparator, target,
                    lastYear, planned.Target, done?.Actual, null, null, null, null, null, 1));
                seen.Add(name.Key);
            }
        }

        // The standards finance published for the category.
        var standards = await db.StandardIndicators.AsNoTracking()
            .Where(s => s.Level1 == level1 && s.Level2 == level2 && (text == null || s.NormalisedName.Contains(text)))
            .OrderBy(s => s.Name).Take(Most).ToListAsync(ct);
        foreach (var s in standards)
        {
            if (!seen.Add(s.NormalisedName)) continue;
            var standard = IndicatorValue.Parse(s.StandardValue);
            list.Add(new Suggestion(SuggestionSource.Standard, level1, level2, s.Name, s.Unit ?? standard.Unit, standard.Comparator.Symbol(), s.StandardValue,
                null, null, null, s.Id, s.Definition, s.Method, s.StandardValue, null, 0));
        }

        // What other projects in the caller's scope use most for the category.
        var used = await IndicatorLibrary.EntriesAsync(db, new LibraryFilter(q, level1, level2, null, null), 1, Most, ct);
        foreach (var e in used.Items)
        {
            if (e.Level1 != level1 || e.Level2 != level2 || !seen.Add(e.NormalisedName)) continue;
            list.Add(new Suggestion(SuggestionSource.Library, level1, level2, e.Name, e.Unit, "", null, null, null, null, null, null, null, null, null, e.Units));
        }

        // Peer ranges for all of them, in one look-up.
        var ranges = await IndicatorLibrary.PeerRangesAsync(db, [.. list.Select(s => FormStore.NormaliseName(s.Name)).OfType<string>().Distinct(StringComparer.Ordinal)],
            year - IndicatorLibrary.PeerYears + 1, year, actuals: false, ct);
        return list.Take(Most).Select(s => s with
        {
            Peers = PeerKey.Of(new IndicatorRow { Level1 = level1, Level2 = level2, Name = s.Name }, s.Unit) is { } key ? ranges.GetValueOrDefault(key) : null,
        }).ToList();
    }

    private static string Show(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
