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
    public async Task A_save_rewrites_the_finding_and_indicator_rows_only_when_what_it_derives_changes()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("事实不动项目", new Finding("NOTE", Severity.Warning, "满意度缺少调查依据", "note", new FindingLocation("indicators", 3)));
        var id = await Draft("事实不动项目");
        // A stored row changed behind the store's back (a hand edit), its fingerprint left as it was: a save that derives
        // what the last write stored does not read the rows, so it does not see the edit either.
        await InDatabase(db => db.Findings.Where(f => f.FormId == id).ExecuteUpdateAsync(x => x.SetProperty(f => f.Message, "手改")));
        var form = Forms.Project("事实不动项目");
        form.Title = "标题改了，指标和问题都没变";

        var saved = await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        Assert.Equal(["满意度缺少调查依据"], saved["findings"]!.AsArray().Select(f => (string)f!["message"]!));
        Assert.Equal(["手改"], await FindingMessages(id));
        Assert.Equal("标题改了，指标和问题都没变", (await Fact(id))!.Title);

        // A figure that moves an indicator fact: every row is derived and written again.
        form.Indicators[0].Actual = "130台";
        saved = await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        Assert.Equal(130m, (await Fact(id))!.Indicators.Single(i => i.Position == 1).ActualValue);
        Assert.Equal(["满意度缺少调查依据"], await FindingMessages(id));

        // The checker finds something else in the same form: the finding rows follow.
        Host.Checker.For("事实不动项目", new Finding("FUNDS_RATE", Severity.Error, "执行率应为 86.18%", "rate", new FindingLocation("funds", 1, "执行率")));
        saved = await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        Assert.Equal(["执行率应为 86.18%"], saved["findings"]!.AsArray().Select(f => (string)f!["message"]!));
        Assert.Equal(["执行率应为 86.18%"], await FindingMessages(id));
        Assert.Equal((1, 0), ((await Fact(id))!.Errors, (await Fact(id))!.Warnings));

        // Whatever writes the rows otherwise clears the fingerprint, and the next save writes them again.
        await InDatabase(db => db.Findings.Where(f => f.FormId == id).ExecuteUpdateAsync(x => x.SetProperty(f => f.Message, "手改")));
        await InDatabase(db => db.FormFacts.Where(f => f.FormId == id).ExecuteUpdateAsync(x => x.SetProperty(f => f.RowsHash, (long?)null)));
        await Expect(HttpStatusCode.OK, await Save("unit", id, form));

        Assert.Equal(["执行率应为 86.18%"], await FindingMessages(id));
    }

    [Fact]
    public async Task A_departments_new_name_reaches_its_units_facts_at_once_and_saves_keep_it()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("事实改名项目");
        var department = Host.World.Id("SJ");
        try
        {
            await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/organisations/{department}", new { name = "甲市数据局" }));

            Assert.Equal("甲市数据局", (await Fact(id))!.DepartmentName);
            var form = Forms.Project("事实改名项目");
            form.Title = "改名以后保存";
            await Expect(HttpStatusCode.OK, await Save("unit", id, form));
            var fact = (await Fact(id))!;
            Assert.Equal((department, "甲市数据局"), (fact.DepartmentId, fact.DepartmentName));
            Assert.Contains("甲市数据局", fact.SearchText, StringComparison.Ordinal);
        }
        finally
        {
            await Expect(HttpStatusCode.OK, await Host.Client("admin").Send(HttpMethod.Put, $"/api/v1/organisations/{department}", new { name = "甲市数据资源局" }));
        }
    }

    private async Task InDatabase(Func<AppDbContext, Task<int>> change)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private async Task<List<string>> FindingMessages(int id)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Findings.Where(f => f.FormId == id).OrderBy(f => f.Position).Select(f => f.Message).ToListAsync();
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
    public async Task A_save_writes_the_facts_and_findings_that_deriving_them_afresh_gives()
    {
        Host.SkipUnlessAvailable();
        // The project's approved targets, changed since: the save's cross-form comparisons have something to find.
        var targets = Forms.Project("事实重算项目");
        targets.Kind = FormKind.Targets;
        foreach (var row in targets.Indicators) { row.Actual = null; row.StatedScore = null; }
        targets.Indicators[0].Target = "≥150台";
        targets.Funds.Clear();
        targets.StatedTotal = null;
        await Draft("事实重算项目", form: targets);
        var id = await Draft("事实重算项目");
        var form = Forms.Project("事实重算项目");
        form.Indicators[1].Actual = "1.5万次";
        form.StatedTotal = 91m;

        await Expect(HttpStatusCode.OK, await Save("unit", id, form));
        var saved = await Derived(id);
        Assert.Contains(CheckCodes.TargetChanged, saved.Findings);

        // The background re-derivation reads the form anew and derives everything itself.
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var check = scope.ServiceProvider.GetRequiredService<FormCheck>();
            await db.FormFacts.Where(f => f.FormId == id).ExecuteUpdateAsync(x => x.SetProperty(f => f.FactsVersion, 0));
            await Jixiao.Data.Forms.FactRederivation.RunBatchAsync(db, (f, rulebook) => check(f, rulebook), Jixiao.Web.Features.Forms.FormService.RulebookFor,
                "test", TimeProvider.System, 1000, CancellationToken.None);
        }
        var derived = await Derived(id);

        Assert.Equal(saved.Fact, derived.Fact);
        Assert.Equal(saved.Indicators, derived.Indicators);
        Assert.Equal(saved.Findings, derived.Findings);
    }

    /// <summary>What a derivation writes for a form: its fact and indicator facts (times and lease aside) and its finding rows.</summary>
    private async Task<(string Fact, List<string> Indicators, List<string> Findings)> Derived(int id)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var fact = await db.FormFacts.AsNoTracking().Include(f => f.Indicators).SingleAsync(f => f.FormId == id);
        var findings = await db.Findings.AsNoTracking().Where(f => f.FormId == id).OrderBy(f => f.Position).ToListAsync();
        return (string.Join("|", fact.OrganisationPath, fact.OrganisationId, fact.UnitName, fact.DepartmentId, fact.DepartmentName, fact.ProjectId, fact.Year, fact.Kind,
                fact.TemplateId, fact.RulebookId, fact.Status, fact.IsCurrent, fact.ProjectName, fact.Title, fact.Scored, fact.ComputedTotal, fact.ComputedGrade,
                fact.StatedTotal, fact.StatedGrade, fact.Budget, fact.Executed, fact.BudgetYuan, fact.ExecutionRate, fact.Errors, fact.Warnings, fact.Infos,
                fact.Unexplained, fact.Deductions, fact.Risk, fact.FactsVersion, fact.CheckerVersion, fact.SearchText),
            fact.Indicators.OrderBy(i => i.Position).Select(i => string.Join("|", i.Position, i.OrganisationPath, i.Year, i.Kind, i.Level1, i.Level2, i.Name,
                i.NormalisedName, i.Target, i.TargetValue, i.Actual, i.ActualValue, i.Unit, i.Comparator, i.Direction, i.Weight, i.StatedScore, i.ComputedScore)).ToList(),
            findings.Select(f => f.Code).Concat(findings.Select(f => string.Join("|", f.Position, f.Severity, f.Message, f.Block, f.RowNumber, f.Field, f.ComparedFormId, f.ComparedKind))).ToList());
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
