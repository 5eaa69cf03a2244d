using System.Globalization;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Problems;
using Jixiao.Web.Ui;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Rectifications;

/// <summary>A file offered as evidence, with its bytes.</summary>
public sealed record EvidenceFile(string Name, byte[] Content);

/// <summary>
/// Rectification (整改): a reviewer raises an item from a return, a comment or a finding on a form in its subtree; the
/// unit starts it, attaches evidence and submits it; only a reviewer at or above the one who raised it closes it or
/// sends it back. Every step is a note on the item and an audit entry. Everything goes through the request's scoped
/// context, so an item outside the caller's subtree is "not found".
/// </summary>
public sealed class RectificationService(AppDbContext db, UploadGate uploads, TimeProvider clock, DeadlineOptions deadlines)
{
    public DateOnly Today => deadlines.TodayBy(clock);

    private static bool IsReviewer(CurrentUser user) => user.Is(Roles.DepartmentReviewer) || user.Is(Roles.FinanceReviewer);

    public async Task<Outcome<RectificationItem>> Raise(CurrentUser user, RaiseRectificationRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var form = await db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).Include(f => f.Fact)
            .SingleOrDefaultAsync(f => f.Id == request.FormId, ct);
        if (form is null) return Refusal.NotFound("表单");
        if (!IsReviewer(user)) return Refusal.Forbidden("只有“主管部门审核”或“财政审核”角色可以提出整改事项。");
        if (!Enum.IsDefined(request.Source)) return ContractValidation.FieldRefusal("$.source", "未知的来源，应为 Return、Comment 或 Finding。");
        if (form.LatestVersion == 0) return Refusal.WrongState("表单还没有提交过，没有可整改的审核意见。");
        if (request.Deadline < Today) return ContractValidation.FieldRefusal("$.deadline", $"整改期限 {Date(request.Deadline)} 早于今天（{Date(Today)}）。");

        string? findingCode = null, findingPlace = null;
        switch (request.Source)
        {
            case RectificationSource.Return:
                if (request.TransitionId is not { } tid
                    || !await db.Transitions.AnyAsync(t => t.Id == tid && t.FormId == form.Id && t.Action == WorkflowAction.Return, ct))
                    return ContractValidation.FieldRefusal("$.transitionId", "请指明此表单的哪一次退回（transitionId）。");
                break;
            case RectificationSource.Finding:
                var finding = request.FindingPosition is { } position
                    ? await db.Findings.AsNoTracking().SingleOrDefaultAsync(x => x.FormId == form.Id && x.Position == position, ct)
                    : null;
                if (finding is null) return ContractValidation.FieldRefusal("$.findingPosition", "请指明此表单的哪一个审核问题（findingPosition，从 1 起）。");
                findingCode = finding.Code;
                findingPlace = Truncate(finding.ToFinding().Location.ToString(), 400);
                break;
        }

        var now = clock.GetUtcNow();
        var rulebook = Core.Rulebooks.Rulebooks.Names.Contains(form.Fact?.RulebookId, StringComparer.Ordinal)
            ? Core.Rulebooks.Rulebooks.BuiltIn(form.Fact!.RulebookId)
            : Forms.FormService.RulebookFor(Data.Forms.FormRows.ToForm(form));
        var what = request.What.Trim();
        var item = new RectificationItem
        {
            FormId = form.Id,
            OrganisationId = form.OrganisationId,
            OrganisationPath = form.Organisation!.Path,
            UnitName = form.Organisation.Name,
            Year = form.FiscalYear!.Year,
            FormTitle = form.ProjectName ?? form.Title,
            Source = request.Source,
            TransitionId = request.Source == RectificationSource.Return ? request.TransitionId : null,
            FindingCode = findingCode,
            FindingPlace = findingPlace,
            What = what,
            Deadline = request.Deadline,
            Status = RectificationStatus.Open,
            RaisedById = user.Id,
            RaisedByName = user.Actor.UserName,
            RaisedByPath = user.ScopePath,
            RaisedAt = now,
            Disclosed = rulebook.PublishRectification,
            Revision = 1,
        };
        item.Notes.Add(Note(item, user, now, null, RectificationStatus.Open, $"提出整改（{RectificationText.SourceName(request.Source)}）：{what}"));
        db.Rectifications.Add(item);
        await db.SaveChangesAsync(ct);
        db.Audit(user.Actor, now, "raise", "rectification", Id(item), item.OrganisationPath, "整改事项", null,
            $"表单 {form.Id}：{what}，期限 {Date(item.Deadline)}");
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>An item with its notes and the list of its evidence (names and sizes; the bytes stay in the database).</summary>
    public async Task<Outcome<RectificationItem>> Get(int id, CancellationToken ct)
    {
        var item = await db.Rectifications.AsNoTracking().Include(r => r.Notes).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (item is null) return Refusal.NotFound("整改事项");
        item.Evidence = await db.RectificationEvidence.AsNoTracking().Where(x => x.ItemId == id).OrderBy(x => x.Id)
            .Select(x => new RectificationEvidence
            {
                Id = x.Id, ItemId = x.ItemId, OrganisationPath = x.OrganisationPath, Name = x.Name, Size = x.Size, Content = Array.Empty<byte>(),
                At = x.At, UserId = x.UserId, UserName = x.UserName,
            })
            .ToListAsync(ct);
        return item;
    }

