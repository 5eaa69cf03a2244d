using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// Re-derives the facts (and finding rows) of forms whose facts are older than <see cref="FormStore.FactsVersion"/> or
/// <see cref="FormStore.CheckerVersion"/>, or missing (forms from before facts), a batch at a time. Several instances
/// may run it at once: each form is claimed by one conditional UPDATE (a lease that runs out if its holder dies), and a
/// form a person saves meanwhile is left alone (its save wrote fresh facts; the revision check refuses the stale write).
/// </summary>
public static class FactRederivation
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Re-derives up to <paramref name="batchSize"/> forms with an unrestricted context; returns how many it wrote (0:
    /// nothing left to do now). <paramref name="owner"/> names this instance in the lease.
    /// </summary>
    /// <remarks><paramref name="related"/> adds findings that need more than the form (the budget system's figures for its project).</remarks>
    public static async Task<int> RunBatchAsync(AppDbContext db, Func<PerformanceForm, Rulebook, IReadOnlyList<Finding>> check, Func<PerformanceForm, Rulebook> rulebookFor,
        string owner, TimeProvider clock, int batchSize, CancellationToken ct,
        Func<FormRecord, PerformanceForm, CancellationToken, Task<IReadOnlyList<Finding>>>? related = null)
    {
        var now = clock.GetUtcNow();
        var missing = await db.Forms.IgnoreQueryFilters().Where(f => f.Fact == null && f.Body != null)
            .OrderBy(f => f.Id).Select(f => f.Id).Take(batchSize).ToListAsync(ct);
        var stale = await db.FormFacts.IgnoreQueryFilters()
            .Where(f => (f.FactsVersion < FormStore.FactsVersion || f.CheckerVersion < FormStore.CheckerVersion) && (f.LeaseUntil == null || f.LeaseUntil < now))
            .OrderBy(f => f.FormId).Select(f => f.FormId).Take(batchSize).ToListAsync(ct);

        var done = 0;
        foreach (var id in missing.Concat(stale))
        {
            if (stale.Contains(id) && !await ClaimAsync(db, id, owner, now, ct)) continue;
            done += await DeriveAsync(db, id, check, related, rulebookFor, clock, ct) ? 1 : 0;
        }
        return done;
    }

    private static async Task<bool> ClaimAsync(AppDbContext db, int id, string owner, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Lease;
        return await db.FormFacts.IgnoreQueryFilters()
            .Where(f => f.FormId == id && (f.FactsVersion < FormStore.FactsVersion || f.CheckerVersion < FormStore.CheckerVersion)
                        && (f.LeaseUntil == null || f.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LeaseOwner, owner).SetProperty(f => f.LeaseUntil, until), ct) == 1;
    }

    private static async Task<bool> DeriveAsync(AppDbContext db, int id, Func<PerformanceForm, Rulebook, IReadOnlyList<Finding>> check,
        Func<FormRecord, PerformanceForm, CancellationToken, Task<IReadOnlyList<Finding>>>? related, Func<PerformanceForm, Rulebook> rulebookFor,
        TimeProvider clock, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var record = await FormStore.LoadForWriteAsync(db, id, ct);
        if (record is null) return false;
        var form = FormRows.ToForm(record);
        var place = await FormStore.PlaceAsync(db, record.Organisation!, ct);
        // A form keeps the rulebook it is scored by (the one finance chose when it was written, or the one its published
        // score came from): re-deriving refreshes the facts, it does not move a form to another rulebook.
        var rulebook = record.Fact?.RulebookId is { } kept && Rulebooks.Names.Contains(kept, StringComparer.Ordinal) ? Rulebooks.BuiltIn(kept) : rulebookFor(form);
        var rescored = record.Fact is { RescoredRulebookId: { } other } && Rulebooks.Names.Contains(other, StringComparer.Ordinal) ? Rulebooks.BuiltIn(other) : null;
        // The same findings a save writes: on its own, against the unit's related stored forms, and the caller's own
        // comparisons (the budget system's figures).
        var findings = check(form, rulebook);
        var year = record.FiscalYear!.Year;
        var others = await FormRelations.GatherAsync(db, form, record.Id, record.Organisation!, year, rulebook, ct);
        if (others.Count > 0) findings = [.. findings, .. FormRelations.Check(form, record.Id, record.Organisation!, year, others, rulebook)];
        if (related is not null) findings = [.. findings, .. await related(record, form, ct)];
        FormStore.Write(record, form, findings, rulebook, place, clock.GetUtcNow());
        if (rescored is not null) FormStore.RecordRescore(record.Fact!, form, rescored, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Saved by a person meanwhile (revision changed) or derived by another instance (the fact exists now):
            // either wrote fresh facts already.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
