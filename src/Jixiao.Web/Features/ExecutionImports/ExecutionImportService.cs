using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Execution;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Execution;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.ExecutionImports;

/// <summary>What the importer chose beside the file: the year, and the unit and month where the file is silent.</summary>
public sealed record ExecutionImportRequest(int Year, MoneyUnit? Unit, int? CumulativeMonth);

/// <summary>
/// Execution figures from the budget/treasury system (双监控): finance uploads an export, sees every change it would
/// make (form, field, old → new), the differences on locked forms, the unmatched codes and the unreadable rows, and
/// applies it in one transaction through <see cref="FormStore"/>. Projects are matched by code within the importer's
/// subtree (the request's scoped context). A form edited after the preview makes the apply fail with a message.
/// </summary>
public sealed class ExecutionImportService(AppDbContext db, FormCheck check, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Refusal? NotFinance(CurrentUser user) =>
        user.Is(Roles.FinanceReviewer) ? null : Refusal.Forbidden("只有财政部门（“财政审核”角色）可以导入预算执行数据。");

    public async Task<Outcome<ExecutionImportV1>> Preview(CurrentUser user, string fileName, byte[] bytes, ExecutionImportRequest request, CancellationToken ct)
    {
        if (NotFinance(user) is { } refused) return refused;
        if (request.Year is < 2000 or > 2100) return Refusal.Invalid($"年度 {request.Year} 无效，应在 2000 到 2100 之间。");
        if (request.CumulativeMonth is { } m && m is < 1 or > 12) return Refusal.Invalid($"截至月份 {m} 无效，应在 1 到 12 之间。");
        var importer = await db.Organisations.SingleOrDefaultAsync(o => o.Path == user.ScopePath, ct);
        if (importer is null) return Refusal.Forbidden("您的账号没有所属机构，不能导入。");

        ExecutionExport export;
        try
        {
            export = ExecutionExportReader.Read(bytes, fileName, new ExecutionReadOptions(request.Unit, request.CumulativeMonth));
        }
        catch (ExecutionExportException e)
        {
            return Refusal.Invalid(e.Message);
        }

        var codes = export.Rows.Select(r => r.Code).ToList();
        var projects = await db.Projects.Include(p => p.Organisation)
            .Where(p => p.FiscalYear!.Year == request.Year && codes.Contains(p.Code)).ToListAsync(ct);
        var byCode = projects.ToDictionary(p => p.Code, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var import = new ExecutionImport
        {
            Year = request.Year,
            OrganisationId = importer.Id,
            OrganisationPath = importer.Path,
            FileName = Path.GetFileName(fileName) is { Length: > 0 and <= 260 } name ? name : "导出文件",
            FileSize = bytes.LongLength,
            Unit = export.Unit,
            UnitBasis = export.UnitBasis.Length <= 500 ? export.UnitBasis : export.UnitBasis[..500],
            MonthsCovered = export.MonthsCovered,
            State = ExecutionImportState.Previewed,
            CreatedAt = now,
            CreatedById = user.Id,
            CreatedByName = user.Actor.UserName,
            PreviewJson = "{}",
        };
        foreach (var row in export.Rows)
        {
            var project = byCode.GetValueOrDefault(row.Code);
            import.Figures.Add(new ExecutionFigure
            {
                OrganisationPath = project?.Organisation?.Path ?? importer.Path,
                Year = request.Year,
                ProjectCode = row.Code,
                ProjectName = Cut(row.Name ?? project?.Name, ColumnLengths.ProjectName),
                ProjectId = project?.Id,
                RowNumbers = Cut(string.Join(",", row.RowNumbers.Select(n => n.ToString(CultureInfo.InvariantCulture))), 4000)!,
                InitialBudget = row.InitialBudget,
                Budget = row.Budget,
                PaidJson = JsonSerializer.Serialize(row.Paid, Json),
            });
        }

        var plan = await PlanAsync(import, ct);
        var preview = new ExecutionPreviewV1(
            export.Rows.Count,
            import.Figures.Count(f => f.ProjectId is not null),
            plan.Changes,
            import.Figures.Where(f => f.ProjectId is null).Select(f => new ExecutionUnmatchedV1(f.ProjectCode, f.ProjectName, Rows(f))).ToList(),
            export.Errors.Select(e => new ExecutionRowErrorV1(e.RowNumber, e.Message)).ToList(),
            plan.Notes);
        import.PreviewJson = JsonSerializer.Serialize(preview, Json);
        db.ExecutionImports.Add(import);
        db.Audit(user.Actor, now, "preview", "execution-import", "", importer.Path, "预算执行数据",
            null, $"{import.FileName}：{export.Rows.Count} 个项目，{preview.ProjectsMatched} 个匹配，{plan.Changes.Count} 处改动");
        await db.SaveChangesAsync(ct);
        return Dto(import, preview);
    }

    public async Task<Outcome<ExecutionImportV1>> Get(CurrentUser user, int id, CancellationToken ct)
    {
        var import = await db.ExecutionImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return Refusal.NotFound("导入");
        if (NotFinance(user) is { } refused) return refused;
        return Dto(import, PreviewOf(import));
    }

    /// <summary>The imports of the caller's subtree, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<ExecutionImportV1>>> Recent(CurrentUser user, CancellationToken ct)
    {
        if (NotFinance(user) is { } refused) return refused;
        var imports = await db.ExecutionImports.AsNoTracking().OrderByDescending(i => i.Id).Take(50).ToListAsync(ct);
        return Outcome<IReadOnlyList<ExecutionImportV1>>.Ok(imports.Select(i => Dto(i, PreviewOf(i))).ToList());
    }

    /// <summary>
    /// Writes the previewed changes in one transaction: editable and submitted forms get the figures, locked forms (approved
    /// or published) keep theirs and get the difference as a finding; the figures become what the forms are checked
    /// against from now on. A form changed since the preview refuses the whole import. A deadlock's victim (its forms'
    /// running totals are shared with every save of their departments) is run again whole (<see cref="WholeRetry"/>).
    /// </summary>
    public Task<Outcome<ExecutionApplyResultV1>> Apply(CurrentUser user, int id, CancellationToken ct) =>
        db.RetryWholeAsync(token => ApplyOnce(user, id, token), ct);

    private async Task<Outcome<ExecutionApplyResultV1>> ApplyOnce(CurrentUser user, int id, CancellationToken ct)
    {
        var import = await db.ExecutionImports.Include(i => i.Figures).SingleOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return Refusal.NotFound("导入");
        if (NotFinance(user) is { } refused) return refused;
        if (import.State == ExecutionImportState.Applied)
            return Refusal.WrongState($"此导入已于 {import.AppliedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC 由{import.AppliedByName}导入，不能重复导入。");

        var previewed = PreviewOf(import);
        var plan = await PlanAsync(import, ct);
        if (Stale(previewed.Changes, plan.Changes) is { } stale) return stale;

        var now = clock.GetUtcNow();
        import.AppliedAt = now;
        import.AppliedByName = user.Actor.UserName;
        var source = Source(import);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var filled = 0;
        var locked = 0;
        foreach (var planned in plan.Forms)
        {
            var record = await FormStore.LoadForWriteAsync(db, planned.FormId, ct);
            if (record is null || record.Revision != planned.Revision) return Changed(planned.FormId);
            var form = FormRows.ToForm(record);
            if (!planned.Locked)
            {
                if (form.MoneyUnit is null) form.MoneyUnit = MoneyUnit.Yuan;
                var row = ImportedExecutionFigures.Row(form);
                if (row is null)
                {
                    row = new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total };
                    form.Funds.Insert(0, row);
                }
                foreach (var change in planned.Changes)
                {
                    ImportedExecutionFigures.Set(row, Enum.Parse<ExecutionField>(change.Field), change.New);
                    db.Audit(user.Actor, now, "execution-import", "form", record.Id.ToString(CultureInfo.InvariantCulture), record.Organisation!.Path,
                        change.Label, change.Old is { } old ? old.ToString(CultureInfo.InvariantCulture) : null,
                        $"{change.New.ToString(CultureInfo.InvariantCulture)}（预算执行系统，导入 {import.Id}）");
                }
                filled++;
            }
            else locked++;
            var findings = check(form).Concat(ImportedExecutionFigures.Compare(form, planned.Figures with { Source = source }, planned.Months)).ToList();
            FormStore.Write(record, form, findings, FormService.RulebookFor(form), await FormStore.PlaceAsync(db, record.Organisation!, ct), now);
            record.Revision++;
            if (!planned.Locked) record.UpdatedAt = now;
        }
        foreach (var figure in import.Figures) figure.Applied = true;
        // The projects' marker: their forms' saves ask for the figures from now on (BudgetProject.HasExecutionFigures).
        var named = import.Figures.Select(f => f.ProjectId).OfType<int>().Distinct().ToList();
        if (named.Count > 0)
            await db.Projects.IgnoreQueryFilters().Where(p => named.Contains(p.Id)).ExecuteUpdateAsync(x => x.SetProperty(p => p.HasExecutionFigures, true), ct);
        import.State = ExecutionImportState.Applied;
        db.Audit(user.Actor, now, "apply", "execution-import", import.Id.ToString(CultureInfo.InvariantCulture), import.OrganisationPath, "预算执行数据",
            null, $"{import.FileName}：{filled} 张表单写入，{locked} 张已锁定只记录差异");
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Refusal(RefusalKind.Conflict, "表单已被他人修改", "导入过程中有表单被他人修改或流转。为免覆盖他人的修改，本次导入未写入任何内容；请重新预览后再导入。");
        }
        return new ExecutionApplyResultV1(Dto(import, previewed), filled, locked);
    }

    private static Refusal Changed(int formId) =>
        new(RefusalKind.Conflict, "表单已被他人修改",
            $"预览之后，表单 {formId} 已被修改或流转。为免覆盖他人的修改，本次导入未写入任何内容；请重新预览后再导入。",
            new Dictionary<string, object?> { ["formId"] = formId });

    /// <summary>The first form whose changes are not those previewed (edited, moved, added or gone since), as a refusal.</summary>
    private static Refusal? Stale(IReadOnlyList<ExecutionChangeV1> previewed, IReadOnlyList<ExecutionChangeV1> now)
    {
        static string Key(ExecutionChangeV1 c) => string.Create(CultureInfo.InvariantCulture, $"{c.FormId}/{c.Revision}/{c.Field}/{c.Old}/{c.New}/{c.Locked}");
        var before = previewed.Select(Key).ToHashSet(StringComparer.Ordinal);
        var after = now.Select(Key).ToHashSet(StringComparer.Ordinal);
        if (before.SetEquals(after)) return null;
        var differs = now.FirstOrDefault(c => !before.Contains(Key(c))) ?? previewed.First(c => !after.Contains(Key(c)));
        return Changed(differs.FormId);
    }

    /// <summary>One form the import concerns: its revision at planning, whether it is locked, its changes and the figures.</summary>
    private sealed record PlannedForm(int FormId, int Revision, bool Locked, int? Months, ImportedExecution Figures, List<ExecutionChangeV1> Changes);

    private sealed record Plan(List<PlannedForm> Forms, List<ExecutionChangeV1> Changes, List<ExecutionNoteV1> Notes);

    /// <summary>
    /// The changes the import's matched figures make to the current monitoring tables and project self-evaluations of its
    /// year: a blank or different figure is a change; on a locked form only a difference the checker would report is listed.
    /// </summary>
    private async Task<Plan> PlanAsync(ExecutionImport import, CancellationToken ct)
    {
        var figures = import.Figures.Where(f => f.ProjectId is not null).GroupBy(f => f.ProjectId!.Value).ToDictionary(g => g.Key, g => g.Last());
        var ids = figures.Keys.ToList();
        var forms = await db.Forms.AsNoTracking().Include(f => f.Organisation)
            .Where(f => f.ProjectId != null && ids.Contains(f.ProjectId.Value) && f.SupersededById == null && f.FiscalYear!.Year == import.Year
                        && (f.Kind == FormKind.Monitoring || f.Kind == FormKind.ProjectSelfEvaluation))
            .OrderBy(f => f.Id).ToListAsync(ct);
        var rounds = await MonitoringRounds(db, import.Year, ct);
        var plan = new Plan([], [], []);
        var source = Source(import);
        foreach (var record in forms)
        {
            var figure = figures[record.ProjectId!.Value];
            var form = FormRows.ToForm(record);
            var months = form.MonitoringMonths ?? RoundMonths(rounds, record.Organisation!.Path);
            var imported = Imported(figure, source);
            var locked = record.Status is FormStatus.DepartmentApproved or FormStatus.FinanceApproved or FormStatus.Published;
            var unit = (form.MoneyUnit ?? MoneyUnit.Yuan).Symbol();
            var changes = new List<ExecutionChangeV1>();
            foreach (var e in ImportedExecutionFigures.Expected(form, imported, months))
            {
                var differs = locked
                    ? !e.IsProjection && (e.Typed is not { } t || !ImportedExecutionFigures.Agrees(t, e.Value))
                    : e.Typed != e.Value;
                if (!differs) continue;
                changes.Add(new ExecutionChangeV1(record.Id, record.Revision, record.Kind.ChineseName(), record.Status.ChineseName(),
                    record.Organisation!.Name, record.ProjectName, figure.ProjectCode, e.Field.ToString(), e.Label, e.Typed, e.Value, unit, locked));
            }
            if (form.Kind == FormKind.Monitoring)
            {
                if (months is null)
                    plan.Notes.Add(new ExecutionNoteV1(record.Id, $"{record.Organisation!.Name}“{record.ProjectName}”的监控表没有注明 1-N 月，本年度也没有监控轮次，1-N月执行数无法填写。"));
                else if (!imported.Paid.ContainsKey(months.Value))
                    plan.Notes.Add(new ExecutionNoteV1(record.Id, $"{record.Organisation!.Name}“{record.ProjectName}”的监控表为 1-{months}月，导出数据{(import.MonthsCovered is { } c ? $"只到 {c} 月" : "没有支付数")}，1-{months}月执行数未填写。"));
            }
            if (changes.Count == 0) continue;
            plan.Forms.Add(new PlannedForm(record.Id, record.Revision, locked, months, imported, changes));
            plan.Changes.AddRange(changes);
        }
        var withForms = forms.Select(f => f.ProjectId!.Value).ToHashSet();
        foreach (var (projectId, figure) in figures)
            if (!withForms.Contains(projectId))
                plan.Notes.Add(new ExecutionNoteV1(null, $"项目 {figure.ProjectCode}（{figure.ProjectName}）在 {import.Year} 年度还没有监控表或项目自评表，数据已保存，建表后按此核对。"));
        return plan;
    }

    /// <summary>Monitoring rounds of the year visible to the caller, each with its subtree and months.</summary>
    internal static Task<List<(string Path, int Months)>> MonitoringRounds(AppDbContext db, int year, CancellationToken ct) =>
        db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.Monitoring && r.Year == year && r.MonitoringMonths != null)
            .OrderByDescending(r => r.Id).Select(r => new ValueTuple<string, int>(r.OrganisationPath, r.MonitoringMonths!.Value)).ToListAsync(ct);

    /// <summary>The months of the latest monitoring round whose subtree holds the unit.</summary>
    internal static int? RoundMonths(List<(string Path, int Months)> rounds, string unitPath) =>
        rounds.Where(r => unitPath.StartsWith(r.Path, StringComparison.Ordinal)).Select(r => (int?)r.Months).FirstOrDefault();

    /// <summary>How findings name the import: file, date, who.</summary>
    internal static string Source(ExecutionImport import) =>
        $"{import.FileName}，{(import.AppliedAt ?? import.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {import.AppliedByName ?? import.CreatedByName}导入";

    internal static ImportedExecution Imported(ExecutionFigure figure, string source) =>
        new(figure.InitialBudget, figure.Budget, JsonSerializer.Deserialize<Dictionary<int, decimal>>(figure.PaidJson, Json) ?? [], source);

    private static ExecutionPreviewV1 PreviewOf(ExecutionImport import) =>
        JsonSerializer.Deserialize<ExecutionPreviewV1>(import.PreviewJson, Json) ?? new ExecutionPreviewV1(0, 0, [], [], [], []);

    private static ExecutionImportV1 Dto(ExecutionImport i, ExecutionPreviewV1 preview) =>
        new(i.Id, i.Year, i.State.ToString(), i.State == ExecutionImportState.Applied ? "已导入" : "预览（未导入）", i.FileName, i.Unit.Code(), i.UnitBasis,
            i.MonthsCovered, i.CreatedAt, i.CreatedByName, i.AppliedAt, i.AppliedByName, preview);

    private static List<int> Rows(ExecutionFigure f) =>
        f.RowNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToList();

    private static string? Cut(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
