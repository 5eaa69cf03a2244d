using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Rulebooks;
using Jixiao.Data.Forms;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Data.Tests.Generation;

/// <summary>One small generated city loaded into SQLite, shared by the tests of what a load writes.</summary>
public sealed class LoadedCity : IAsyncLifetime
{
    public SqliteTestDatabase Database { get; } = new();

    public ProvinceGenerator Generator { get; } = new(42, 4);

    public LoadTotals Totals { get; private set; } = null!;

    public static Rulebook Rulebook => Rulebooks.Default;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await using var db = Database.NewContext();
        Totals = await ProvinceLoader.LoadAsync(db, Generator,
            new LoadSettings(form => Checker.Check(form, Rulebook), Rulebook, TimeProvider.System) { Password = "Generated-Xq7-2026", BatchUnits = 3 },
            CancellationToken.None);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>
/// A generated province goes in through the app's write path: each form with the checker's findings, its facts, the
/// audit entry of its creation, and the workflow steps (versions, transitions, audit) that bring it to its state.
/// </summary>
public sealed class ProvinceLoaderTests(LoadedCity city) : IClassFixture<LoadedCity>
{
    private List<GeneratedForm> Generated => city.Generator.Units().SelectMany(u => u.Forms).ToList();

    [Fact]
    public async Task Every_generated_form_is_stored_with_its_unit_year_and_state()
    {
        await using var db = city.Database.NewContext();
        var stored = await db.Forms.Include(f => f.Organisation).Include(f => f.FiscalYear).AsNoTracking().ToListAsync();
        var generated = Generated;
        Assert.Equal(generated.Count, stored.Count);
        Assert.Equal(generated.Count, city.Totals.Forms);
        Assert.Equal(generated.Select(g => (g.UnitCode, g.Form.Year!.Value, g.Form.Kind, g.Status)).Order(),
            stored.Select(s => (s.Organisation!.Code, s.FiscalYear!.Year, s.Kind, s.Status)).Order());
        Assert.All(stored, s => Assert.NotNull(s.UniqueKey));
    }

    [Fact]
    public async Task Findings_and_facts_are_those_a_save_writes()
    {
        await using var db = city.Database.NewContext();
        var forms = await db.Forms.Include(f => f.Findings).Include(f => f.Fact).AsNoTracking().Take(60).ToListAsync();
        Assert.All(forms, f =>
        {
            var body = FormBody.Read(f.Body!, f.SchemaVersion);
            var expected = Checker.Check(body, LoadedCity.Rulebook);
            Assert.Equal(expected.Select(x => x.Code), f.Findings.OrderBy(x => x.Position).Select(x => x.Code));
            Assert.Equal(expected.Count(x => x.Severity == Severity.Error), f.Fact!.Errors);
            Assert.Equal(f.Status, f.Fact.Status);
        });
        Assert.Equal(await db.Forms.CountAsync(f => f.Findings.Any(x => x.Severity == Severity.Error)), city.Totals.ErrorForms);
        Assert.True(await db.IndicatorFacts.CountAsync() == city.Totals.IndicatorRows);
    }

    [Fact]
    public async Task Submitted_forms_have_a_version_with_justified_errors_and_every_step_is_audited()
    {
        await using var db = city.Database.NewContext();
        var published = await db.Forms.Where(f => f.Status == FormStatus.Published).Select(f => f.Id).FirstAsync();
        var steps = await db.Transitions.Where(t => t.FormId == published).OrderBy(t => t.Id).Select(t => t.To).ToListAsync();
        Assert.Equal([FormStatus.Submitted, FormStatus.DepartmentApproved, FormStatus.FinanceApproved, FormStatus.Published], steps);
        var audit = await db.AuditEntries.Where(a => a.EntityId == published.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "submit", "approve", "approve", "publish"], audit.Where(a => a != "justify"));

