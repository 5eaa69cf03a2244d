using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Jixiao.Core.Notation;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Writers.Xlsx;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

/// <summary>A standard indicator as finance writes it (page and API alike).</summary>
public sealed record StandardIndicatorRequest(
    [property: Description("一级指标"), Required, MinLength(1), MaxLength(LibraryLengths.Category)] string Level1,
    [property: Description("二级指标"), MaxLength(LibraryLengths.Category)] string? Level2,
    [property: Description("三级指标（指标名称）"), Required, MinLength(1), MaxLength(LibraryLengths.Name)] string Name,
    [property: Description("指标解释"), MaxLength(LibraryLengths.Text)] string? Definition = null,
    [property: Description("计算口径"), MaxLength(LibraryLengths.Text)] string? Method = null,
    [property: Description("标准值（如 ≥95%）"), MaxLength(LibraryLengths.Value)] string? StandardValue = null,
    [property: Description("计量单位"), MaxLength(LibraryLengths.Unit)] string? Unit = null,
    [property: Description("指标方向：Positive 正向、Reverse 反向、Equality 等于、Within 区间、Qualitative 定性；不填按标准值判断")] Direction? Direction = null) : IRequestContract;

/// <summary>A standard indicator on the wire (version 1 of the library contract).</summary>
public sealed record StandardIndicatorV1(
    int Id, int OrganisationId, string Level1, string Level2, string Name, string? Definition, string? Method, string? StandardValue,
    string? Unit, string Direction, string DirectionName, DateTimeOffset UpdatedAt, string UpdatedBy)
{
    public static StandardIndicatorV1 From(StandardIndicator s) => new(s.Id, s.OrganisationId, s.Level1, s.Level2, s.Name, s.Definition, s.Method,
        s.StandardValue, s.Unit, s.Direction.ToString(), s.Direction.ChineseName(), s.UpdatedAt, s.UpdatedBy);
}

/// <summary>What an import did: how many standards were added and how many updated (nothing happens on any error).</summary>
public sealed record StandardImportResult(int Added, int Updated);

/// <summary>
/// Finance's standard indicators: kept per curating organisation (visible to the units below it), edited one by one or
/// imported and exported as an xlsx workbook. An import is read and checked whole before anything is written: one bad
/// cell refuses the file with its row and column, and nothing of it is saved.
/// </summary>
public sealed class StandardIndicators(AppDbContext db, TimeProvider clock)
{
    public async Task<Page<StandardIndicatorV1>> List(string? q, string? level1, string? level2, int? page, int? pageSize, CancellationToken ct)
    {
        var query = db.StandardIndicators.AsNoTracking();
        if (FormStore.NormaliseName(q) is { } text) query = query.Where(s => s.NormalisedName.Contains(text));
        if (!string.IsNullOrWhiteSpace(level1)) query = query.Where(s => s.Level1 == level1);
        if (!string.IsNullOrWhiteSpace(level2)) query = query.Where(s => s.Level2 == level2);
        var found = await query.OrderBy(s => s.Level1).ThenBy(s => s.Level2).ThenBy(s => s.Name).ThenBy(s => s.Id).ToPageAsync(page, pageSize, ct);
        return found.Map(StandardIndicatorV1.From);
    }

