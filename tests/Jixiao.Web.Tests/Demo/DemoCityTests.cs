using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Demo;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Demo;

/// <summary>A demo start with the production checker (the other hosts plug in chosen findings).</summary>
public sealed class RealCheckerDemoFactory(string folder) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseSetting("Jixiao:DataFolder", folder);
        builder.ConfigureTestServices(services =>
        {
            services.AddDataProtection().UseEphemeralDataProtectionProvider();
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }
}

/// <summary>One demo start shared by the tests below: it loads the generated city, which takes a few seconds.</summary>
public sealed class LoadedDemo : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-demo-city-tests", Guid.NewGuid().ToString("N"));

    public RealCheckerDemoFactory Factory { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Factory = new RealCheckerDemoFactory(folder);
        Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// The demo is a generated city, not copies of published documents: three years of every form kind in every workflow
/// state, checked by the real checker, with the demo accounts sitting in its units and departments.
/// </summary>
public sealed class DemoCityTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    [Fact]
    public async Task Every_unit_files_every_kind_of_form_for_three_years_ending_with_the_demo_year()
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var forms = await db.Forms.Include(f => f.FiscalYear).AsNoTracking().ToListAsync();
        Assert.Equal([DemoData.Year - 2, DemoData.Year - 1, DemoData.Year], forms.Select(f => f.FiscalYear!.Year).Distinct().Order());
        // Units file the year's forms; ex-ante assessments and evaluations come from finance and evaluators (issue 20).
        Assert.Equal(Enum.GetValues<FormKind>().Where(k => k is not (FormKind.ExAnteAssessment or FormKind.Evaluation)).Order(), forms.Select(f => f.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<FormStatus>().Order(), forms.Where(f => f.FiscalYear!.Year == DemoData.Year).Select(f => f.Status).Distinct().Order());
        Assert.True(forms.Count(f => f.FiscalYear!.Year < DemoData.Year && f.Status == FormStatus.Published) * 2 > forms.Count(f => f.FiscalYear!.Year < DemoData.Year));
        Assert.Equal(DemoData.Units, await db.Organisations.CountAsync(o => o.Kind == OrganisationKind.Unit));
    }

    [Fact]
    public async Task Stored_findings_are_the_real_checkers_and_some_forms_carry_errors()
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var forms = await db.Forms.Include(f => f.Findings).AsNoTracking().OrderBy(f => f.Id).Take(80).ToListAsync();
        Assert.All(forms, f => Assert.Equal(
            Checker.Check(Jixiao.Data.Forms.FormBody.Read(f.Body!, f.SchemaVersion), Jixiao.Core.Rulebooks.Rulebooks.Default).Select(x => x.Code),
            f.Findings.OrderBy(x => x.Position).Select(x => x.Code)));
        Assert.Contains(forms, f => f.Findings.Any(x => x.Severity == Severity.Error));
        Assert.Contains(forms, f => f.Findings.All(x => x.Severity != Severity.Error));
    }

    [Fact]
    public async Task The_demo_accounts_sit_in_the_generated_units_and_departments()
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = await db.Users.Where(u => u.IsDemo && u.UserName!.StartsWith("demo-")).Include(u => u.Organisation).AsNoTracking().ToListAsync();
        Assert.Equal(8, users.Count);
        var school = users.Single(u => u.UserName == "demo-school").Organisation!;
        var education = users.Single(u => u.UserName == "demo-education").Organisation!;
        Assert.Equal((OrganisationKind.Unit, OrganisationKind.Department), (school.Kind, education.Kind));
        Assert.StartsWith(education.Path, school.Path);
        var liuyang = users.Single(u => u.UserName == "demo-liuyang").Organisation!;
        Assert.StartsWith(users.Single(u => u.UserName == "demo-department").Organisation!.Path, liuyang.Path);
        Assert.True(await db.Forms.CountAsync(f => f.OrganisationId == liuyang.Id && f.Status == FormStatus.Draft) > 0);
    }

    [Fact]
    public async Task The_demo_evaluator_works_for_an_agency_of_the_finance_bureau_with_a_task_of_the_last_year()
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var evaluator = await db.Users.Include(u => u.Organisation).AsNoTracking().SingleAsync(u => u.UserName == "demo-evaluator");
        var agency = await db.EvaluationAgencies.Include(a => a.Experts).AsNoTracking().SingleAsync(a => a.Id == evaluator.AgencyId);

        Assert.Equal(OrganisationKind.FinanceBureau, evaluator.Organisation!.Kind);
        Assert.Equal(evaluator.OrganisationId, agency.OrganisationId);
        Assert.Null(CreditCodes.Problem(agency.CreditCode));
        Assert.NotEmpty(agency.Experts);
        var task = await db.EvaluationAssignments.AsNoTracking().SingleAsync(t => t.AgencyId == agency.Id);
        Assert.Equal(DemoData.Year, task.Year);
        Assert.True(await db.Projects.AnyAsync(p => p.Id == task.ProjectId && p.OrganisationId == task.OrganisationId));
    }

    [Fact]
    public async Task Submitted_forms_keep_their_version_and_their_history()
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var published = await db.Forms.Where(f => f.Status == FormStatus.Published).Select(f => f.Id).FirstAsync();
        Assert.Equal(1, await db.Versions.CountAsync(v => v.FormId == published));
        Assert.Equal(4, await db.Transitions.CountAsync(t => t.FormId == published));
    }
}
