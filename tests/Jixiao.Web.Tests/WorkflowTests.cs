using System.Net;
using Jixiao.Core.Checks;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests;

public abstract class WorkflowTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_new_form_is_a_draft_the_unit_can_edit()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("新建草稿");

        var form = await Read("unit", id);

        Assert.Equal("Draft", (string?)form["status"]);
        Assert.Equal("草稿", (string?)form["statusName"]);
        Assert.False((bool)form["locked"]!);
        Assert.Equal(1, (int)form["revision"]!);
    }

    [Fact]
    public async Task Submitting_records_who_and_when_and_creates_version_one()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("提交项目");
        Host.Clock.Advance(TimeSpan.FromMinutes(5));
        var now = Host.Clock.GetUtcNow();

        var form = await Expect(HttpStatusCode.OK, await Submit("unit", id));

        Assert.Equal("Submitted", (string?)form["status"]);
        Assert.True((bool)form["locked"]!);
        Assert.Equal(1, (int)form["latestVersion"]!);
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/history"))).AsArray();
        var step = Assert.Single(history)!;
        Assert.Equal(("Submit", "Draft", "Submitted", "unit", 1), ((string?)step["action"], (string?)step["from"], (string?)step["to"], (string?)step["userName"], (int?)step["versionNumber"]));
        Assert.Equal(now, DateTimeOffset.Parse((string)step["at"]!, System.Globalization.CultureInfo.InvariantCulture));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/versions/1"));
        Assert.Equal(now, DateTimeOffset.Parse((string)version["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_department_returns_with_a_reason_and_the_unit_can_edit_and_resubmit()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Submitted, "退回项目");

        var returned = await Expect(HttpStatusCode.OK, await Act("department", id, "return", new { reason = "执行率计算有误" }));
        Assert.Equal("Returned", (string?)returned["status"]);
        Assert.False((bool)returned["locked"]!);

        var edited = Forms.Project("退回项目");
        edited.Funds[0].StatedScore = 8.6m;
        await Expect(HttpStatusCode.OK, await Save("unit", id, edited));
        var resubmitted = await Expect(HttpStatusCode.OK, await Submit("unit", id));
        Assert.Equal(2, (int)resubmitted["latestVersion"]!);
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/history"))).AsArray();
        Assert.Equal(["Submit", "Return", "Submit"], history.Select(h => (string?)h!["action"]));
        Assert.Equal("执行率计算有误", (string?)history[1]!["reason"]);
        Assert.Equal("department", (string?)history[1]!["userName"]);
    }

    [Fact]
    public async Task A_return_without_a_reason_is_refused()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Submitted, "无理由退回");

        var problem = await Expect(HttpStatusCode.BadRequest, await Act("department", id, "return", new { reason = "  " }));

        Assert.Contains("原因", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("Submitted", (string?)(await Read("unit", id))["status"]);
    }

    [Fact]
    public async Task The_full_path_ends_published_and_visible_to_the_public()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Published, "公开项目");

        var anonymous = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync($"/api/v1/forms/{id}"));

        Assert.Equal("已公开", (string?)anonymous["statusName"]);
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/forms/{id}/history"))).AsArray();
        Assert.Equal(["Submit", "Approve", "Approve", "Publish"], history.Select(h => (string?)h!["action"]));
        Assert.Equal(["unit", "department", "finance", "finance"], history.Select(h => (string?)h!["userName"]));
        Assert.Equal(["Submitted", "DepartmentApproved", "FinanceApproved", "Published"], history.Select(h => (string?)h!["to"]));
    }

    [Fact]
    public async Task The_finance_bureau_can_return_a_department_approved_form_to_the_unit()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.DepartmentApproved, "财政退回");

        var form = await Expect(HttpStatusCode.OK, await Act("finance", id, "return", new { reason = "抽查复核：满意度无调查依据" }));

        Assert.Equal("Returned", (string?)form["status"]);
    }

    [Theory]
    [InlineData(FormStatus.Draft, "unit", "approve", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Draft, "department", "return", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Draft, "finance", "publish", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Submitted, "unit", "submit", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Submitted, "unit", "approve", HttpStatusCode.Forbidden)]
    [InlineData(FormStatus.Submitted, "finance", "approve", HttpStatusCode.Forbidden)]
    [InlineData(FormStatus.Submitted, "finance", "publish", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Submitted, "admin", "approve", HttpStatusCode.Forbidden)]
    [InlineData(FormStatus.DepartmentApproved, "department", "approve", HttpStatusCode.Forbidden)]
    [InlineData(FormStatus.DepartmentApproved, "unit", "submit", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.DepartmentApproved, "finance", "publish", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.FinanceApproved, "department", "publish", HttpStatusCode.Forbidden)]
    [InlineData(FormStatus.FinanceApproved, "finance", "approve", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.FinanceApproved, "department", "return", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Published, "finance", "unlock", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Published, "finance", "return", HttpStatusCode.Conflict)]
    [InlineData(FormStatus.Returned, "department", "approve", HttpStatusCode.Conflict)]
    public async Task A_transition_the_workflow_does_not_allow_is_refused_with_a_chinese_problem(FormStatus status, string person, string action, HttpStatusCode expected)
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(status, $"拒绝 {status} {person} {action}");

        var response = await Act(person, id, action, new { reason = "理由", revision = await Revision(id) });

        var problem = await Expect(expected, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches("[\u4e00-\u9fff]", (string?)problem["title"]);
        Assert.Equal(status.ToString(), (string?)(await Read("admin", id))["status"]);
    }

    [Fact]
    public async Task An_approved_form_is_locked_against_saving()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.DepartmentApproved, "锁定项目");

        var problem = await Expect(HttpStatusCode.Conflict, await Save("unit", id, Forms.Project("锁定项目")));

        Assert.Contains("已锁定", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.True((bool)(await Read("unit", id))["locked"]!);
    }

    [Fact]
    public async Task The_approving_department_unlocks_with_a_recorded_reason_and_the_unit_can_edit_again()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.DepartmentApproved, "解锁项目");

        var unlocked = await Expect(HttpStatusCode.OK, await Act("department", id, "unlock", new { reason = "单位申请更正决算数" }));

        Assert.False((bool)unlocked["locked"]!);
        await Expect(HttpStatusCode.OK, await Save("unit", id, Forms.Project("解锁项目")));
        var history = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/history"))).AsArray();
        var unlock = history.Last()!;
        Assert.Equal(("Unlock", "department", "单位申请更正决算数"), ((string?)unlock["action"], (string?)unlock["userName"], (string?)unlock["reason"]));
    }

    [Fact]
    public async Task The_finance_bureau_unlocks_what_it_approved()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.FinanceApproved, "财政解锁");

        await Expect(HttpStatusCode.Forbidden, await Act("department", id, "unlock", new { reason = "想改" }));
        await Expect(HttpStatusCode.BadRequest, await Act("finance", id, "unlock", new { reason = "" }));
        var unlocked = await Expect(HttpStatusCode.OK, await Act("finance", id, "unlock", new { reason = "决算批复调整" }));

        Assert.Equal("Returned", (string?)unlocked["status"]);
    }

    [Fact]
    public async Task Error_findings_block_submission_until_each_has_a_written_justification_reviewers_can_read()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("有错误的项目",
            new Finding("FUNDS_RATE", Severity.Error, "执行率应为 86.18%，表中为 86.20%", "rate", new FindingLocation("funds", 1, "执行率"), "86.20%", "86.18%"),
            new Finding("INDICATOR_SUM", Severity.Error, "二级指标分值之和不等于一级指标分值", "sum", new FindingLocation("indicators", 2)),
            new Finding("NOTE", Severity.Warning, "满意度缺少调查依据", "note", new FindingLocation("indicators", 3)));
        var id = await Draft("有错误的项目");
        var findings = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/findings"))).AsArray();
        Assert.Equal(3, findings.Count);
        var keys = findings.Where(f => (string?)f!["severity"] == "Error").Select(f => (string)f!["key"]!).ToList();

        var refused = await Expect(HttpStatusCode.UnprocessableEntity, await Submit("unit", id, new() { [keys[0]] = "原表如此，已核实" }));
        Assert.Equal([keys[1]], refused["missing"]!.AsArray().Select(m => (string?)m!["key"]));
        Assert.Equal("Draft", (string?)(await Read("unit", id))["status"]);

        await Expect(HttpStatusCode.OK, await Submit("unit", id, new() { [keys[0]] = "原表如此，已核实", [keys[1]] = "上级文件规定分值" }));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/versions/1"));
        Assert.Equal(["原表如此，已核实", "上级文件规定分值"], version["justifications"]!.AsArray().Select(j => (string?)j!["text"]));
        Assert.Equal(3, version["findings"]!.AsArray().Count);
    }
}

public sealed class WorkflowOnSqlite(SqliteHost host) : WorkflowTests<SqliteHost>(host);

public sealed class WorkflowOnPostgres(PostgresHost host) : WorkflowTests<PostgresHost>(host);