        var drafts = await db.Forms.Where(f => f.Status == FormStatus.Draft).Select(f => f.Id).ToListAsync();
        Assert.False(await db.Versions.AnyAsync(v => drafts.Contains(v.FormId)));
        Assert.Equal(await db.Forms.CountAsync(f => f.Status != FormStatus.Draft), await db.Versions.CountAsync());
        var erroneous = await db.Versions.Include(v => v.Justifications).Where(v => v.Form!.Findings.Any(x => x.Severity == Severity.Error)).FirstAsync();
        Assert.NotEmpty(erroneous.Justifications);
    }

    [Fact]
    public async Task Generated_accounts_sign_in_with_the_given_password_and_hold_their_role()
    {
        await using var db = city.Database.NewContext();
        var name = city.Generator.Users.First(x => x.Role == Roles.UnitFiller).UserName;
        var filler = await db.Users.SingleAsync(u => u.UserName == name);
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>();
        Assert.NotEqual(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(filler, filler.PasswordHash!, "Generated-Xq7-2026"));
        var role = await db.UserRoles.Where(r => r.UserId == filler.Id).Join(db.Roles, r => r.RoleId, x => x.Id, (_, x) => x.Name).SingleAsync();
        Assert.Equal(Roles.UnitFiller, role);
    }

    [Fact]
    public async Task A_second_load_into_the_same_database_is_refused_and_changes_nothing()
    {
        await using var db = city.Database.NewContext();
        var before = await db.Forms.CountAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ProvinceLoader.LoadAsync(db, new ProvinceGenerator(1, 2),
            new LoadSettings(form => Checker.Check(form, LoadedCity.Rulebook), LoadedCity.Rulebook, TimeProvider.System), CancellationToken.None));
        Assert.Contains("空数据库", refused.Message);
        Assert.Equal(before, await db.Forms.CountAsync());
    }

    /// <summary>Every row of the overview's totals, as text, sorted.</summary>
    private static async Task<List<string>> OverviewTotalsAsync(AppDbContext db)
    {
        var rows = new List<string>();
        rows.AddRange(await db.OverviewBands.AsNoTracking()
            .Select(t => "B " + t.Scope + " " + t.Depth + " " + t.Year + " " + t.Status + " " + t.TotalBand + " " + t.RateBand + " " + t.Forms).ToListAsync());
        rows.AddRange(await db.OverviewFindings.AsNoTracking()
            .Select(t => "F " + t.Scope + " " + t.Depth + " " + t.Year + " " + t.Status + " " + t.Code + " " + t.Count).ToListAsync());
        rows.AddRange((await db.OverviewGroups.AsNoTracking().ToListAsync()).Select(g => string.Join(' ', "G", g.Grain, g.GroupId, g.Path, g.Year, g.Status,
            g.Forms, g.TotalCount, g.TotalSum, g.RateCount, g.RateSum, g.Errors, g.Warnings, g.RankedRateCount, g.RankedRateSum, g.RankedErrors, g.RankedWarnings)));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    [Fact]
    public async Task The_overview_totals_are_built_at_the_end_of_the_load_and_kept_after_it()
    {
        await using var db = city.Database.NewContext();
        var loaded = await OverviewTotalsAsync(db);
        Assert.Contains(loaded, r => r.StartsWith("F ", StringComparison.Ordinal));
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync(OverviewTotalsSqlite.Rebuild);
        Assert.Equal(loaded, await OverviewTotalsAsync(db));

        // The load put the triggers back: a unit's published form handed back leaves the province's published count.
        var roots = db.Organisations.Where(o => o.ParentId == null).Select(o => o.Path);
        var fact = await db.FormFacts.Where(f => f.IsCurrent && f.Status == FormStatus.Published && !roots.Contains(f.OrganisationPath)).FirstAsync();
        Task<int> Published() => db.OverviewBands.Where(b => b.Depth == 1 && b.Year == fact.Year && b.Status == FormStatus.Published).SumAsync(b => b.Forms);
        var before = await Published();
        Assert.Equal(before, await db.FormFacts.CountAsync(f => f.IsCurrent && f.Year == fact.Year && f.Status == FormStatus.Published && !roots.Contains(f.OrganisationPath)));
        await db.FormFacts.Where(f => f.FormId == fact.FormId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Status, FormStatus.Returned));
        Assert.Equal(before - 1, await Published());
        await transaction.RollbackAsync();
    }
}
