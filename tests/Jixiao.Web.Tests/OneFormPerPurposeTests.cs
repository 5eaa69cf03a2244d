using System.Net;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// One form per unit, project, kind, year and period unless explicitly a new version; duplicates from before are kept
/// and marked superseded; a draft can be deleted, a submission withdrawn before review, a publication taken back.
/// </summary>
public abstract class OneFormPerPurposeTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_second_form_for_the_same_project_kind_and_year_is_refused_and_names_the_first()
    {
        Host.SkipUnlessAvailable();
        var first = await Draft("重复检查项目");

        var second = await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("重复检查项目") });

        var problem = await Expect(HttpStatusCode.Conflict, second);
        Assert.Contains("已有", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal(first, (int)problem["existingFormId"]!);
        // Spacing does not make a different project.
        await Expect(HttpStatusCode.Conflict, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("重复检查 项目") }));
    }

    [Fact]
    public async Task The_first_forms_of_a_new_year_filed_at_the_same_moment_are_all_created()
    {
        Host.SkipUnlessAvailable();
        // No form has this year yet: every request finds it missing and adds it (the soak test saw 500s here).
        const int year = 2077;
        var requests = Enumerable.Range(1, 8).Select(i =>
        {
            var form = Forms.Project($"新年度并发项目{i}");
            form.Year = year;
            return Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms", new { organisationId = Host.World.Id("LY"), fiscalYear = year, form });
        }).ToList();

        foreach (var response in await Task.WhenAll(requests)) await Expect(HttpStatusCode.Created, response);
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<AppDbContext>().FiscalYears.CountAsync(y => y.Year == year));
    }

    [Fact]
    public async Task Another_year_project_or_monitoring_period_is_a_different_form()
    {
        Host.SkipUnlessAvailable();
        await Draft("期间检查项目");
        await Draft("期间检查项目二");
        var nextYear = Forms.Project("期间检查项目");
        nextYear.Year = 2021;
        await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2021, form = nextYear }));

        foreach (var months in new[] { 6, 9 })
        {
            var monitoring = Forms.Project("期间检查项目");
            monitoring.Kind = FormKind.Monitoring;
            monitoring.MonitoringMonths = months;
            await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
                new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = monitoring }));
        }
    }

    [Fact]
    public async Task An_explicit_new_version_replaces_a_published_form_which_is_kept_superseded_and_leaves_the_portal()
    {
        Host.SkipUnlessAvailable();
        var old = await FormIn(FormStatus.Published, "新版本检查项目");

        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("新版本检查项目"), newVersion = true }));
        var fresh = (int)created["id"]!;

        var kept = await Read("admin", old);
        Assert.Equal(fresh, (int)kept["supersededById"]!);
        Assert.Equal("Published", (string?)kept["status"]);
        Assert.Null((int?)(await Read("admin", fresh))["supersededById"]);
        await Expect(HttpStatusCode.Conflict, await Save("unit", old, Forms.Project("新版本检查项目")));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync($"/api/v1/forms/{old}/audit")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["action"] == "supersede");

        // Without an earlier form there is nothing to replace.
        await Expect(HttpStatusCode.BadRequest, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("无前版本项目"), newVersion = true }));
    }

    [Fact]
    public async Task Renaming_a_project_onto_another_form_of_the_unit_is_refused()
    {
        Host.SkipUnlessAvailable();
        await Draft("改名目标项目");
        var other = await Draft("改名来源项目");

        var response = await Save("unit", other, Forms.Project("改名目标项目"));

        await Expect(HttpStatusCode.Conflict, response);
        Assert.Equal("改名来源项目", (string?)(await Read("unit", other))["form"]!["project"]);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_with_an_audit_entry_but_a_submitted_form_cannot()
    {
        Host.SkipUnlessAvailable();
        var draft = await Draft("删除草稿项目");
        var submitted = await FormIn(FormStatus.Submitted, "删除已提交项目");

        await Expect(HttpStatusCode.Forbidden, await Host.Client("department").DeleteAsync($"/api/v1/forms/{draft}"));
        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{draft}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("unit").GetAsync($"/api/v1/forms/{draft}"));
        await Expect(HttpStatusCode.Conflict, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{submitted}"));

        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("admin").GetAsync("/api/v1/audit?entityType=form&entityId=" + draft)))["items"]!.AsArray();
        var deleted = Assert.Single(audit, a => (string?)a!["action"] == "delete")!;
        Assert.Contains("删除草稿项目", (string?)deleted["before"], StringComparison.Ordinal);
        // The purpose is free again.
        await Draft("删除草稿项目");
    }

    [Fact]
    public async Task Deleting_a_new_version_draft_brings_back_the_form_it_replaced()
    {
        Host.SkipUnlessAvailable();
        var old = await FormIn(FormStatus.Submitted, "撤销新版本项目");
        var fresh = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("撤销新版本项目"), newVersion = true })))["id"]!;

        await Expect(HttpStatusCode.NoContent, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{fresh}"));

        Assert.Null((int?)(await Read("admin", old))["supersededById"]);
        await Expect(HttpStatusCode.Conflict, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("撤销新版本项目") }));
    }

    [Fact]
    public async Task The_unit_withdraws_a_submission_before_review_but_not_after()
    {
        Host.SkipUnlessAvailable();
        var waiting = await FormIn(FormStatus.Submitted, "撤回检查项目");
        var reviewed = await FormIn(FormStatus.DepartmentApproved, "撤回已审核项目");

        var withdrawn = await Expect(HttpStatusCode.OK, await Act("unit", waiting, "withdraw"));
        Assert.Equal("Draft", (string?)withdrawn["status"]);
        Assert.False((bool)withdrawn["locked"]!);
        await Expect(HttpStatusCode.Conflict, await Act("unit", reviewed, "withdraw"));
        await Expect(HttpStatusCode.Forbidden, await Act("department", (await FormIn(FormStatus.Submitted, "撤回他人项目")), "withdraw"));
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{waiting}/history"))).AsArray();
        Assert.Equal(["Submit", "Withdraw"], history.Select(h => (string?)h!["action"]));
        // Submitted once, it keeps its history and cannot be deleted.
        await Expect(HttpStatusCode.Conflict, await Host.Client("unit").DeleteAsync($"/api/v1/forms/{waiting}"));
    }

    [Fact]
    public async Task Finance_unpublishes_only_with_a_reason_and_the_form_leaves_the_public_view()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Published, "取消公开检查项目");
        await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync($"/api/v1/forms/{id}"));

        await Expect(HttpStatusCode.BadRequest, await Act("finance", id, "unpublish", new { reason = " " }));
        await Expect(HttpStatusCode.Forbidden, await Act("department", id, "unpublish", new { reason = "数据有误" }));
        var back = await Expect(HttpStatusCode.OK, await Act("finance", id, "unpublish", new { reason = "执行数与决算不符，核实后重新公开。" }));

        Assert.Equal("FinanceApproved", (string?)back["status"]);
        await Expect(HttpStatusCode.NotFound, await Host.Anonymous().GetAsync($"/api/v1/forms/{id}"));
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/forms/{id}/history"))).AsArray();
        Assert.Equal("执行数与决算不符，核实后重新公开。", (string?)history.Last()!["reason"]);
    }

    [Fact]
    public async Task Duplicates_from_before_the_rule_are_kept_and_the_older_marked_superseded()
    {
        Host.SkipUnlessAvailable();
        var older = await Draft("迁移重复项目");
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var newer = await Draft("迁移重复项目二");
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            // As a database from before keys: the same project twice, no keys.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var forms = await db.Forms.Where(f => f.Id == older || f.Id == newer).ToListAsync();
            foreach (var f in forms) { f.UniqueKey = null; f.ProjectName = "迁移重复项目"; }
            await db.SaveChangesAsync();

            Assert.Equal(1, await FormIdentity.AssignMissingKeysAsync(db, CancellationToken.None));
        }

        Assert.Equal(newer, (int?)(await Read("admin", older))["supersededById"]);
        Assert.Null((int?)(await Read("admin", newer))["supersededById"]);
        await Expect(HttpStatusCode.Conflict, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, form = Forms.Project("迁移重复项目") }));
    }
}

public sealed class OneFormPerPurposeOnSqlite(SqliteHost host) : OneFormPerPurposeTests<SqliteHost>(host);

public sealed class OneFormPerPurposeOnPostgres(PostgresHost host) : OneFormPerPurposeTests<PostgresHost>(host);
