using System.Globalization;
using System.Security.Cryptography;
using Jixiao.Core.Forms;
using Jixiao.Core.Scoring;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.SpotChecks;

/// <summary>
/// Spot checks (抽查复核): finance draws a sample of the submitted self-evaluations in its subtree (<see cref="SpotCheckSampling"/>),
/// records it with its seed, and re-scores each sampled form row by row beside the unit's stated scores. The re-check is
/// kept on the sample entry, never on the unit's form; the differences make each unit's credibility.
/// </summary>
public sealed class SpotCheckService(AppDbContext db, TimeProvider clock)
{
    /// <summary>The states a self-evaluation is in once the unit has handed it in.</summary>
    public static readonly FormStatus[] Submitted = [FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.FinanceApproved, FormStatus.Published];

    private static Refusal? MayCheck(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以抽取样本和复核评分。");

    public async Task<Outcome<SpotCheck>> Draw(CurrentUser user, DrawSpotCheckRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var root = request.OrganisationId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct)
            : await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath, ct);
        if (root is null) return Refusal.NotFound("组织");
        if (MayCheck(user) is { } forbidden) return forbidden;
        if (!Enum.IsDefined(request.Method)) return ContractValidation.FieldRefusal("$.method", "未知的抽取方法，应为 Random、Risk 或 Rule。");
        if ((request.SampleSize is null) == (request.Rate is null))
            return ContractValidation.FieldRefusal("$.sampleSize", "请填写样本量或抽取比例，二者只填一个。");
        var grade = string.IsNullOrWhiteSpace(request.Grade) ? null : request.Grade.Trim();
        if (request.Method == SpotCheckMethod.Rule && grade is null && !request.WithFindings)
            return ContractValidation.FieldRefusal("$.grade", "按规则抽取须指定自评等级、或只抽有错误或警告的表，或二者都指定。");
        if (request.Method != SpotCheckMethod.Rule && (grade is not null || request.WithFindings))
            return ContractValidation.FieldRefusal("$.method", "自评等级和“有错误或警告”只用于按规则抽取（Rule）。");

        var population = db.FormFacts.AsNoTracking()
            .Where(f => f.Year == request.Year && f.IsCurrent && f.Scored && Submitted.Contains(f.Status) && f.OrganisationPath.StartsWith(root.Path));
        if (grade is not null) population = population.Where(f => f.StatedGrade == grade);
        if (request.WithFindings) population = population.Where(f => f.Errors + f.Warnings > 0);
        var candidates = await population.OrderBy(f => f.FormId)
            .Select(f => new { f.FormId, f.Risk, f.OrganisationId, f.OrganisationPath, f.UnitName, f.ProjectName, f.Title, f.StatedTotal, f.StatedGrade })
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return Refusal.Invalid($"“{root.Name}”范围内没有符合条件的 {request.Year} 年度已提交自评表，无法抽取。");

