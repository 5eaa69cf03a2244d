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

/// <summary>One demo start shared by the tests below: it imports the seed documents, which takes a few seconds.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-demo-seed-tests", Guid.NewGuid().ToString("N"));

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

public sealed class DemoSeedTests(SeededDemo demo) : IClassFixture<SeededDemo>
{
    private async Task<List<FormRecord>> FormsOf(string unit)
    {
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Forms.Include(f => f.Organisation).Include(f => f.Findings).Include(f => f.Project).AsNoTracking()
            .Where(f => f.Organisation!.Name == unit).OrderBy(f => f.Id).ToListAsync();
    }

    [Fact]
    public async Task The_seven_project_tables_of_seed_003_sit_under_the_shanghai_big_data_centre_in_several_states()
    {
        var forms = await FormsOf("上海市大数据中心");

        Assert.Equal(7, forms.Count);
        Assert.All(forms, f => Assert.Equal((FormKind.ProjectSelfEvaluation, "上海市大数据中心"), (f.Kind, f.UnitName)));
        Assert.Equal("“一网通办”及“随申办”运营", forms[0].ProjectName);
        Assert.All(forms, f => Assert.NotNull(f.Project));
        // The same project published twice is one budget project with two forms.
        Assert.Equal(4, forms.Select(f => f.ProjectId).Distinct().Count());
        Assert.Contains(FormStatus.Published, forms.Select(f => f.Status));
        Assert.Contains(FormStatus.Submitted, forms.Select(f => f.Status));
        Assert.Contains(FormStatus.Draft, forms.Select(f => f.Status));
        await using var scope = demo.Factory.Services.CreateAsyncScope();
        var unit = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations.Include(o => o.Parent).SingleAsync(o => o.Name == "上海市大数据中心");
        Assert.Equal(("湘江市数据资源局", OrganisationKind.Unit), (unit.Parent!.Name, unit.Kind));
    }

    [Fact]
    public async Task The_link_lease_project_of_liuyang_is_published_with_the_findings_of_the_real_checker()
    {
        var forms = await FormsOf("浏阳市数据资源中心");
        var lease = Assert.Single(forms, f => f.Kind == FormKind.ProjectSelfEvaluation && f.ProjectName!.Contains("链路租赁", StringComparison.Ordinal));

        Assert.Equal(FormStatus.Published, lease.Status);
        var recognised = DemoData.ReadSeed("002_3bc036a0d1488051.txt").Single(f => f.Kind == FormKind.ProjectSelfEvaluation);
        var expected = Checker.Check(recognised, Jixiao.Core.Rulebooks.Rulebooks.Default).Select(f => f.Code).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, lease.Findings.Select(f => f.Code).Order().ToList());
        Assert.Contains(forms, f => f.Kind == FormKind.Monitoring && f.Status == FormStatus.Submitted);
    }

    [Fact]
    public async Task Wangcheng_gets_its_department_table_published_and_its_report_submitted()
    {
        var forms = await FormsOf("长沙市望城区数据资源中心");

        Assert.Contains(forms, f => f.Kind == FormKind.DepartmentSelfEvaluation && f.Status == FormStatus.Published && f.Findings.Count > 0);
        Assert.Contains(forms, f => f.Kind == FormKind.Report && f.Status == FormStatus.Submitted);
    }
}
