using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Recognition;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Imports;

/// <summary>One form found in an uploaded file, with its findings, before anything is saved.</summary>
public sealed record FoundForm(string File, int Index, PerformanceForm Form, IReadOnlyList<Finding> Findings);

/// <summary>What reading one file gave: its forms, or why it could not be read (in Chinese).</summary>
public sealed record ReadFile(string File, IReadOnlyList<FoundForm> Forms, string? Error);

/// <summary>Where the person chose to attach a found form.</summary>
public sealed record ImportChoice(FoundForm Found, int OrganisationId, int? ProjectId);

/// <summary>An uploaded file as it arrived.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

public sealed record ImportJobFormDto(
    int Number, string Kind, string KindName, string? Title, string? Unit, string? Project, int? FiscalYear,
    IReadOnlyList<FindingDto> Findings, IReadOnlyList<string> Warnings);

public sealed record ImportJobFileDto(string Name, string? Error, IReadOnlyList<ImportJobFormDto> Forms);

public sealed record ImportJobDto(
    int Id, string State, string StateName, int FilesTotal, int FilesDone, DateTimeOffset CreatedAt,
    int? OrganisationId, int? FiscalYear, string? Error, IReadOnlyList<ImportJobFileDto>? Files, IReadOnlyList<int>? SavedFormIds);

/// <summary>One form to save: its number in the job's preview, and where it goes (default: the unit chosen at upload).</summary>
public sealed record ImportJobChoice(
    [property: Description("预览中的表单编号（从 1 起）")] int Number,
    [property: Description("归属单位 ID")] int? OrganisationId,
    [property: Description("预算项目 ID")] int? ProjectId);

/// <summary>
/// Which forms to save (all, when <paramref name="Forms"/> is absent); <paramref name="ConfirmWarnings"/> says the
/// person saw that a form names another unit or year than the one it goes to, and imports it all the same.
/// </summary>
public sealed record ImportJobConfirmRequest(
    [property: Description("要导入的表单"), MaxLength(Limits.Rows)] List<ImportJobChoice>? Forms,
    [property: Description("已知悉单位或年度不一致的提醒")] bool ConfirmWarnings) : IRequestContract;

/// <summary>
/// Imports of uploaded files as durable jobs: <see cref="Start"/> stores the files and answers at once; the
/// <see cref="ImportJobWorker"/> reads them (in a reader process of its own) into a preview; the person picks where
/// each form goes and <see cref="Confirm"/> saves the chosen ones as drafts, all or nothing. The import page and the
/// API both work through here.
/// </summary>
public sealed class ImportJobs(AppDbContext db, UploadGate uploads, FormService forms, TimeProvider clock, ImportJobSignal signal)
{
    public static string StateName(ImportJobState state) => state switch
    {
        ImportJobState.Queued => "排队中",
        ImportJobState.Running => "识别中",
        ImportJobState.Done => "已识别，待确认",
        ImportJobState.Failed => "失败",
        ImportJobState.Confirmed => "已导入",
    };

    private static Refusal? MayImport(CurrentUser user) =>
        user.Is(Roles.UnitFiller) || user.Is(Roles.Administrator) ? null : Refusal.Forbidden("只有“单位填报”或“系统管理”角色可以导入表单。");

    /// <summary>Admits the upload by the upload policy, stores it as a queued job and wakes a worker.</summary>
    public async Task<Outcome<ImportJobDto>> Start(CurrentUser user, int? organisationId, int? fiscalYear, IReadOnlyList<UploadedFile> files, CancellationToken ct)
    {
        if (MayImport(user) is { } forbidden) return forbidden;
        if (await uploads.Admit(user, files.Select(f => new OfferedFile(f.Name, f.Content.LongLength)).ToList(), ct) is { } refused) return refused;
        if (fiscalYear is < 2000 or > 2100) return Refusal.Invalid($"年度 {fiscalYear} 无效，应在 2000 至 2100 之间。");
        Organisation? unit;
        if (organisationId is { } id)
        {
            unit = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
            if (unit is null) return Refusal.NotFound("单位");
            if (unit.Kind != OrganisationKind.Unit) return Refusal.Invalid($"表单只能归属到预算单位，“{unit.Name}”不是预算单位。");
        }
        else
        {
            // A unit's own filler imports into their unit unless they say otherwise.
            unit = await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath && o.Kind == OrganisationKind.Unit, ct);
        }

