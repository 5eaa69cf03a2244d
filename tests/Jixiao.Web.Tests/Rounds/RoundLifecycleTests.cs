using System.Net;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// A round from opening to closing as finance and a unit live it: tasks with their deadline and days left, completion
/// as forms are submitted, overdue once the day passes, a closed round refusing a late submission until finance extends
/// the unit's deadline (recorded with its reason). The class moves its own clock, so it has a host of its own.
/// </summary>
public abstract class RoundLifecycleTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_round_goes_from_tasks_to_completion_to_closing_and_a_late_submission_needs_an_extension()
    {
        Host.SkipUnlessAvailable();
        const int year = 2021;
        var cloud = await Project("LY", year, "政务云平台运维服务");
        var share = await Project("LY", year, "数据共享交换平台建设");
        await Project("YZ", year, "智慧校园建设");
        var deadline = Today.AddDays(10);

        var round = await Opened("finance", new { kind = "SelfEvaluation", year, deadline = Date(deadline) });

        // The unit sees its two tasks, with the deadline and the days left, and a reminder.
        var tasks = await Items("unit", "/api/v1/tasks");
        Assert.Equal(new[] { "政务云平台运维服务", "数据共享交换平台建设" }.Order(StringComparer.Ordinal), tasks.Select(t => (string)t!["projectName"]!).Order(StringComparer.Ordinal));
        Assert.All(tasks, t =>
        {
            Assert.Equal(Date(deadline), (string)t!["deadline"]!);
            Assert.Equal(10, (int)t["daysLeft"]!);
            Assert.False((bool)t["overdue"]!);
            Assert.Equal("项目支出绩效自评表", (string)t["kindName"]!);
        });
        var reminder = Assert.Single(await Items("unit", "/api/v1/notifications"));
        Assert.Contains("新任务", (string)reminder!["message"]!);
        Assert.Contains(Date(deadline), (string)reminder["message"]!);

        // The unit fills and submits one of them; completion counts it for the unit and its department.
        var cloudTask = (int)tasks.Single(t => (int)t!["projectId"]! == cloud)!["id"]!;
        var form = await StartForm("unit", cloudTask);
        Assert.Equal(form, await StartForm("unit", cloudTask));
        await Expect(HttpStatusCode.OK, await Save("unit", form, Forms.Project("政务云平台运维服务")));
        await Expect(HttpStatusCode.OK, await Submit("unit", form));
        var byUnit = await Items("finance", $"/api/v1/rounds/{round}/completion");
        var ly = byUnit.Single(c => (string)c!["name"]! == "浏阳市数据资源中心")!;
        Assert.Equal((2, 1, 0), ((int)ly["tasks"]!, (int)ly["submitted"]!, (int)ly["overdue"]!));
        Assert.Equal(50.0m, (decimal)ly["submittedShare"]!);
        var byDepartment = await Items("finance", $"/api/v1/rounds/{round}/completion?by=department");
        var sj = byDepartment.Single(c => (string)c!["name"]! == "甲市数据资源局")!;
        Assert.Equal((1, 2, 1), ((int)sj["units"]!, (int)sj["tasks"]!, (int)sj["submitted"]!));

        // The day after the deadline the other task is overdue, for the unit and in finance's completion.
        Host.Clock.Advance(TimeSpan.FromDays(11));
        var shareTask = (await Items("unit", "/api/v1/tasks")).Single(t => (int)t!["projectId"]! == share)!;
        Assert.True((bool)shareTask["overdue"]!);
        Assert.Equal(-1, (int)shareTask["daysLeft"]!);
        Assert.Equal(1, (int)(await Items("finance", $"/api/v1/rounds/{round}/completion")).Single(c => (string)c!["name"]! == "浏阳市数据资源中心")!["overdue"]!);

        // Closed: the late form is refused, with a Chinese reason.
        var late = await StartForm("unit", (int)shareTask["id"]!);
        await Expect(HttpStatusCode.OK, await Save("unit", late, Forms.Project("数据共享交换平台建设")));
        await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/rounds/{round}/close"));
        var refused = await Expect(HttpStatusCode.Conflict, await Submit("unit", late));
        Assert.Contains("已于", (string)refused["detail"]!);
        Assert.Contains("延期", (string)refused["detail"]!);
        Assert.Equal("Draft", (string)(await Read("unit", late))["status"]!);
        Assert.Empty(await Items("unit", "/api/v1/tasks"));

        // Finance extends the unit's deadline with a reason: recorded, and the submission goes through.
        var until = Today.AddDays(5);
        var extension = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/rounds/{round}/extensions",
            new { organisationId = Host.World.Id("LY"), until = Date(until), reason = "单位财务人员变动，经批准延期五天。" }));
        Assert.Equal(Date(deadline), (string)extension["before"]!);
        var recorded = Assert.Single((await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/rounds/{round}/extensions"))).AsArray());
        Assert.Equal("单位财务人员变动，经批准延期五天。", (string)recorded!["reason"]!);
        await Expect(HttpStatusCode.OK, await Submit("unit", late));
        // Another unit of the closed round, without an extension, stays refused.
        var school = (await Items("school", "/api/v1/tasks?open=false")).Single()!;
        var schoolForm = await StartForm("school", (int)school["id"]!);
        await Expect(HttpStatusCode.Conflict, await Submit("school", schoolForm));
    }

    [Fact]
    public async Task A_form_no_round_asked_for_is_submitted_as_before()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("不属于任何轮次的项目");

        await Expect(HttpStatusCode.OK, await Submit("unit", id));
    }
}

