using System.Net;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The facts analytics read follow every save, transition, new version and deletion of a form, in the same
/// transaction: nothing a reviewer sorts or counts by is ever older than the form.
/// </summary>
public abstract class FormFactTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<FormFact?> Fact(int id)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.FormFacts.Include(f => f.Indicators).AsNoTracking().SingleOrDefaultAsync(f => f.FormId == id);
    }

    [Fact]
    public async Task A_new_form_has_facts_with_its_place_scores_findings_and_indicator_rows()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("事实新建项目",
            new Finding("FUNDS_RATE", Severity.Error, "执行率应为 86.18%", "rate", new FindingLocation("funds", 1, "执行率")),
            new Finding("NOTE", Severity.Warning, "满意度缺少调查依据", "note", new FindingLocation("indicators", 3)));

        var id = await Draft("事实新建项目");

        var fact = (await Fact(id))!;
        Assert.Equal((Host.World.Organisations["LY"].Path, "浏阳市数据资源中心", "甲市数据资源局", 2020), (fact.OrganisationPath, fact.UnitName, fact.DepartmentName, fact.Year));
        Assert.Equal((FormKind.ProjectSelfEvaluation, FormStatus.Draft, true, true), (fact.Kind, fact.Status, fact.IsCurrent, fact.Scored));
        Assert.Equal((1, 1, 0), (fact.Errors, fact.Warnings, fact.Infos));
        Assert.Equal((250000m, 215457.60m, 0.861830m), (fact.Budget, fact.Executed, fact.ExecutionRate));
        Assert.Equal(98.62m, fact.StatedTotal);
        Assert.NotNull(fact.ComputedTotal);
        Assert.Equal(100m + 5m + fact.Deductions, fact.Risk);
        Assert.Contains("事实新建项目", fact.SearchText, StringComparison.Ordinal);
        Assert.Equal(["运维服务器数量", "数据共享调用次数", "服务对象满意度"], fact.Indicators.OrderBy(i => i.Position).Select(i => i.Name));
        var servers = fact.Indicators.Single(i => i.Position == 1);
        Assert.Equal((120m, 126m, "台", "AtLeast", 50m), (servers.TargetValue, servers.ActualValue, servers.Unit, servers.Comparator, servers.Weight));
    }

    [Fact]
    public async Task A_save_with_fewer_indicator_rows_leaves_only_those_rows_in_the_facts()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("事实删行项目");
        var form = Forms.Project("事实删行项目");
        form.Indicators.RemoveAt(0);
        form.StatedTotal = 40m;

        await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        var fact = (await Fact(id))!;
        Assert.Equal(["数据共享调用次数", "服务对象满意度"], fact.Indicators.OrderBy(i => i.Position).Select(i => i.Name));
        Assert.Equal([1, 2], fact.Indicators.OrderBy(i => i.Position).Select(i => i.Position));
        Assert.Equal(40m, fact.StatedTotal);
    }

    [Fact]
    public async Task Transitions_move_the_fact_and_a_new_version_makes_the_old_one_not_current()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Published, "事实流转项目");
        Assert.Equal(FormStatus.Published, (await Fact(id))!.Status);

        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("事实流转项目"), newVersion = true }));
        var fresh = (int)created["id"]!;

        Assert.False((await Fact(id))!.IsCurrent);
        Assert.True((await Fact(fresh))!.IsCurrent);

        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{fresh}"));
        Assert.Null(await Fact(fresh));
        Assert.True((await Fact(id))!.IsCurrent);
    }

    [Fact]
    public async Task Kinds_without_a_score_have_no_score_in_their_facts()
    {
        Host.SkipUnlessAvailable();
        var form = Forms.Project("事实监控项目");
        form.Kind = FormKind.Monitoring;
        form.MonitoringMonths = 6;

        var fact = (await Fact(await Draft("事实监控项目", form: form)))!;

        Assert.False(fact.Scored);
        Assert.Equal((null, null, null, null), (fact.ComputedTotal, fact.ComputedGrade, fact.StatedTotal, fact.StatedGrade));
        Assert.All(fact.Indicators, i => Assert.Null(i.ComputedScore));
    }
}

public sealed class FormFactsOnSqlite(SqliteHost host) : FormFactTests<SqliteHost>(host);

public sealed class FormFactsOnPostgres(PostgresHost host) : FormFactTests<PostgresHost>(host);

/// <summary>
/// A template with a column nobody declared before needs no migration: the value rides in the form's body through the
/// API and back, and the database model still equals its migrations.
/// </summary>
public abstract class NewTemplateColumnTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_value_under_a_new_role_id_saves_and_reads_back_without_a_migration()
    {
        Host.SkipUnlessAvailable();
        var form = Forms.Project("新栏目项目");
        form.TemplateId = "province-x-project-self-evaluation-2027";
        form.TemplateVersion = 1;
        form.Extra["province-x.review-opinion"] = "同意";
        form.Funds[0].Extra["province-x.adjusted-budget"] = "260000";
        form.Indicators[0].Extra["province-x.score-coefficient"] = "0.8";
        var id = await Draft("新栏目项目", form: form);
        form.Indicators[1].Extra["province-x.scoring-standard"] = "每少1万次扣1分";
        await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        var back = (await Read("unit", id))["form"]!;

        Assert.Equal("province-x-project-self-evaluation-2027", (string?)back["templateId"]);
        Assert.Equal("同意", (string?)back["extra"]!["province-x.review-opinion"]);
        Assert.Equal("260000", (string?)back["funds"]![0]!["extra"]!["province-x.adjusted-budget"]);
        Assert.Equal("0.8", (string?)back["indicators"]![0]!["extra"]!["province-x.score-coefficient"]);
        Assert.Equal("每少1万次扣1分", (string?)back["indicators"]![1]!["extra"]!["province-x.scoring-standard"]);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        Assert.False(scope.ServiceProvider.GetRequiredService<AppDbContext>().Database.HasPendingModelChanges());
    }
}

public sealed class NewTemplateColumnOnSqlite(SqliteHost host) : NewTemplateColumnTests<SqliteHost>(host);

public sealed class NewTemplateColumnOnPostgres(PostgresHost host) : NewTemplateColumnTests<PostgresHost>(host);
