using System.Security.Claims;
using Jixiao.Core.Checks.History;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Library;

/// <summary>A peer range on the wire: shown only where at least five distinct units contribute.</summary>
public sealed record PeerRangeV1(string? Unit, decimal Min, decimal Median, decimal Max, int Units, int Values)
{
    public static PeerRangeV1 From(PeerRange r) => new(r.Unit, r.Min, r.Median, r.Max, r.Units, r.Values);
}

/// <summary>One indicator of the library (version 1): how often and by how many units it is used, and its peers' targets by unit of measure.</summary>
public sealed record LibraryEntryV1(
    string Level1, string Level2, string NormalisedName, string Name, int Forms, int Units, int FirstYear, int LastYear, string? Unit,
    IReadOnlyList<PeerRangeV1> PeerTargets);

public sealed record IndicatorHistoryV1(int OrganisationId, string? UnitName, string? ProjectName, int Year, string? Target, decimal? TargetValue, string? Actual, decimal? ActualValue, string? Unit)
{
    public static IndicatorHistoryV1 From(HistoryRow r) => new(r.OrganisationId, r.UnitName, r.ProjectName, r.Year, r.Target, r.TargetValue, r.Actual, r.ActualValue, r.Unit);
}

/// <summary>The peers of one indicator: targets and actuals by unit of measure (only groups of at least five units).</summary>
public sealed record IndicatorPeersV1(string Level1, string Level2, string NormalisedName, int FromYear, int ToYear, int MinimumUnits,
    IReadOnlyList<PeerRangeV1> Targets, IReadOnlyList<PeerRangeV1> Actuals);

public sealed record SuggestionV1(
    string Source, string SourceName, string Level1, string Level2, string Name, string? Unit, string Comparator, string? Target,
    int? LastYear, string? LastTarget, string? LastActual, int? StandardId, string? Definition, string? Method, string? StandardValue,
    string? Content, PeerRangeV1? PeerTargets, string Hint)
{
    public static SuggestionV1 From(Suggestion s) => new(s.Source.ToString(), s.SourceName, s.Level1, s.Level2, s.Name, s.Unit, s.Comparator, s.Target,
        s.LastYear, s.LastTarget, s.LastActual, s.StandardId, s.Definition, s.Method, s.StandardValue, s.Content,
        s.Peers is { } p ? PeerRangeV1.From(p) : null, s.Hint);
}