    /// <summary>Items in the caller's subtree: overdue ones first, then by deadline.</summary>
    public Task<Page<RectificationItem>> List(RectificationStatus? status, int? formId, bool overdue, int? page, int? pageSize, CancellationToken ct)
    {
        var query = Query(status, formId, overdue);
        var today = Today;
        return query.OrderBy(r => r.Status == RectificationStatus.Closed)
            .ThenBy(r => (r.Status == RectificationStatus.Open || r.Status == RectificationStatus.InProgress) && r.Deadline < today ? 0 : 1)
            .ThenBy(r => r.Deadline).ThenBy(r => r.Id).ToPageAsync(page, pageSize, ct);
    }

    public IQueryable<RectificationItem> Query(RectificationStatus? status, int? formId, bool overdue)
    {
        var query = db.Rectifications.AsNoTracking();
        if (status is { } s) query = query.Where(r => r.Status == s);
        if (formId is { } f) query = query.Where(r => r.FormId == f);
        if (overdue)
        {
            var today = Today;
            query = query.Where(r => (r.Status == RectificationStatus.Open || r.Status == RectificationStatus.InProgress) && r.Deadline < today);
        }
        return query;
    }

    public Task<Outcome<RectificationItem>> Start(CurrentUser user, int id, CancellationToken ct) =>
        Step(user, id, ct, async item =>
        {
            if (!user.Is(Roles.UnitFiller)) return Refusal.Forbidden("只有责任单位（“单位填报”角色）可以开始整改。");
            if (item.Status != RectificationStatus.Open) return WrongState(item, "开始整改");
            return await Move(item, user, RectificationStatus.InProgress, "开始整改", ct);
        });

    public Task<Outcome<RectificationItem>> Submit(CurrentUser user, int id, string? note, CancellationToken ct) =>
        Step(user, id, ct, async item =>
        {
            if (!user.Is(Roles.UnitFiller)) return Refusal.Forbidden("只有责任单位（“单位填报”角色）可以提交整改材料。");
            if (item.Status is not (RectificationStatus.Open or RectificationStatus.InProgress)) return WrongState(item, "提交整改材料");
            if (string.IsNullOrWhiteSpace(note)) return ContractValidation.FieldRefusal("$.note", "请写明整改情况（做了什么、结果如何）再提交复核。");
            return await Move(item, user, RectificationStatus.Submitted, "提交整改材料：" + note.Trim(), ct);
        });

    public Task<Outcome<RectificationItem>> Close(CurrentUser user, int id, string? note, CancellationToken ct) =>
        Step(user, id, ct, async item =>
        {
            if (MayClose(item, user) is { } refusal) return refusal;
            if (item.Status != RectificationStatus.Submitted) return WrongState(item, "确认整改完成");
            item.ClosedAt = clock.GetUtcNow();
            item.ClosedBy = user.Actor.UserName;
            return await Move(item, user, RectificationStatus.Closed, "确认整改完成" + (string.IsNullOrWhiteSpace(note) ? "" : "：" + note.Trim()), ct);
        });

    public Task<Outcome<RectificationItem>> SendBack(CurrentUser user, int id, string? reason, CancellationToken ct) =>
        Step(user, id, ct, async item =>
        {
            if (MayClose(item, user) is { } refusal) return refusal;
            if (item.Status != RectificationStatus.Submitted) return WrongState(item, "退回重新整改");
            if (string.IsNullOrWhiteSpace(reason)) return ContractValidation.FieldRefusal("$.note", "退回重新整改必须写明原因。");
            return await Move(item, user, RectificationStatus.InProgress, "退回重新整改：" + reason.Trim(), ct);
        });

