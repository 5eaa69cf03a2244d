using Jixiao.Core.Checks;
using Jixiao.Core.Checks.Execution;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.ExecutionImports;

/// <summary>
/// The budget system's figures as every save sees them: a project's monitoring table or self-evaluation is compared with
/// the latest applied execution import of its project (<see cref="ImportedExecutionFigures.Compare"/>). Read through the
/// caller's scoped context: a figure lies under its project's unit, so the unit itself sees it.
/// </summary>
public static class ExecutionFigureChecks
{
    public static async Task<IReadOnlyList<Finding>> For(AppDbContext db, FormRecord record, PerformanceForm form, CancellationToken ct)
    {
        if ((record.ProjectId ?? record.Project?.Id) is not { } projectId || projectId == 0 || !ImportedExecutionFigures.Takes(form.Kind)) return [];
        var figure = await db.ExecutionFigures.AsNoTracking()
            .Where(f => f.ProjectId == projectId && f.Applied).OrderByDescending(f => f.ImportId).FirstOrDefaultAsync(ct);
        if (figure is null) return [];
        // The import lies in the importer's (finance's) subtree, above the unit: the unit may read what the figure it
        // can see came from (file, date, who), nothing else of it.
        var import = await db.ExecutionImports.IgnoreQueryFilters().AsNoTracking().SingleAsync(i => i.Id == figure.ImportId, ct);
        var months = form.MonitoringMonths;
        if (months is null && form.Kind == FormKind.Monitoring && record.Organisation is { } unit)
            months = ExecutionImportService.RoundMonths(await ExecutionImportService.MonitoringRounds(db, figure.Year, ct), unit.Path);
        return ImportedExecutionFigures.Compare(form, ExecutionImportService.Imported(figure, ExecutionImportService.Source(import)), months);
    }
}