public static class LibraryEndpoints
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        var library = api.MapGroup("/library").WithTags("指标库");
        library.MapGet("/indicators", Indicators)
            .WithSummary("指标库：历年用过的指标，按一级、二级指标和规范化名称归并（管辖范围内，分页；可按名称、类别、年度、表单类型筛选），附同类单位目标区间（至少 5 个单位时才给出）");
        library.MapGet("/indicators/history", History).WithSummary("一个指标在各项目各年度的目标值和实际完成值（管辖范围内，分页）");
        library.MapGet("/indicators/peers", Peers).WithSummary("一个指标在全省同类单位中的目标值和完成值区间（最低、中位数、最高；少于 5 个单位的不给出）");
        library.MapGet("/suggestions", Suggest).WithSummary("设定绩效目标时的建议指标：本项目历史、标准指标、指标库常用指标（按一级、二级指标匹配）");

        var standards = library.MapGroup("/standards");
        standards.MapGet("/", async (string? q, string? level1, string? level2, int? page, int? pageSize, StandardIndicators service, CancellationToken ct) =>
            TypedResults.Ok(await service.List(q, level1, level2, page, pageSize, ct))).WithSummary("标准指标列表（分页）");
        standards.MapGet("/{id:int}", async (int id, StandardIndicators service, CancellationToken ct) =>
            (await service.Get(id, ct)).ToHttp(s => TypedResults.Ok(StandardIndicatorV1.From(s)))).WithSummary("读取标准指标");
        standards.MapPost("/", async (StandardIndicatorRequest request, ClaimsPrincipal user, StandardIndicators service, CancellationToken ct) =>
            (await service.Create(CurrentUser.Require(user), request, ct)).ToHttp(s => TypedResults.Created($"/api/v1/library/standards/{s.Id}", StandardIndicatorV1.From(s))))
            .WithSummary("新建标准指标（财政审核）");
        standards.MapPut("/{id:int}", async (int id, StandardIndicatorRequest request, ClaimsPrincipal user, StandardIndicators service, CancellationToken ct) =>
            (await service.Update(CurrentUser.Require(user), id, request, ct)).ToHttp(s => TypedResults.Ok(StandardIndicatorV1.From(s))))
            .WithSummary("修改标准指标（财政审核，本级维护的）");
        standards.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, StandardIndicators service, CancellationToken ct) =>
            (await service.Delete(CurrentUser.Require(user), id, ct)).ToHttp(_ => TypedResults.NoContent()))
            .WithSummary("删除标准指标（财政审核，本级维护的）");
        standards.MapPost("/import", Import)
            .WithSummary("导入标准指标（multipart/form-data：file，一个 .xlsx；上传限制同其他上传；有任何错误整个文件不导入，并按行列说明）");
        standards.MapGet("/export", async (StandardIndicators service, CancellationToken ct) =>
            TypedResults.File(await service.Export(ct), XlsxType, "标准指标.xlsx")).WithSummary("导出标准指标（.xlsx，可修改后再导入）");
    }

    private static async Task<IResult> Indicators(AppDbContext db, string? q, string? level1, string? level2, int? year, string? kind, int? page, int? pageSize, CancellationToken ct)
    {
        FormKind? k = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (FormKinds.FromCode(kind) is not { } parsed) return Refusal.Invalid($"未知的表单类型“{kind}”。").ToHttp();
            k = parsed;
        }
        if (year is < 2000 or > 2100) return Refusal.Invalid($"年度 {year} 超出范围（2000–2100）。").ToHttp();
        var entries = await IndicatorLibrary.EntriesAsync(db, new LibraryFilter(q, level1, level2, year, k), page, pageSize, ct);
        var (from, to) = year is { } y ? (y - IndicatorLibrary.PeerYears + 1, y) : (2000, 2100);
        var ranges = await IndicatorLibrary.PeerRangesAsync(db, [.. entries.Items.Select(e => e.NormalisedName).Distinct(StringComparer.Ordinal)], from, to, actuals: false, ct);
        return TypedResults.Ok(entries.Map(e => new LibraryEntryV1(e.Level1, e.Level2, e.NormalisedName, e.Name, e.Forms, e.Units, e.FirstYear, e.LastYear, e.Unit,
            [.. ranges.Where(r => r.Key.Level1 == e.Level1 && r.Key.Level2 == e.Level2 && r.Key.NormalisedName == e.NormalisedName).Select(r => PeerRangeV1.From(r.Value))])));
    }

    private static (string Level1, string Level2, string Name)? Key(string? level1, string? level2, string? name) =>
        string.IsNullOrWhiteSpace(level1) || FormStore.NormaliseName(name) is not { } normalised ? null : (level1.Trim(), level2?.Trim() ?? "", normalised);

    private static async Task<IResult> History(AppDbContext db, string? level1, string? level2, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        if (Key(level1, level2, name) is not { } key) return Refusal.Invalid("请给出一级指标（level1）和指标名称（name）；二级指标（level2）没有时可不填。").ToHttp();
        var rows = await IndicatorLibrary.HistoryAsync(db, key.Level1, key.Level2, key.Name, page, pageSize, ct);
        return TypedResults.Ok(rows.Map(IndicatorHistoryV1.From));
    }

    private static async Task<IResult> Peers(AppDbContext db, string? level1, string? level2, string? name, int? year, CancellationToken ct)
    {
        if (Key(level1, level2, name) is not { } key) return Refusal.Invalid("请给出一级指标（level1）和指标名称（name）；二级指标（level2）没有时可不填。").ToHttp();
        if (year is < 2000 or > 2100) return Refusal.Invalid($"年度 {year} 超出范围（2000–2100）。").ToHttp();
        var (from, to) = year is { } y ? (y - IndicatorLibrary.PeerYears + 1, y) : (2000, 2100);
        List<PeerRangeV1> Of(Dictionary<PeerKey, PeerRange> ranges) =>
            [.. ranges.Where(r => r.Key.Level1 == key.Level1 && r.Key.Level2 == key.Level2).Select(r => PeerRangeV1.From(r.Value))];
        var targets = await IndicatorLibrary.PeerRangesAsync(db, [key.Name], from, to, actuals: false, ct);
        var actuals = await IndicatorLibrary.PeerRangesAsync(db, [key.Name], from, to, actuals: true, ct);
        return TypedResults.Ok(new IndicatorPeersV1(key.Level1, key.Level2, key.Name, from, to, IndicatorLibrary.MinimumUnits, Of(targets), Of(actuals)));
    }

    private static async Task<IResult> Suggest(AppDbContext db, int? formId, string? level1, string? level2, string? q, CancellationToken ct)
    {
        if (formId is not { } id) return Refusal.Invalid("请给出表单编号（formId）：建议按该表单的单位、项目和年度给出。").ToHttp();
        if (string.IsNullOrWhiteSpace(level1)) return Refusal.Invalid("请给出一级指标（level1）：建议按类别给出。").ToHttp();
        if (q is { Length: > LibraryLengths.Name }) return Refusal.Invalid($"搜索词超过 {LibraryLengths.Name} 字。").ToHttp();
        var form = await db.Forms.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.OrganisationId, f.ProjectName, f.FiscalYear!.Year }).SingleOrDefaultAsync(ct);
        if (form is null) return Refusal.NotFound("表单").ToHttp();
        var list = await Suggestions.ForAsync(db, form.OrganisationId, form.ProjectName, form.Year, level1.Trim(), level2?.Trim() ?? "", q, ct);
        return TypedResults.Ok(list.Select(SuggestionV1.From).ToList());
    }

    private static async Task<IResult> Import(HttpRequest request, ClaimsPrincipal user, StandardIndicators service, UploadGate uploads, CancellationToken ct)
    {
        var current = CurrentUser.Require(user);
        if (!current.Is(Roles.FinanceReviewer)) return Refusal.Forbidden("只有“财政审核”角色可以导入标准指标。").ToHttp();
        var read = await uploads.ReadForm(request, "一个 .xlsx 文件（字段名 file）", ct, uploads.Policy.MaxFileBytes + 1024 * 1024);
        if (read.Refusal is { } refusal) return refusal.ToHttp();
        var form = read.Value!;
        if (form.Files.Count != 1) return Refusal.Invalid($"请上传一个 .xlsx 文件（本次 {form.Files.Count} 个）。").ToHttp();
        var file = form.Files[0];
        if (!string.Equals(Path.GetExtension(file.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
            return Refusal.Unsupported($"“{file.FileName}”不是 .xlsx 文件。指标库请以 Excel 工作簿（.xlsx）导入，可先导出一份作为模板。").ToHttp();
        if (await uploads.Admit(current, [new OfferedFile(file.FileName, file.Length)], ct) is { } refused) return refused.ToHttp();
        using var memory = new MemoryStream((int)file.Length);
        await file.CopyToAsync(memory, ct);
        return (await service.Import(current, file.FileName, memory.ToArray(), ct)).ToHttp(r => TypedResults.Ok(r));
    }
}