    /// <summary>Whether the user may close or send back the item (screens show only such buttons).</summary>
    public static bool MayCloseItem(RectificationItem item, CurrentUser user) => MayClose(item, user) is null;

    // The reviewer who raised it, or one above it: a department cannot close what finance asked for.
    private static Refusal? MayClose(RectificationItem item, CurrentUser user) =>
        IsReviewer(user) && item.RaisedByPath.StartsWith(user.ScopePath, StringComparison.Ordinal)
            ? null
            : Refusal.Forbidden("只有提出整改的审核单位（或其上级）的审核人员可以确认整改完成或退回重新整改。");

    public async Task<Outcome<RectificationItem>> AddEvidence(CurrentUser user, int id, IReadOnlyList<EvidenceFile> files, CancellationToken ct)
    {
        var item = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (item is null) return Refusal.NotFound("整改事项");
        if (!user.Is(Roles.UnitFiller)) return Refusal.Forbidden("只有责任单位（“单位填报”角色）可以上传整改材料。");
        if (item.Status is not (RectificationStatus.Open or RectificationStatus.InProgress)) return WrongState(item, "上传整改材料");
        if (await uploads.Admit(user, files.Select(f => new OfferedFile(f.Name, f.Content.LongLength)).ToList(), ct, RectificationText.EvidenceKinds) is { } refused)
            return refused;
        foreach (var file in files)
            if (!RectificationText.BytesMatch(file.Name, file.Content))
                return Refusal.Unsupported($"“{file.Name}”的内容与扩展名“{Path.GetExtension(file.Name).ToLowerInvariant()}”不符，未保存。请上传原始文件。");
        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            var name = SafeName(file.Name);
            item.Evidence.Add(new RectificationEvidence
            {
                OrganisationPath = item.OrganisationPath, Name = name, Size = file.Content.LongLength, Content = file.Content,
                At = now, UserId = user.Id, UserName = user.Actor.UserName,
            });
            db.Audit(user.Actor, now, "attach", "rectification", Id(item), item.OrganisationPath, "整改材料", null, $"{name}（{UploadPolicy.Megabytes(file.Content.LongLength)}）");
        }
        item.Revision++;
        await db.SaveChangesAsync(ct);
        return item;
    }

    public async Task<Outcome<RectificationEvidence>> Evidence(int id, int evidenceId, CancellationToken ct) =>
        await db.RectificationEvidence.AsNoTracking().SingleOrDefaultAsync(x => x.Id == evidenceId && x.ItemId == id, ct) is { } file
            ? file
            : Refusal.NotFound("整改材料");

    private async Task<Outcome<RectificationItem>> Step(CurrentUser user, int id, CancellationToken ct, Func<RectificationItem, Task<Outcome<RectificationItem>>> step)
    {
        var item = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (item is null) return Refusal.NotFound("整改事项");
        try
        {
            return await step(item);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal(RefusalKind.Conflict, "整改事项已被他人处理", "在您操作的同时，此整改事项已被他人处理。请刷新后重试。");
        }
    }

    private async Task<Outcome<RectificationItem>> Move(RectificationItem item, CurrentUser user, RectificationStatus to, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.RectificationNotes.Add(Note(item, user, now, item.Status, to, Truncate(text, AppDbContext.RectificationTextLength)));
        db.Audit(user.Actor, now, "step", "rectification", Id(item), item.OrganisationPath, "状态",
            RectificationText.StatusName(item.Status), RectificationText.StatusName(to));
        item.Status = to;
        item.Revision++;
        await db.SaveChangesAsync(ct);
        return item;
    }

    private static RectificationNote Note(RectificationItem item, CurrentUser user, DateTimeOffset at, RectificationStatus? from, RectificationStatus? to, string text) => new()
    {
        Item = item, ItemId = item.Id, OrganisationPath = item.OrganisationPath, At = at, UserId = user.Id, UserName = user.Actor.UserName,
        From = from, To = to, Text = text,
    };

    private static Refusal WrongState(RectificationItem item, string action) =>
        Refusal.WrongState($"整改事项当前为“{RectificationText.StatusName(item.Status)}”，不能{action}。");

    /// <summary>The file's own name without any folder, control characters or path tricks, at most 200 characters.</summary>
    private static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var clean = new string(file.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (clean.Length == 0 || clean.StartsWith('.')) clean = "材料" + clean;
        return clean.Length <= 200 ? clean : clean[..(200 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Id(RectificationItem item) => item.Id.ToString(CultureInfo.InvariantCulture);
}
