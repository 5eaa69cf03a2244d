using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Execution;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.ExecutionImports;

/// <summary>The budget system's figures for one form's project, and the months a monitoring table without its own period takes from its round.</summary>
public sealed record FormExecution(ImportedExecution Figures, int? RoundMonths)
{
    /// <summary>The typed figures of <paramref name="form"/> that differ from these (the editor calls it on every edit).</summary>
    public IReadOnlyList<Finding> Compare(PerformanceForm form) =>
        ImportedExecutionFigures.Compare(form, Figures, form.MonitoringMonths ?? RoundMonths);
}

/// <summary>
/// The budget system's figures as every save sees them: a project's monitoring table or self-evaluation is compared with
/// the latest applied execution import of its project (<see cref="ImportedExecutionFigures.Compare"/>). Read through the
/// caller's scoped context: a figure lies under its project's unit, so the unit itself sees it.
/// </summary>
public static class ExecutionFigureChecks
{
    public static async Task<IReadOnlyList<Finding>> For(AppDbContext db, FormRecord record, PerformanceForm form, CancellationToken ct) =>
        await Of(db, record, form.Kind, ct) is { } execution ? execution.Compare(form) : [];

    /// <summary>Asked on every form page and save of a monitoring table or self-evaluation (<see cref="CompiledPerContext{TQuery}"/>).</summary>
    private static readonly CompiledPerContext<Func<AppDbContext, int, CancellationToken, Task<ExecutionFigure?>>> Latest = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int projectId, CancellationToken ct) =>
            db.ExecutionFigures.AsNoTracking().Where(f => f.ProjectId == projectId && f.Applied).OrderByDescending(f => f.ImportId).FirstOrDefault()));

    /// <summary>The latest applied figures of the record's project, or null when there are none (or the kind takes none).</summary>
    public static async Task<FormExecution?> Of(AppDbContext db, FormRecord record, FormKind kind, CancellationToken ct)
    {
        if ((record.ProjectId ?? record.Project?.Id) is not { } projectId || projectId == 0 || !ImportedExecutionFigures.Takes(kind)) return null;
        // A project loaded with its form that no applied import has named has none: no round trip (the save's case).
        if (record.Project is { HasExecutionFigures: false } project && project.Id == projectId) return null;
        var figure = await Latest.For(db)(db, projectId, ct);
        if (figure is null) return null;
        // The import lies in the importer's (finance's) subtree, above the unit: the unit may read what the figure it
        // can see came from (file, date, who), nothing else of it.
        var import = await db.ExecutionImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == figure.ImportId, ct);
        int? months = null;
        if (kind == FormKind.Monitoring && record.Organisation is { } unit)
            months = ExecutionImportService.RoundMonths(await ExecutionImportService.MonitoringRounds(db, figure.Year, ct), unit.Path);
        return new FormExecution(ExecutionImportService.Imported(figure, ExecutionImportService.Source(import)), months);
    }
}
