using System.Net;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Evaluators;

/// <summary>
/// The evaluator fills the report of its task and submits it; finance accepts or returns it and scores its quality,
/// which the registry averages per agency. A task that ends takes the project out of the evaluator's reach.
/// </summary>
public abstract class EvaluationReportTests<THost>(THost host) : EvaluatorTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task The_evaluator_fills_and_submits_the_report_and_finance_returns_then_accepts_it()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", "智慧城市运营中心建设");
        var task = await Assign(project);

        var tasks = await Items("evaluator", "/api/v1/evaluation-tasks");
        Assert.Contains(task, tasks.Select(t => (int)t!["id"]!));
        var report = await StartReport(task);
        Assert.Equal(report, await StartReport(task));
        await Expect(HttpStatusCode.OK, await Save("evaluator", report, Report("智慧城市运营中心建设")));
        // The unit whose project it is reads the report but cannot write it; the department cannot review it.
        await Expect(HttpStatusCode.Forbidden, await Save("unit", report, Report("智慧城市运营中心建设", "单位自己改写的结论")));
        await Expect(HttpStatusCode.OK, await Submit("evaluator", report));
        await Expect(HttpStatusCode.Forbidden, await Act("department", report, "approve"));

        await Expect(HttpStatusCode.OK, await Act("finance", report, "return", new { reason = "请补充满意度调查的样本量。" }));
        Assert.Equal("Returned", (string?)(await Read("evaluator", report))["status"]);
        await Expect(HttpStatusCode.OK, await Submit("evaluator", report));
        await Expect(HttpStatusCode.OK, await Act("finance", report, "approve"));

        var accepted = await Read("finance", report);
        Assert.Equal("FinanceApproved", (string?)accepted["status"]);
        var row = (await Items("finance", $"/api/v1/evaluation-tasks?agencyId={Host.World.Agency.Id}")).Single(t => (int)t!["id"]! == task)!;
        Assert.Equal(report, (int)row["reportFormId"]!);
        Assert.Equal("FinanceApproved", (string?)row["reportStatus"]);
    }

    [Fact]
    public async Task Finance_scores_each_report_and_the_registry_shows_the_agencys_average_and_count()
    {
        Host.SkipUnlessAvailable();
        var agency = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/agencies",
            new { name = "甲市明鉴评价中心", creditCode = Jixiao.Data.Model.CreditCodes.Complete("91430100MA4L0Q501") })))["agency"]!["id"]!;
        var evaluator = await Expect(HttpStatusCode.Created, await Host.Client("admin").Send(HttpMethod.Post, "/api/v1/users",
            new { userName = "mingjian", displayName = "明鉴评价员", password = "Pw-mingjian-2026!", role = Roles.Evaluator, organisationId = Host.World.Id("CZ"), agencyId = agency }));
        Assert.Equal(agency, (int)evaluator["user"]!["agencyId"]!);
        var first = await Assign(await Project("LY", "数据共享交换平台"), agency);
        var second = await Assign(await Project("WC", "政务外网运维"), agency);
        using var browser = Host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await LogIn(browser, "mingjian", "Pw-mingjian-2026!")).StatusCode);
        foreach (var task in new[] { first, second })
        {
            var report = (int)(await Expect(HttpStatusCode.OK, await browser.Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{task}/report")))["formId"]!;
            var revision = (int)(await Expect(HttpStatusCode.OK, await browser.GetAsync($"/api/v1/forms/{report}")))["revision"]!;
            await Expect(HttpStatusCode.OK, await browser.Send(HttpMethod.Post, $"/api/v1/forms/{report}/submit", new { revision }));
        }

        var scored = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{first}/quality", FullMarks()));
        Assert.Equal(100m, (decimal)scored["total"]!);
        Assert.Equal(5, scored["items"]!.AsArray().Count);
        await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{second}/quality", FullMarks(0.75m)));

        var listed = (await Items("finance", "/api/v1/agencies?pageSize=200")).Single(a => (int)a!["id"]! == agency)!;
        Assert.Equal(2, (int)listed["scoredReports"]!);
        Assert.Equal(87.5m, (decimal)listed["averageQuality"]!);
        Assert.Equal(2, (int)listed["activeTasks"]!);

        // Scoring again replaces the earlier score; the count stays.
        await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{second}/quality", FullMarks(0.5m)));
        var again = (await Items("finance", "/api/v1/agencies?pageSize=200")).Single(a => (int)a!["id"]! == agency)!;
        Assert.Equal(2, (int)again["scoredReports"]!);
        Assert.Equal(75m, (decimal)again["averageQuality"]!);
        Assert.Equal(50m, (decimal)(await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/evaluation-tasks/{second}/quality")))["total"]!);
    }

    [Fact]
    public async Task A_report_is_scored_only_once_submitted()
    {
        Host.SkipUnlessAvailable();
        var task = await Assign(await Project("LY", "电子证照库扩容"));
        var none = await Expect(HttpStatusCode.Conflict, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{task}/quality", FullMarks()));
        Assert.Contains("还没有评价报告", (string?)none["detail"], StringComparison.Ordinal);
        await StartReport(task);

        var draft = await Expect(HttpStatusCode.Conflict, await Host.Client("finance").Send(HttpMethod.Put, $"/api/v1/evaluation-tasks/{task}/quality", FullMarks()));

        Assert.Contains("草稿", (string?)draft["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_the_task_takes_the_project_and_its_forms_out_of_the_evaluators_reach()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", "12345热线升级");
        var unitForm = await UnitForm("12345热线升级", project);
        var task = await Assign(project);
        var report = await SubmittedReport(task, "12345热线升级");
        await Expect(HttpStatusCode.OK, await Host.Client("evaluator").GetAsync($"/api/v1/forms/{unitForm}"));
        await Expect(HttpStatusCode.OK, await Host.Client("evaluator").GetAsync($"/api/v1/projects/{project}"));

        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{task}/withdraw", new { reason = " " }));
        var withdrawn = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{task}/withdraw", new { reason = "机构人员变动，改由他人评价。" }));
        Assert.False((bool)withdrawn["active"]!);

        foreach (var url in new[] { $"/api/v1/forms/{unitForm}", $"/api/v1/forms/{report}", $"/api/v1/projects/{project}", $"/api/v1/evaluation-tasks/{task}" })
            await Expect(HttpStatusCode.NotFound, await Host.Client("evaluator").GetAsync(url));
        Assert.DoesNotContain(await Items("evaluator", "/api/v1/evaluation-tasks"), t => (int)t!["id"]! == task);
        // Finance keeps the report, and the project may go to another agency now.
        await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/forms/{report}"));
        await Expect(HttpStatusCode.Conflict, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{task}/withdraw", new { reason = "再次撤回" }));
    }
}

public sealed class EvaluationReportOnSqlite(SqliteHost host) : EvaluationReportTests<SqliteHost>(host);

public sealed class EvaluationReportOnPostgres(PostgresHost host) : EvaluationReportTests<PostgresHost>(host);
