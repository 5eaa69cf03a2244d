using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Core.Scoring;
using Jixiao.Core.Templates;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;
using Choices = Jixiao.Data.Forms.RulebookChoices;

namespace Jixiao.Web.Features.ScoringRules;

/// <summary>
/// Which rulebook and template set apply to <see cref="OrganisationId"/>'s subtree in <see cref="Year"/>.
/// <see cref="TemplateRegion"/> is "*" for the national templates or a region a template names (湖南, 四川 …).
/// </summary>
public sealed record ChooseRulebookRequest(
    [property: Description("组织 ID（其下级同样适用，已另行选择的下级除外）")] int OrganisationId,
    [property: Description("年度"), Range(2000, 2100)] int Year,
    [property: Description("计分规则（如 national-2020、hunan-2020）"), Required, MaxLength(100)] string RulebookId,
    [property: Description("模板：* 为全国通用模板，或模板所属地区（如 湖南）"), MaxLength(50)] string? TemplateRegion = null) : IRequestContract;

public sealed record RulebookDto(string Id, string Label, int Year);

public sealed record RulebookOptionsDto(IReadOnlyList<RulebookDto> Rulebooks, IReadOnlyList<string> TemplateRegions);

public sealed record RulebookChoiceDto(
    int Id, int OrganisationId, string OrganisationName, int Year, string RulebookId, string RulebookLabel, string TemplateRegion,
    DateTimeOffset ChosenAt, string ChosenBy, int Rescored, int PublishedKept)
{
    public static RulebookChoiceDto From(RulebookChoice c) => new(c.Id, c.OrganisationId, c.OrganisationName, c.Year, c.RulebookId,
        Choices.RulebookOf(c).Label, c.TemplateRegion, c.ChosenAt, c.ChosenByName, c.Rescored, c.PublishedKept);
}

/// <summary>
/// What a choice does to one form: <see cref="Rescored"/> forms get the new score; published ones keep theirs and the
/// new one is recorded beside it as the difference.
/// </summary>
public sealed record RescoreRowDto(
    int FormId, string? UnitName, string? ProjectName, string Kind, string KindName, string Status, string StatusName, string OldRulebookId,
    decimal? OldTotal, string? OldGrade, decimal? NewTotal, string? NewGrade, decimal? Difference, bool Changed, bool Rescored);

/// <summary>The preview (or the result) of a choice: how many forms it reaches, re-scores, changes, and the forms that change first.</summary>
public sealed record RescorePreviewDto(
    int OrganisationId, string OrganisationName, int Year, string RulebookId, string RulebookLabel, string TemplateRegion,
    int Forms, int Rescored, int PublishedKept, int Changed, int GradeChanged, Page<RescoreRowDto> Rows);

/// <summary>
/// Finance chooses the rulebook and template set of a subtree and a year. <see cref="Preview"/> scores every form the
/// choice reaches by the new rulebook without saving; <see cref="Choose"/> records the choice (append-only) and, in one
/// transaction, re-scores drafts and submitted forms through <see cref="FormStore"/> while published forms keep their
/// published score with the new one stored beside it. A subtree with its own choice for the year is not reached.
/// </summary>
public sealed class RulebookChoiceService(AppDbContext db, FormCheck check, TimeProvider clock)
{
    /// <summary>Forms are read and re-scored this many at a time, so a province's year never sits in memory at once.</summary>
    private const int Batch = 200;

