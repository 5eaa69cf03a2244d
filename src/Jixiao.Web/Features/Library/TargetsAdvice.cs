using Jixiao.Core.Checks;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Core.Rulebooks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

/// <summary>
/// What the stored history says about a targets form: last year's self-evaluations of the same unit (the editor's hints
/// of last year's actual) and the peer ranges of the form's indicators
/// (target-outside-peer-range, <see cref="PeerRanges"/>). Loaded once per editor and per save; the editor extends the
/// ranges when a row gets a name it has not looked up yet.
/// </summary>
public sealed class TargetsAdvice
{
    /// <summary>The name the history forms go by in findings ("…中的2020年项目支出绩效自评表").</summary>
    public const string HistoryDocument = "本单位已保存的表单";

    private readonly IReadOnlyList<DocumentForm> history;
    private readonly Dictionary<PeerKey, PeerRange> ranges = new();
    private readonly HashSet<string> looked = new(StringComparer.Ordinal);

    public int Year { get; }

    private TargetsAdvice(int year, IReadOnlyList<DocumentForm> history)
    {
        Year = year;
        this.history = history;
    }

    /// <summary>The peer-range findings every save of a targets form adds.</summary>
    public static async Task<IReadOnlyList<Finding>> FindingsAsync(AppDbContext db, int year, PerformanceForm form, Rulebook rulebook, CancellationToken ct)
    {
        if (form.Kind != FormKind.Targets) return [];
        // Only the peer ranges count here; last year's forms give the editor's hints, not findings (see Findings).
        var advice = new TargetsAdvice(year, []);
        await advice.ExtendAsync(db, form, ct);
        return advice.Findings(form, rulebook);
    }

    /// <summary>The unit's current self-evaluations of the year before (the history target-below-last-actual compares with).</summary>
    public static async Task<TargetsAdvice> LoadAsync(AppDbContext db, int organisationId, int year, CancellationToken ct)
    {
        var last = await db.Forms.AsNoTracking()
            .Where(f => f.OrganisationId == organisationId && f.FiscalYear!.Year == year - 1 && f.Kind == FormKind.ProjectSelfEvaluation && f.SupersededById == null)
            .OrderBy(f => f.Id).Take(500).ToListAsync(ct);
        return new TargetsAdvice(year, [.. last.Select(r => new DocumentForm(HistoryDocument, FormRows.ToForm(r)))]);
    }

    /// <summary>Whether every named row's peer range has been looked up.</summary>
    public bool Knows(PerformanceForm form) => form.Indicators.All(r => FormStore.NormaliseName(r.Name) is not { } n || looked.Contains(n));

    /// <summary>Looks up the peer ranges of the rows' names not looked up yet.</summary>
    public async Task ExtendAsync(AppDbContext db, PerformanceForm form, CancellationToken ct)
    {
        var names = form.Indicators.Select(r => PeerKey.Of(r, null)?.NormalisedName).OfType<string>().Where(n => !looked.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return;
        foreach (var (key, range) in await IndicatorLibrary.PeerRangesAsync(db, names, Year - IndicatorLibrary.PeerYears + 1, Year, actuals: false, ct)) ranges[key] = range;
        looked.UnionWith(names);
    }

    /// <summary>The peer range of a row's indicator in the unit its target is written in, if at least five units set one.</summary>
    public PeerRange? RangeOf(IndicatorRow row)
    {
        var unit = IndicatorValue.Parse(row.Target).Unit;
        return PeerKey.Of(row, unit) is { } key ? ranges.GetValueOrDefault(key) : null;
    }

    /// <summary>Any peer range of the row's indicator (for a hint before a target is written).</summary>
    public PeerRange? AnyRangeOf(IndicatorRow row) =>
        PeerKey.Of(row, null) is { } key ? ranges.Where(r => r.Key with { Unit = null } == key).Select(r => r.Value).FirstOrDefault() : null;

    /// <summary>
    /// The peer-range findings of a targets form. Target-below-last-actual comes from the cross-form checks every save and
    /// the editor already run against the project's earlier years (FormRelations); the history here only gives hints.
    /// </summary>
    public IReadOnlyList<Finding> Findings(PerformanceForm form, Rulebook rulebook) =>
        form.Kind != FormKind.Targets ? [] : PeerRanges.Check(form, RangeOf, rulebook);

    /// <summary>Last year's actual of the same project's indicator, if the unit reported one (the editor's hint).</summary>
    public (int Year, string Actual)? LastActual(PerformanceForm form, IndicatorRow row)
    {
        var key = Core.Checks.History.ProjectIdentity.IndicatorKey(row);
        var project = Core.Checks.History.ProjectIdentity.Keys.Of(form);
        foreach (var last in history)
        {
            if (Core.Checks.History.ProjectIdentity.SameProject(project, Core.Checks.History.ProjectIdentity.Keys.Of(last.Form)) is null) continue;
            var match = last.Form.Indicators.FirstOrDefault(r => Core.Checks.History.ProjectIdentity.IndicatorKey(r) == key && !string.IsNullOrWhiteSpace(r.Actual));
            if (match is not null) return (last.Form.Year ?? Year - 1, match.Actual!);
        }
        return null;
    }
}