        var job = new ImportJob
        {
            State = ImportJobState.Queued,
            CreatedAt = clock.GetUtcNow(),
            UserId = user.Id,
            UserName = user.Name,
            OrganisationPath = user.ScopePath,
            OrganisationId = unit?.Id,
            FiscalYear = fiscalYear,
            FilesTotal = files.Count,
            Files = files.Select((f, i) => new ImportJobFile { Position = i, Name = Path.GetFileName(f.Name), Size = f.Content.LongLength, Content = f.Content }).ToList(),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return await Dto(job, ct);
    }

    public async Task<Outcome<ImportJobDto>> Get(CurrentUser user, int id, CancellationToken ct) =>
        await Find(user, id, ct) is { } job ? await Dto(job, ct) : Refusal.NotFound("导入任务");

    /// <summary>The job with its preview as the import page works with it.</summary>
    public async Task<(ImportJob Job, IReadOnlyList<ReadFile> Files)?> Preview(CurrentUser user, int id, CancellationToken ct)
    {
        if (await Find(user, id, ct) is not { } job) return null;
        var unit = job.OrganisationId is { } unitId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == unitId, ct) : null;
        return (job, await AgainstStored(job, unit, Files(job), ct));
    }

    /// <summary>
    /// The preview's forms, each also held against the stored forms of the unit chosen at upload, as saving it will hold
    /// it (<see cref="FormRelations"/>): a report against the unit's tables of the year, targets against the project's
    /// self-evaluation of last year, a self-evaluation against its approved targets, and a form the unit already has
    /// (duplicate-form, naming the stored one). The worker compared the upload's forms with each other; the stored ones
    /// are compared here, when the preview is shown, so the comparison is with what is stored now and within the viewer's
    /// scope (the context's filter). Candidates are chosen on the facts and only the chosen bodies are read. Only while
    /// the job awaits confirmation: once imported, the forms are the stored ones.
    /// </summary>
    private async Task<IReadOnlyList<ReadFile>> AgainstStored(ImportJob job, Organisation? unit, IReadOnlyList<ReadFile> files, CancellationToken ct)
    {
        if (job.State != ImportJobState.Done || unit is null || unit.Kind != OrganisationKind.Unit) return files;
        var result = new List<ReadFile>(files.Count);
        foreach (var file in files)
        {
            var forms = new List<FoundForm>(file.Forms.Count);
            foreach (var found in file.Forms)
            {
                if ((found.Form.Year ?? job.FiscalYear) is not { } year)
                {
                    forms.Add(found);
                    continue;
                }
                var rulebook = FormService.RulebookFor(found.Form);
                var related = await FormRelations.GatherAsync(db, found.Form, null, unit, year, rulebook, ct);
                var added = related.Count > 0 ? FormRelations.Check(found.Form, null, unit, year, related, rulebook) : [];
                var duplicate = await FormRelations.StoredDuplicateAsync(db, found.Form, FormRelations.BatchName(found.File, found.Index), unit, year, ct);
                forms.Add(added.Count == 0 && duplicate is null ? found
                    : found with { Findings = [.. found.Findings, .. added, .. duplicate is null ? [] : new[] { duplicate }] });
            }
            result.Add(file with { Forms = forms });
        }
        return result;
    }

    /// <summary>The person's jobs of the last days, newest first: what is still being read, what failed and why.</summary>
    public async Task<IReadOnlyList<ImportJob>> Recent(CurrentUser user, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-7);
        return await db.ImportJobs.AsNoTracking().Where(j => j.UserId == user.Id && j.CreatedAt > since)
            .OrderByDescending(j => j.Id).Take(20).ToListAsync(ct);
    }

    private Task<ImportJob?> Find(CurrentUser user, int id, CancellationToken ct) =>
        db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.UserId == user.Id, ct);

    public static IReadOnlyList<ReadFile> Files(ImportJob job) =>
        job.ResultJson is null ? [] : JsonSerializer.Deserialize<List<ReadFile>>(job.ResultJson, FormJson.Options) ?? [];

    /// <summary>
    /// What the person must see before a form goes to <paramref name="unit"/>: the file names another unit, or states
    /// another year than the one chosen. Names are compared normalised (<see cref="UnitNames.Same"/>).
    /// </summary>
    public static IReadOnlyList<string> Warnings(PerformanceForm form, Organisation? unit, int? chosenYear)
    {
        var warnings = new List<string>();
        if (unit is not null && !UnitNames.Same(form.Unit, unit.Name))
            warnings.Add($"表中单位为“{form.Unit}”，与所选单位“{unit.Name}”不同。");
        if (chosenYear is { } year && form.Year is { } stated && stated != year)
            warnings.Add($"表中年度为 {stated} 年，与所选年度 {year} 年不同。");
        return warnings;
    }

    private async Task<ImportJobDto> Dto(ImportJob job, CancellationToken ct)
    {
        var unit = job.OrganisationId is { } id ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct) : null;
        var number = 0;
        var files = job.State is ImportJobState.Done or ImportJobState.Confirmed
            ? (await AgainstStored(job, unit, Files(job), ct)).Select(f => new ImportJobFileDto(f.File, f.Error, f.Forms.Select(found => new ImportJobFormDto(
                ++number, found.Form.Kind.Code(), found.Form.Kind.ChineseName(), found.Form.Title, found.Form.Unit, found.Form.Project,
                found.Form.Year ?? job.FiscalYear, found.Findings.Select(FindingDto.From).ToList(), Warnings(found.Form, unit, job.FiscalYear))).ToList())).ToList()
            : null;
        return new ImportJobDto(job.Id, job.State.ToString(), StateName(job.State), job.FilesTotal, job.FilesDone, job.CreatedAt,
            job.OrganisationId, job.FiscalYear, job.Error, files, SavedIds(job));
    }

    private static List<int>? SavedIds(ImportJob job) =>
        job.SavedFormIds?.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

    /// <summary>The API's confirmation: forms chosen by number, the upload's unit where none is given.</summary>
    public async Task<Outcome<IReadOnlyList<int>>> Confirm(CurrentUser user, int id, ImportJobConfirmRequest request, CancellationToken ct)
    {
        if (await Find(user, id, ct) is not { } job) return Refusal.NotFound("导入任务");
        var found = Files(job).SelectMany(f => f.Forms).ToList();
        var choices = new List<ImportChoice>();
        foreach (var choice in request.Forms ?? found.Select((_, i) => new ImportJobChoice(i + 1, null, null)).ToList())
        {
            if (choice.Number < 1 || choice.Number > found.Count) return Refusal.Invalid($"没有编号为 {choice.Number} 的表单（本次共识别出 {found.Count} 张）。");
            if ((choice.OrganisationId ?? job.OrganisationId) is not { } organisationId)
                return Refusal.Invalid($"第 {choice.Number} 张表单没有选择归属单位（organisationId）。");
            choices.Add(new ImportChoice(found[choice.Number - 1], organisationId, choice.ProjectId));
        }
        return await Confirm(user, job.Id, choices, request.ConfirmWarnings, ct);
    }

    /// <summary>
    /// Saves the chosen forms as drafts of their units in one transaction, and marks the job imported in the same one:
    /// a second confirmation of the same job, from another tab or instance, finds it imported and saves nothing. A
    /// deadlock's victim is run again whole (<see cref="WholeRetry"/>).
    /// </summary>
    public Task<Outcome<IReadOnlyList<int>>> Confirm(CurrentUser user, int id, IReadOnlyList<ImportChoice> choices, bool confirmWarnings, CancellationToken ct) =>
        db.RetryWholeAsync(token => ConfirmOnce(user, id, choices, confirmWarnings, token), ct);

    private async Task<Outcome<IReadOnlyList<int>>> ConfirmOnce(CurrentUser user, int id, IReadOnlyList<ImportChoice> choices, bool confirmWarnings, CancellationToken ct)
    {
        if (MayImport(user) is { } forbidden) return forbidden;
        if (await Find(user, id, ct) is not { } job) return Refusal.NotFound("导入任务");
        if (job.State != ImportJobState.Done)
            return Refusal.WrongState(job.State == ImportJobState.Confirmed ? "这次上传的表单已经导入过了。" : $"导入任务{StateName(job.State)}，还不能确认。");
        if (choices.Count == 0) return Refusal.Invalid("没有选择要导入的表单。");

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Done)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Confirmed), ct);
        if (claimed == 0) return Refusal.WrongState("这次上传的表单已经导入过了。");

        var records = new List<(FormRecord Record, Organisation Organisation, string File)>();
        var warnings = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var planned = new List<(ImportChoice Choice, Organisation Organisation, FiscalYear Year, BudgetProject? Project)>();
        foreach (var choice in choices)
        {
            var file = choice.Found.File;
            // The scoped context only finds organisations and projects inside the user's subtree.
            var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == choice.OrganisationId, ct);
            if (organisation is null) return Refusal.Invalid($"{file}：所选单位不存在或不在您的管辖范围内。");
            if (organisation.Kind != OrganisationKind.Unit) return Refusal.Invalid($"{file}：表单只能归属到预算单位，“{organisation.Name}”不是预算单位。");
            // A form read from a file is held to the API's bounds too: SQLite would store a 10,000-character name, PostgreSQL would fail.
            if (ContractValidation.Validate(FormV1.From(choice.Found.Form)) is [var invalid, ..])
                return Refusal.Invalid($"{file}：{invalid.Message}（{invalid.Path}）");
            if ((choice.Found.Form.Year ?? job.FiscalYear) is not { } year) return Refusal.Invalid($"{file}：表中没有年度，请在上传时选择年度。");
            warnings.AddRange(Warnings(choice.Found.Form, organisation, job.FiscalYear).Select(w => $"{file}（{choice.Found.Form.Project ?? choice.Found.Form.Kind.ChineseName()}）：{w}"));
            var fiscalYear = await forms.Year(year, ct);
            if (fiscalYear.Closed) return Refusal.WrongState($"{file}：{year} 年度已关闭，不能导入。");
            BudgetProject? project = null;
            if (choice.ProjectId is { } projectId)
            {
                project = await db.Projects.SingleOrDefaultAsync(p => p.Id == projectId && p.OrganisationId == organisation.Id, ct);
                if (project is null) return Refusal.Invalid($"{file}：所选项目不属于“{organisation.Name}”。");
            }
            // A published document may print the same table twice (one form per purpose): the first copy is imported,
            // the repeat is left out and said so; the checker's duplicate-form finding already showed it in the preview.
            var key = Jixiao.Data.Forms.FormIdentity.Key(organisation.Path, fiscalYear.Year, choice.Found.Form.Kind, project?.Name ?? choice.Found.Form.Project,
                choice.Found.Form.MonitoringMonths);
            if (!keys.Add(key)) continue;
            planned.Add((choice, organisation, fiscalYear, project));
        }
        // Each form is checked against the others of the upload as well as the stored ones: none of them is stored
        // until all are written, and a report must meet its tables whichever comes first.
        var batch = planned.Select(p => new FormRelations.BatchForm(p.Choice.Found.Form, FormRelations.BatchName(p.Choice.Found.File, p.Choice.Found.Index),
            p.Organisation.Path, p.Year.Year, p.Project?.Name ?? p.Choice.Found.Form.Project)).ToList();
        foreach (var (choice, organisation, fiscalYear, project) in planned)
        {
            var added = await forms.AddDraft(choice.Found.Form, organisation, fiscalYear, project, now, ct, batch);
            if (added.Refusal is { } duplicate) return duplicate with { Detail = $"{choice.Found.File}：{duplicate.Detail}" };
            records.Add((added.Value!, organisation, choice.Found.File));
        }
        if (warnings.Count > 0 && !confirmWarnings)
            return new Refusal(RefusalKind.WarningsUnconfirmed, "请确认表中的单位和年度", string.Join("\n", warnings),
                new Dictionary<string, object?> { ["warnings"] = warnings });

        await db.SaveChangesAsync(ct);
        foreach (var (record, organisation, file) in records)
            db.Audit(user.Actor, now, "import", "form", record.Id.ToString(CultureInfo.InvariantCulture), organisation.Path, "导入", null,
                $"{record.Kind.ChineseName()} {record.ProjectName ?? record.UnitName ?? organisation.Name}（{file}）");
        await db.SaveChangesAsync(ct);
        var ids = records.Select(r => r.Record.Id).ToList();
        var saved = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.SavedFormIds, saved), ct);
        await transaction.CommitAsync(ct);
        return ids;
    }
}