    public async Task<Outcome<StandardIndicator>> Get(int id, CancellationToken ct) =>
        await db.StandardIndicators.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } found ? found : Refusal.NotFound("标准指标");

    /// <summary>Finance curates standards for its own organisation; the others read them.</summary>
    private static Refusal? Refuse(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有“财政审核”角色可以维护标准指标。");

    private async Task<Organisation?> Home(CurrentUser user, CancellationToken ct) =>
        await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath, ct);

    public async Task<Outcome<StandardIndicator>> Create(CurrentUser user, StandardIndicatorRequest request, CancellationToken ct)
    {
        if (Refuse(user) is { } refused) return refused;
        if (await Home(user, ct) is not { } home) return Refusal.NotFound("所属组织");
        var standard = new StandardIndicator
        {
            OrganisationId = home.Id, OrganisationPath = home.Path, Level1 = "", Name = "", NormalisedName = "", UpdatedBy = user.Actor.UserName,
        };
        if (Apply(standard, request) is { } invalid) return invalid;
        if (await Taken(standard, ct)) return Duplicate(standard);
        standard.UpdatedAt = clock.GetUtcNow();
        db.StandardIndicators.Add(standard);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, standard.UpdatedAt, "create", "standard-indicator", Id(standard), standard.OrganisationPath, "标准指标", null, Describe(standard));
        await db.SaveChangesAsync(ct);
        return standard;
    }

    public async Task<Outcome<StandardIndicator>> Update(CurrentUser user, int id, StandardIndicatorRequest request, CancellationToken ct)
    {
        var standard = await db.StandardIndicators.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null) return Refusal.NotFound("标准指标");
        if (Refuse(user) is { } refused) return refused;
        if (!standard.OrganisationPath.StartsWith(user.ScopePath, StringComparison.Ordinal))
            return Refusal.Forbidden("此标准指标由上级财政部门维护，不能在本级修改。");
        var before = Describe(standard);
        if (Apply(standard, request) is { } invalid) return invalid;
        if (await Taken(standard, ct)) return Duplicate(standard);
        standard.UpdatedAt = clock.GetUtcNow();
        standard.UpdatedBy = user.Actor.UserName;
        db.Audit(user.Actor, standard.UpdatedAt, "update", "standard-indicator", Id(standard), standard.OrganisationPath, "标准指标", before, Describe(standard));
        await db.SaveChangesAsync(ct);
        return standard;
    }

    public async Task<Outcome<StandardIndicator>> Delete(CurrentUser user, int id, CancellationToken ct)
    {
        var standard = await db.StandardIndicators.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (standard is null) return Refusal.NotFound("标准指标");
        if (Refuse(user) is { } refused) return refused;
        if (!standard.OrganisationPath.StartsWith(user.ScopePath, StringComparison.Ordinal))
            return Refusal.Forbidden("此标准指标由上级财政部门维护，不能在本级删除。");
        db.StandardIndicators.Remove(standard);
        db.Audit(user.Actor, clock.GetUtcNow(), "delete", "standard-indicator", Id(standard), standard.OrganisationPath, "标准指标", Describe(standard), null);
        await db.SaveChangesAsync(ct);
        return standard;
    }

    /// <summary>
    /// Imports a workbook (<see cref="LibraryWorkbook"/>'s columns): every row is checked first; any error refuses the
    /// whole file with where and what, in Chinese. A standard of the same category and name is updated, others added,
    /// all in one save.
    /// </summary>
    public async Task<Outcome<StandardImportResult>> Import(CurrentUser user, string fileName, byte[] content, CancellationToken ct)
    {
        if (Refuse(user) is { } refused) return refused;
        if (await Home(user, ct) is not { } home) return Refusal.NotFound("所属组织");
        LibraryWorkbook.Reading reading;
        try
        {
            reading = LibraryWorkbook.Read(content, fileName);
        }
        catch (DocumentReadException e)
        {
            return Refusal.Invalid($"“{fileName}”无法读取：{e.Message}。");
        }
        if (reading.Errors.Count > 0)
        {
            var shown = string.Join("；", reading.Errors.Take(10));
            var more = reading.Errors.Count > 10 ? $"（另有 {reading.Errors.Count - 10} 处）" : "";
            return new Refusal(RefusalKind.Invalid, "指标库文件有错误，未导入", $"“{fileName}”有 {reading.Errors.Count} 处错误，整个文件未导入：{shown}{more}",
                new Dictionary<string, object?> { ["errors"] = reading.Errors });
        }
        var existing = await db.StandardIndicators.Where(s => s.OrganisationPath == home.Path).ToListAsync(ct);
        var byKey = existing.ToDictionary(s => (s.Level1, s.Level2, s.NormalisedName));
        var now = clock.GetUtcNow();
        int added = 0, updated = 0;
        foreach (var request in reading.Rows)
        {
            var key = (request.Level1.Trim(), request.Level2?.Trim() ?? "", FormStore.NormaliseName(request.Name) ?? "");
            if (!byKey.TryGetValue(key, out var standard))
            {
                standard = new StandardIndicator { OrganisationId = home.Id, OrganisationPath = home.Path, Level1 = "", Name = "", NormalisedName = "", UpdatedBy = "" };
                db.StandardIndicators.Add(standard);
                byKey[key] = standard;
                added++;
            }
            else updated++;
            Apply(standard, request);
            standard.UpdatedAt = now;
            standard.UpdatedBy = user.Actor.UserName;
        }
        db.Audit(user.Actor, now, "import", "standard-indicator", fileName.Length > 64 ? fileName[..64] : fileName, home.Path, "标准指标", null,
            $"导入“{fileName}”：新增 {added} 个，更新 {updated} 个");
        await db.SaveChangesAsync(ct);
        return new StandardImportResult(added, updated);
    }

    /// <summary>The standards the caller sees, as the workbook an import takes back.</summary>
    public async Task<byte[]> Export(CancellationToken ct)
    {
        var all = await db.StandardIndicators.AsNoTracking().OrderBy(s => s.Level1).ThenBy(s => s.Level2).ThenBy(s => s.Name).Take(LibraryWorkbook.MostRows).ToListAsync(ct);
        return LibraryWorkbook.Write(all);
    }

    /// <summary>Sets the fields of <paramref name="request"/>; a rule the annotations cannot state is refused here.</summary>
    private static Refusal? Apply(StandardIndicator standard, StandardIndicatorRequest request)
    {
        if (LibraryWorkbook.Problem(request) is { } problem) return ContractValidation.FieldRefusal("$." + problem.Field, problem.Message);
        standard.Level1 = request.Level1.Trim();
        standard.Level2 = request.Level2?.Trim() ?? "";
        standard.Name = request.Name.Trim();
        standard.NormalisedName = FormStore.NormaliseName(request.Name)!;
        standard.Definition = Blank(request.Definition);
        standard.Method = Blank(request.Method);
        standard.StandardValue = Blank(request.StandardValue);
        var value = IndicatorValue.Parse(standard.StandardValue);
        standard.Unit = Blank(request.Unit) ?? value.Unit;
        standard.Direction = request.Direction ?? value.Direction;
        return null;
    }

    private async Task<bool> Taken(StandardIndicator s, CancellationToken ct) =>
        await db.StandardIndicators.AnyAsync(o => o.Id != s.Id && o.OrganisationPath == s.OrganisationPath && o.Level1 == s.Level1 && o.Level2 == s.Level2 && o.NormalisedName == s.NormalisedName, ct);

    private static Refusal Duplicate(StandardIndicator s) =>
        ContractValidation.FieldRefusal("$.name", $"“{s.Level1} › {s.Level2} › {s.Name}”已有标准指标，请修改已有的那一条。");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Id(StandardIndicator s) => s.Id.ToString(CultureInfo.InvariantCulture);

    private static string Describe(StandardIndicator s) => $"{s.Level1} › {s.Level2} › {s.Name}（{s.StandardValue}）";

    /// <summary>What a targets row's 指标内容 holds when it takes a standard: its definition, counting and standard value.</summary>
    public static string? ContentOf(string? definition, string? method, string? standardValue)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(definition)) parts.Add("指标解释：" + definition.Trim());
        if (!string.IsNullOrWhiteSpace(method)) parts.Add("计算口径：" + method.Trim());
        if (!string.IsNullOrWhiteSpace(standardValue)) parts.Add("标准值：" + standardValue.Trim());
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }
}
