using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Rounds;

/// <summary>
/// What a closed round means for a submission: a form some round asked for may still be submitted while one of those
/// rounds is open, or while finance's extension for the unit runs; after the round closed without one, it is refused.
/// Forms no round asked for are not affected.
/// </summary>
public static class RoundGate
{
    public static async Task<Refusal?> LateSubmission(AppDbContext db, string? formKey, DateOnly today, CancellationToken ct)
    {
        if (formKey is null) return null;
        var tasks = await db.RoundTasks.AsNoTracking().Where(t => t.FormKey == formKey)
            .Select(t => new { t.RoundId, t.OrganisationId, t.Round!.Title, t.Round.ClosedAt }).ToListAsync(ct);
        if (tasks.Count == 0 || tasks.Any(t => t.ClosedAt is null)) return null;
        var rounds = tasks.Select(t => t.RoundId).ToList();
        var unit = tasks[0].OrganisationId;
        if (await db.RoundExtensions.AnyAsync(x => rounds.Contains(x.RoundId) && x.OrganisationId == unit && x.Until >= today, ct)) return null;
        var last = tasks.MaxBy(t => t.ClosedAt)!;
        return Refusal.WrongState(
            $"“{last.Title}”已于 {last.ClosedAt!.Value:yyyy-MM-dd} 关闭，逾期提交须由财政部门为本单位延期（延期记录原因）后才能提交。");
    }
}