public sealed class RoundLifecycleOnSqlite(SqliteHost host) : RoundLifecycleTests<SqliteHost>(host);

public sealed class RoundLifecycleOnPostgres(PostgresHost host) : RoundLifecycleTests<PostgresHost>(host);

/// <summary>What finance sends when opening, extending or reading a round is checked, and refused in Chinese saying what is wrong.</summary>
public abstract class RoundValidationTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private async Task<string> Refused(HttpStatusCode status, HttpResponseMessage response)
    {
        var problem = await Expect(status, response);
        var detail = (string?)problem["detail"] ?? "";
        Assert.Matches("[\u4e00-\u9fff]", detail);
        return detail;
    }

    [Fact]
    public async Task Opening_a_round_names_what_is_wrong()
    {
        Host.SkipUnlessAvailable();
        await Project("LY", 2045, "校验测试项目");
        var deadline = Date(Today.AddDays(20));

        Assert.Contains("监控月份", await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Monitoring", year = 2045, deadline })));
        Assert.Contains("监控月份", await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Targets", year = 2045, deadline, monitoringMonths = 6 })));
        await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Monitoring", year = 2045, deadline, monitoringMonths = 13 }));
        await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Targets", year = 1999, deadline }));
        await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Targets", year = 2045, deadline, title = new string('轮', 201) }));
        Assert.Contains("早于今天", await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Targets", year = 2045, deadline = Date(Today.AddDays(-1)) })));
        await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Budget", year = 2045, deadline }));
        Assert.Contains("没有 2046 年度的预算项目", await Refused(HttpStatusCode.BadRequest, await OpenRound("finance", new { kind = "Targets", year = 2046, deadline })));
        await Opened("finance", new { kind = "Targets", year = 2045, deadline });
        Assert.Contains("未关闭", await Refused(HttpStatusCode.Conflict, await OpenRound("finance", new { kind = "Targets", year = 2045, deadline })));
    }

    [Fact]
    public async Task Extending_a_deadline_needs_a_reason_a_later_date_and_a_unit_of_the_round()
    {
        Host.SkipUnlessAvailable();
        await Project("LY", 2047, "延期校验项目");
        var deadline = Today.AddDays(20);
        var round = await Opened("finance", new { kind = "Targets", year = 2047, deadline = Date(deadline) });
        Task<HttpResponseMessage> Extend(object body) => Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/rounds/{round}/extensions", body);

        await Refused(HttpStatusCode.BadRequest, await Extend(new { organisationId = Host.World.Id("LY"), until = Date(deadline.AddDays(3)), reason = "" }));
        Assert.Contains("原因", await Refused(HttpStatusCode.BadRequest, await Extend(new { organisationId = Host.World.Id("LY"), until = Date(deadline.AddDays(3)), reason = "   " })));
        Assert.Contains("须晚于", await Refused(HttpStatusCode.BadRequest, await Extend(new { organisationId = Host.World.Id("LY"), until = Date(deadline), reason = "延期" })));
        await Refused(HttpStatusCode.NotFound, await Extend(new { organisationId = Host.World.Id("WC"), until = Date(deadline.AddDays(3)), reason = "延期" }));
        await Refused(HttpStatusCode.BadRequest, await Extend(new { organisationId = Host.World.Id("LY"), until = Date(deadline.AddDays(3)), reason = new string('因', 2001) }));
        Assert.Contains("unit 或 department", await Refused(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync($"/api/v1/rounds/{round}/completion?by=project")));
        await Refused(HttpStatusCode.NotFound, await Host.Client("finance").GetAsync("/api/v1/rounds/999999"));
        await Refused(HttpStatusCode.NotFound, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/tasks/999999/form"));
    }
}

/// <summary>The API document lists the round and task endpoints with their request contracts.</summary>
public sealed class RoundOpenApiTests(SqliteHost host) : RoundTestBase<SqliteHost>(host)
{
    [Fact]
    public async Task The_openapi_document_lists_rounds_tasks_and_notifications()
    {
        var document = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/v1/rounds", "/api/v1/rounds/{id}", "/api/v1/rounds/{id}/tasks", "/api/v1/rounds/{id}/completion",
                     "/api/v1/rounds/{id}/extensions", "/api/v1/rounds/{id}/close", "/api/v1/tasks", "/api/v1/tasks/{id}/form", "/api/v1/notifications" })
            Assert.Contains(path, paths);
        var schemas = document["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Contains("OpenRoundRequest", schemas);
        Assert.Contains("ExtendRequest", schemas);
    }
}

public sealed class RoundValidationOnSqlite(SqliteHost host) : RoundValidationTests<SqliteHost>(host);

public sealed class RoundValidationOnPostgres(PostgresHost host) : RoundValidationTests<PostgresHost>(host);
