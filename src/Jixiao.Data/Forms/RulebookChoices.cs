using Jixiao.Core.Rulebooks;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Forms;

/// <summary>
/// Which rulebook and template set apply to a form: the choice finance made for the nearest organisation on the form's
/// path and the form's year (the latest such choice when it was changed); none: the default rulebook and the national
/// templates. Read past the access scope: a unit's forms follow the choice its finance bureau made above it.
/// </summary>
public static class RulebookChoices
{
    /// <summary>The region that means the national templates.</summary>
    public const string NationalTemplates = "*";

    public static Task<RulebookChoice?> InForceAsync(AppDbContext db, string organisationPath, int year, CancellationToken ct) =>
        InForce.For(db)(db, year, FormStore.Prefixes(organisationPath), ct);

    /// <summary>
    /// The same for a year already read with its form: a year nobody chose a rulebook in (<see cref="FiscalYear.HasRulebookChoices"/>,
    /// nearly every year of nearly every province) answers without a round trip.
    /// </summary>
    public static Task<RulebookChoice?> InForceAsync(AppDbContext db, string organisationPath, FiscalYear year, CancellationToken ct) =>
        year.HasRulebookChoices ? InForceAsync(db, organisationPath, year.Year, ct) : Task.FromResult<RulebookChoice?>(null);

    /// <summary>
    /// Marks <paramref name="year"/> as having a choice, creating its row if no form or project has made it yet, so that a
    /// year row read later by any path carries the marker (<see cref="FiscalYear.HasRulebookChoices"/>). In the caller's
    /// transaction, with the choice.
    /// </summary>
    public static Task MarkYearAsync(AppDbContext db, int year, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"FiscalYears\" (\"Year\", \"Closed\", \"HasRulebookChoices\") VALUES ({year}, {false}, {true}) ON CONFLICT (\"Year\") DO UPDATE SET \"HasRulebookChoices\" = {true}", ct);

    /// <summary>Every form page and save asks this (<see cref="CompiledPerContext{TQuery}"/>).</summary>
    private static readonly CompiledPerContext<Func<AppDbContext, int, List<string>, CancellationToken, Task<RulebookChoice?>>> InForce = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int year, List<string> prefixes, CancellationToken ct) =>
            db.RulebookChoices.IgnoreQueryFilters().AsNoTracking()
                .Where(c => c.Year == year && prefixes.Contains(c.OrganisationPath))
                .OrderByDescending(c => c.OrganisationPath.Length).ThenByDescending(c => c.Id).FirstOrDefault()));

    /// <summary>The rulebook of a choice (or the default without one); a name no longer shipped falls back to the default.</summary>
    public static Rulebook RulebookOf(RulebookChoice? choice) =>
        choice is not null && Rulebooks.Names.Contains(choice.RulebookId, StringComparer.Ordinal) ? Rulebooks.BuiltIn(choice.RulebookId) : Rulebooks.Default;
}