        var size = request.SampleSize is { } n ? Math.Min(n, candidates.Count) : SpotCheckSampling.SizeOf(request.Rate!.Value, candidates.Count);
        var seed = request.Seed ?? RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var drawn = SpotCheckSampling.Draw(candidates.Select(c => new SpotCheckSampling.Candidate(c.FormId, c.Risk)), size, seed,
            weighted: request.Method == SpotCheckMethod.Risk);
        var byId = candidates.ToDictionary(c => c.FormId);
        var now = clock.GetUtcNow();
        var check = new SpotCheck
        {
            OrganisationId = root.Id,
            OrganisationPath = root.Path,
            OrganisationName = root.Name,
            Year = request.Year,
            Method = request.Method,
            Seed = seed,
            SampleSize = request.SampleSize,
            Rate = request.Rate,
            RuleGrade = grade,
            RuleWithFindings = request.WithFindings,
            Population = candidates.Count,
            DrawnAt = now,
            DrawnBy = user.Actor.UserName,
        };
        var position = 0;
        foreach (var formId in drawn)
        {
            var c = byId[formId];
            check.Entries.Add(new SpotCheckEntry
            {
                Position = ++position, FormId = formId, OrganisationId = c.OrganisationId, OrganisationPath = c.OrganisationPath, UnitName = c.UnitName,
                ProjectName = c.ProjectName ?? c.Title, Risk = c.Risk, StatedTotal = c.StatedTotal, StatedGrade = c.StatedGrade,
            });
        }
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, now, "draw", "spot-check", check.Id.ToString(CultureInfo.InvariantCulture), root.Path, "抽查样本", null,
            $"{SpotCheckText.Describe(check)}，抽中 {check.Entries.Count} 张：表单 {string.Join("、", drawn)}");
        await db.SaveChangesAsync(ct);
        return check;
    }

    public async Task<Page<SpotCheckDto>> List(int? year, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.SpotChecks.AsNoTracking();
        if (year is { } y) query = query.Where(s => s.Year == y);
        // Counted through the entries' own filter: a department sees the part of a sample that lies in its subtree.
        var result = await query.OrderByDescending(s => s.Id)
            .Select(s => new
            {
                Check = s,
                Drawn = db.SpotCheckEntries.Count(e => e.SpotCheckId == s.Id),
                Rechecked = db.SpotCheckEntries.Count(e => e.SpotCheckId == s.Id && e.RecheckedAt != null),
            })
            .ToPageAsync(page, pageSize, ct);
        return result.Map(r => SpotCheckDto.From(r.Check, r.Drawn, r.Rechecked));
    }

    public async Task<Outcome<(SpotCheck Check, List<SpotCheckEntry> Entries)>> Get(int id, CancellationToken ct)
    {
        var check = await db.SpotChecks.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (check is null) return Refusal.NotFound("抽查");
        var entries = await db.SpotCheckEntries.AsNoTracking().Where(e => e.SpotCheckId == id).OrderBy(e => e.Position).ToListAsync(ct);
        return (check, entries);
    }

    /// <summary>The re-check sheet of one sampled form: per row the unit's score, the rules' score and the 复核 score.</summary>
    public async Task<Outcome<RecheckSheetDto>> Sheet(int id, int entryId, CancellationToken ct)
    {
        var entry = await db.SpotCheckEntries.AsNoTracking().Include(e => e.Scores).SingleOrDefaultAsync(e => e.Id == entryId && e.SpotCheckId == id, ct);
        if (entry is null) return Refusal.NotFound("抽查样本");
        var record = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == entry.FormId, ct);
        if (record is null) return Refusal.NotFound("表单");
        var form = FormRows.ToForm(record);
        var rows = Rows(form).Select(r =>
            r with { Rechecked = entry.Scores.FirstOrDefault(s => s.Position == r.Position)?.Rechecked }).ToList();
        return new RecheckSheetDto(EntryDto.From(entry), rows, form.StatedTotal, Scorer.Score(form, Forms.FormService.RulebookFor(form)).Total.Value, entry.RecheckedTotal);
    }

    /// <summary>The rows a re-check scores: the budget execution row (0) where the form scores one, then every indicator row.</summary>
    private static List<RecheckRowDto> Rows(PerformanceForm form)
    {
        var score = Scorer.Score(form, Forms.FormService.RulebookFor(form));
        var rows = new List<RecheckRowDto>();
        if (score.Execution.Weight is not null)
        {
            var total = form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total);
            rows.Add(new RecheckRowDto(0, "预算执行率", score.Execution.Weight, total?.StatedScore, score.Execution.Score, null));
        }
        foreach (var row in score.Rows)
            rows.Add(new RecheckRowDto(row.Index + 1, string.Join(" / ", new[] { row.Row.Level1, row.Row.Level2, row.Row.Name }.Where(s => !string.IsNullOrWhiteSpace(s))),
                row.Weight, row.Row.StatedScore, row.Expected, null));
        return rows;
    }

    public async Task<Outcome<SpotCheckEntry>> Recheck(CurrentUser user, int id, int entryId, RecheckRequest request, CancellationToken ct)
    {
        var entry = await db.SpotCheckEntries.Include(e => e.Scores).SingleOrDefaultAsync(e => e.Id == entryId && e.SpotCheckId == id, ct);
        if (entry is null) return Refusal.NotFound("抽查样本");
        if (MayCheck(user) is { } forbidden) return forbidden;
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var record = await db.Forms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == entry.FormId, ct);
        if (record is null) return Refusal.NotFound("表单");
        var form = FormRows.ToForm(record);
        var rulebook = Forms.FormService.RulebookFor(form);
        var rows = Rows(form);
        var given = new Dictionary<int, decimal>();
        for (var i = 0; i < request.Scores.Count; i++)
        {
            var s = request.Scores[i];
            var row = rows.FirstOrDefault(r => r.Position == s.Position);
            if (row is null) return ContractValidation.FieldRefusal($"$.scores[{i}].position", $"表中没有第 {s.Position} 行（0 为预算执行率，指标行从 1 起）。");
            if (!given.TryAdd(s.Position, rulebook.Round(s.Score))) return ContractValidation.FieldRefusal($"$.scores[{i}].position", $"第 {s.Position} 行给了两次复核得分。");
            if (row.Weight is { } w && s.Score > w)
                return ContractValidation.FieldRefusal($"$.scores[{i}].score", $"“{row.Name}”的复核得分 {Show(s.Score)} 超过该行分值 {Show(w)}。");
        }
        if (rows.FirstOrDefault(r => !given.ContainsKey(r.Position)) is { } missing)
            return ContractValidation.FieldRefusal("$.scores", $"“{missing.Name}”（第 {missing.Position} 行）还没有复核得分；每一行都要复核。");

        var now = clock.GetUtcNow();
        var before = entry.RecheckedTotal;
        entry.Scores.Clear();
        foreach (var row in rows)
            entry.Scores.Add(new SpotCheckScore
            {
                Position = row.Position, OrganisationPath = entry.OrganisationPath, Name = Cut(row.Name, 200), Weight = row.Weight, Stated = row.Stated,
                Rechecked = given[row.Position],
            });
        var total = rulebook.Round(given.Values.Sum());
        entry.RecheckedTotal = total;
        entry.RecheckedGrade = rulebook.GradeFor(total).Grade;
        entry.RowsChecked = rows.Count;
        entry.RowsChanged = entry.Scores.Count(s => s.Rechecked != (s.Stated ?? 0m));
        entry.PointsChanged = entry.Scores.Sum(s => Math.Abs(s.Rechecked - (s.Stated ?? 0m)));
        // A row without a stated weight is worth what the larger of the two scores says.
        entry.PointsChecked = entry.Scores.Sum(s => s.Weight ?? Math.Max(s.Rechecked, s.Stated ?? 0m));
        entry.Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        entry.RecheckedAt = now;
        entry.RecheckedBy = user.Actor.UserName;
        db.Audit(user.Actor, now, "recheck", "spot-check", id.ToString(CultureInfo.InvariantCulture), entry.OrganisationPath, $"表单 {entry.FormId} 复核总分",
            before is { } b ? Show(b) : null, $"{Show(total)}（{entry.RecheckedGrade}），{entry.RowsChanged}/{entry.RowsChecked} 行与自评不同");
        await db.SaveChangesAsync(ct);
        return entry;
    }

    /// <summary>Each unit's credibility from its re-checked forms in the caller's subtree (<see cref="CredibilityDto"/>), least credible first.</summary>
    public async Task<IReadOnlyList<CredibilityDto>> Credibility(int? year, string? underPath, CancellationToken ct)
    {
        var query = db.SpotCheckEntries.AsNoTracking().Where(e => e.RecheckedAt != null);
        if (year is { } y) query = query.Where(e => e.SpotCheck!.Year == y);
        if (underPath is not null) query = query.Where(e => e.OrganisationPath.StartsWith(underPath));
        // Samples are small; SQLite cannot sum decimals, so the sums are taken here.
        var entries = await query.Select(e => new { e.OrganisationId, e.UnitName, e.FormId, e.RowsChecked, e.RowsChanged, e.PointsChecked, e.PointsChanged })
            .ToListAsync(ct);
        return entries.GroupBy(e => e.OrganisationId).Select(g =>
            {
                var checkedPoints = g.Sum(e => e.PointsChecked);
                var changed = g.Sum(e => e.PointsChanged);
                var share = checkedPoints > 0m ? Math.Min(1m, Math.Round(changed / checkedPoints, 4, MidpointRounding.AwayFromZero)) : 0m;
                return new CredibilityDto(g.Key, g.First().UnitName, g.Select(e => e.FormId).Distinct().Count(), g.Sum(e => e.RowsChecked), g.Sum(e => e.RowsChanged),
                    checkedPoints, changed, share, 1m - share);
            })
            .OrderBy(c => c.Credibility).ThenBy(c => c.UnitName, StringComparer.Ordinal).ToList();
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Show(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