    private static Refusal? MayChoose(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以选择计分规则和模板。");

    public static RulebookOptionsDto Options() => new(
        Rulebooks.Names.Select(n => Rulebooks.BuiltIn(n)).Select(r => new RulebookDto(r.Name, r.Label, r.Year)).ToList(),
        TemplateRegistry.Current.Regions);

    /// <summary>The choices in the caller's view (its subtree's and those above it), newest first.</summary>
    public async Task<Page<RulebookChoiceDto>> List(int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.RulebookChoices.AsNoTracking();
        if (year is { } y) query = query.Where(c => c.Year == y);
        return (await query.OrderByDescending(c => c.Id).ToPageAsync(page, pageSize, ct)).Map(RulebookChoiceDto.From);
    }

    private sealed record Checked(Organisation Organisation, Rulebook Rulebook, string Region);

    private async Task<Outcome<Checked>> Validate(CurrentUser user, ChooseRulebookRequest request, CancellationToken ct)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return Refusal.NotFound("组织");
        if (MayChoose(user) is { } forbidden) return forbidden;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        if (!Rulebooks.Names.Contains(request.RulebookId.Trim(), StringComparer.Ordinal))
            return Refusal.Invalid($"没有名为“{request.RulebookId}”的计分规则，可选：{string.Join("、", Rulebooks.Names)}。");
        var region = string.IsNullOrWhiteSpace(request.TemplateRegion) ? Choices.NationalTemplates : request.TemplateRegion.Trim();
        var regions = TemplateRegistry.Current.Regions;
        if (!regions.Contains(region, StringComparer.Ordinal))
            return Refusal.Invalid($"没有“{region}”的模板，可选：{string.Join("、", regions)}（* 为全国通用模板）。");
        var year = await db.FiscalYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == request.Year, ct);
        if (year is { Closed: true }) return Refusal.WrongState($"{request.Year} 年度已关闭，不能更改计分规则。");
        return new Checked(organisation, Rulebooks.BuiltIn(request.RulebookId.Trim()), region);
    }

    /// <summary>
    /// The current forms of the subtree and year the choice reaches: not those under a lower organisation with its own
    /// choice for the year (its choice stays in force there), scored kinds only.
    /// </summary>
    private async Task<IQueryable<FormFact>> Reached(Organisation organisation, int year, CancellationToken ct)
    {
        var lower = await db.RulebookChoices.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.Year == year && c.OrganisationPath.StartsWith(organisation.Path) && c.OrganisationPath != organisation.Path)
            .Select(c => c.OrganisationPath).Distinct().ToListAsync(ct);
        var facts = db.FormFacts.Where(f => f.Year == year && f.IsCurrent && f.Scored && f.OrganisationPath.StartsWith(organisation.Path));
        foreach (var path in lower) facts = facts.Where(f => !f.OrganisationPath.StartsWith(path));
        return facts;
    }

    private static RescoreRowDto Row(FormFact fact, FormScore score)
    {
        var changed = fact.ComputedTotal != score.Total.Value || fact.ComputedGrade != score.Grade.Grade;
        return new RescoreRowDto(fact.FormId, fact.UnitName, fact.ProjectName, fact.Kind.Code(), fact.Kind.ChineseName(), fact.Status.ToString(), fact.Status.ChineseName(),
            fact.RulebookId, fact.ComputedTotal, fact.ComputedGrade, score.Total.Value, score.Grade.Grade,
            fact.ComputedTotal is { } old ? score.Total.Value - old : null, changed, fact.Status != FormStatus.Published);
    }

    /// <summary>What the choice would do to every form it reaches, without saving anything; rows that change first.</summary>
    public async Task<Outcome<RescorePreviewDto>> Preview(CurrentUser user, ChooseRulebookRequest request, int? page, int? pageSize, CancellationToken ct)
    {
        var valid = await Validate(user, request, ct);
        if (valid.Refusal is { } refusal) return refusal;
        var (organisation, rulebook, region) = valid.Value!;
        var reached = await Reached(organisation, request.Year, ct);
        var rows = new List<RescoreRowDto>();
        var lastId = 0;
        while (true)
        {
            var batch = await (from f in reached.AsNoTracking()
                               join r in db.Forms.AsNoTracking() on f.FormId equals r.Id
                               where f.FormId > lastId
                               orderby f.FormId
                               select new { Fact = f, r.Body, r.SchemaVersion }).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) break;
            lastId = batch[^1].Fact.FormId;
            foreach (var b in batch.Where(b => b.Body is not null))
                rows.Add(Row(b.Fact, Scorer.Score(FormBody.Read(b.Body!, b.SchemaVersion), rulebook)));
        }
        var size = Math.Clamp(pageSize ?? 50, 1, Paging.MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var ordered = rows.OrderByDescending(r => r.Changed).ThenByDescending(r => Math.Abs(r.Difference ?? 0m)).ThenBy(r => r.FormId).ToList();
        return new RescorePreviewDto(organisation.Id, organisation.Name, request.Year, rulebook.Name, rulebook.Label, region,
            rows.Count, rows.Count(r => r.Rescored), rows.Count(r => !r.Rescored), rows.Count(r => r.Changed), rows.Count(r => r.OldGrade != r.NewGrade),
            new Page<RescoreRowDto>(ordered.Skip((number - 1) * size).Take(size).ToList(), number, size, rows.Count));
    }

    /// <summary>
    /// Records the choice and applies it: drafts, returned, submitted and approved forms are re-checked and re-scored by
    /// the new rulebook through the one write path; published forms keep their published score and get the new one
    /// beside it. All or nothing: one transaction, run again whole if it was a deadlock's victim (<see cref="WholeRetry"/>).
    /// </summary>
    public Task<Outcome<RulebookChoiceDto>> Choose(CurrentUser user, ChooseRulebookRequest request, CancellationToken ct) =>
        db.RetryWholeAsync(token => ChooseOnce(user, request, token), ct);

    private async Task<Outcome<RulebookChoiceDto>> ChooseOnce(CurrentUser user, ChooseRulebookRequest request, CancellationToken ct)
    {
        var valid = await Validate(user, request, ct);
        if (valid.Refusal is { } refusal) return refusal;
        var (organisation, rulebook, region) = valid.Value!;
        var now = clock.GetUtcNow();
        var before = Choices.RulebookOf(await Choices.InForceAsync(db, organisation.Path, request.Year, ct));
        var reached = await Reached(organisation, request.Year, ct);
        var ids = await reached.OrderBy(f => f.FormId).Select(f => f.FormId).ToListAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int rescored = 0, kept = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            db.ChangeTracker.Clear();
            foreach (var id in chunk)
            {
                var record = await FormStore.LoadForWriteAsync(db, id, ct);
                if (record?.Fact is not { } fact || record.Body is null) continue;
                var form = FormRows.ToForm(record);
                var (oldTotal, oldGrade) = (fact.ComputedTotal, fact.ComputedGrade);
                if (record.Status == FormStatus.Published)
                {
                    FormStore.RecordRescore(fact, form, rulebook, now);
                    kept++;
                    if (fact.RescoredTotal is { } t)
                        db.Audit(user.Actor, now, "rescore", "form", Id(id), record.Organisation!.Path, "总分（已公开，保留）",
                            $"{Show(oldTotal)} {oldGrade}（{fact.RulebookId}）", $"按 {rulebook.Name} 为 {Show(t)} {fact.RescoredGrade}");
                    continue;
                }
                FormStore.Write(record, form, check(form, rulebook), rulebook, await FormStore.PlaceAsync(db, record.Organisation!, ct), now);
                rescored++;
                if (fact.ComputedTotal != oldTotal || fact.ComputedGrade != oldGrade)
                    db.Audit(user.Actor, now, "rescore", "form", Id(id), record.Organisation!.Path, "总分",
                        $"{Show(oldTotal)} {oldGrade}", $"{Show(fact.ComputedTotal)} {fact.ComputedGrade}（{rulebook.Name}）");
            }
            await db.SaveChangesAsync(ct);
        }
        db.ChangeTracker.Clear();
        var choice = new RulebookChoice
        {
            OrganisationId = organisation.Id,
            OrganisationPath = organisation.Path,
            OrganisationName = organisation.Name,
            Year = request.Year,
            RulebookId = rulebook.Name,
            TemplateRegion = region,
            ChosenAt = now,
            ChosenById = user.Id,
            ChosenByName = user.Actor.UserName,
            Rescored = rescored,
            PublishedKept = kept,
        };
        db.RulebookChoices.Add(choice);
        await Choices.MarkYearAsync(db, request.Year, ct);
        db.Audit(user.Actor, now, "rulebook-choice", "organisation", Id(organisation.Id), organisation.Path, $"{request.Year} 年度计分规则与模板",
            before.Label, $"{rulebook.Label}，模板 {region}；重新计分 {rescored} 张，已公开保留 {kept} 张");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return RulebookChoiceDto.From(choice);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Show(decimal? d) => d?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—";
}
