using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Rankings and distributions count reviewed forms only and say which states they count; the overview filters by year
/// and drills down from departments to units to forms (issue 15 item 4).
/// </summary>
public abstract class OverviewCountsTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<JsonNode> Overview(string query = "") =>
        await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/analytics/overview" + query));

    [Fact]
    public async Task Drafts_and_unreviewed_forms_move_no_rank_and_the_counted_states_are_named()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "排名已公开项目", filler: "wangcheng", organisation: "WC");
        // The school creates drafts and submits one: neither may put it in the ranking.
        await Draft("排名草稿项目", person: "school", organisation: "YZ");
        await FormIn(FormStatus.Submitted, "排名已提交项目", filler: "school", organisation: "YZ", reviewer: "education");

        var overview = await Overview("?year=2020");

        var ranking = overview["ranking"]!.AsArray();
        Assert.Contains(ranking, r => (int)r!["id"]! == Host.World.Id("WC"));
        Assert.DoesNotContain(ranking, r => (int)r!["id"]! == Host.World.Id("YZ"));
        Assert.Equal(["FinanceApproved", "Published"], overview["countedStates"]!.AsArray().Select(s => (string)s!));
        Assert.Equal(["财政已审核", "已公开"], overview["countedStateNames"]!.AsArray().Select(s => (string)s!));
        // Counts by state still show every current form.
        var states = overview["byState"]!.AsArray();
        Assert.True((int)states.Single(s => (string?)s!["label"] == "草稿")!["count"]! >= 1);
        Assert.True((int)overview["forms"]! > (int)overview["counted"]!);
    }

    [Fact]
    public async Task The_year_filter_leaves_out_other_years()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "年度筛选项目");

        Assert.True((int)(await Overview("?year=2020"))["forms"]! >= 1);
        var other = await Overview("?year=2019");
        Assert.Equal(0, (int)other["forms"]!);
        Assert.Empty(other["ranking"]!.AsArray());
    }

    [Fact]
    public async Task The_overview_drills_down_from_departments_to_units_to_forms()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Published, "逐级查看项目");

        var province = await Overview("?year=2020");
        Assert.Equal("department", (string?)province["level"]);
        var department = province["rows"]!.AsArray().Single(r => (string?)r!["name"] == "甲市数据资源局")!;
        var units = await Overview($"?year=2020&departmentId={(int)department["id"]!}");
        Assert.Equal("unit", (string?)units["level"]);
        Assert.Contains(units["rows"]!.AsArray(), r => (int)r!["id"]! == Host.World.Id("LY"));
        Assert.DoesNotContain(units["rows"]!.AsArray(), r => (int)r!["id"]! == Host.World.Id("YZ"));
        var forms = await Overview($"?year=2020&organisationId={Host.World.Id("LY")}");
        Assert.Equal("form", (string?)forms["level"]);
        Assert.Contains(forms["rows"]!.AsArray(), r => (int)r!["id"]! == id);
    }

    [Fact]
    public async Task The_drill_down_rows_come_a_page_at_a_time()
    {
        Host.SkipUnlessAvailable();
        await FormIn(FormStatus.Published, "分页查看项目");

        var first = await Overview("?year=2020&page=1");
        Assert.Equal(1, (int)first["pageNumber"]!);
        Assert.Equal(Jixiao.Web.Features.Analytics.Analytics.OverviewPageSize, (int)first["pageSize"]!);
        Assert.Equal(first["rows"]!.AsArray().Count, (int)first["rowsTotal"]!);
        Assert.Contains(first["rows"]!.AsArray(), r => (string?)r!["name"] == "甲市数据资源局");
        // Past the last page: no rows, the same total, the same figures above the table.
        var beyond = await Overview("?year=2020&page=2");
        Assert.Empty(beyond["rows"]!.AsArray());
        Assert.Equal((int)first["rowsTotal"]!, (int)beyond["rowsTotal"]!);
        Assert.Equal((int)first["forms"]!, (int)beyond["forms"]!);
    }
}

public sealed class OverviewCountsOnSqlite(SqliteHost host) : OverviewCountsTests<SqliteHost>(host);

public sealed class OverviewCountsOnPostgres(PostgresHost host) : OverviewCountsTests<PostgresHost>(host);

/// <summary>
/// The portal shows the stated 总分/等级 and the recomputed ones side by side, marks a difference, and shows no score
/// at all for kinds that have none (issue 15 item 6).
/// </summary>
public abstract class PortalScoresTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<JsonNode> Find(string q) =>
        (await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/api/v1/portal/forms?q=" + Uri.EscapeDataString(q))))["items"]!.AsArray().Single()!;

    private async Task Publish(int id)
    {
        await Expect(HttpStatusCode.OK, await Submit("unit", id));
        await Expect(HttpStatusCode.OK, await Act("department", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "publish"));
    }

    [Fact]
    public async Task A_self_evaluation_shows_stated_and_recomputed_scores_and_marks_a_difference()
    {
        Host.SkipUnlessAvailable();
        var form = Forms.Project("门户评分项目");
        form.StatedTotal = 96m;
        form.StatedGrade = "优";
        var id = await Draft("门户评分项目", form: form);
        await Publish(id);

        var found = await Find("门户评分项目");

        Assert.Equal(id, (int)found["formId"]!);
        Assert.True((bool)found["scored"]!);
        Assert.Equal(96m, (decimal)found["stated"]!["total"]!);
        Assert.Equal("优", (string?)found["stated"]!["grade"]);
        var computed = (decimal)found["computed"]!["total"]!;
        Assert.NotEqual(96m, computed);
        Assert.True((bool)found["differs"]!);
    }

    [Fact]
    public async Task A_monitoring_table_has_no_score_on_the_portal()
    {
        Host.SkipUnlessAvailable();
        var form = Forms.Project("门户监控项目");
        form.Kind = FormKind.Monitoring;
        form.MonitoringMonths = 6;
        await Publish(await Draft("门户监控项目", form: form));

        var found = await Find("门户监控项目");

        Assert.False((bool)found["scored"]!);
        Assert.Null(found["stated"]);
        Assert.Null(found["computed"]);
        Assert.False((bool)found["differs"]!);
        var page = await Host.Anonymous().GetStringAsync("/portal?q=" + Uri.EscapeDataString("门户监控项目"));
        Assert.Contains("不评分", page, StringComparison.Ordinal);
        Assert.DoesNotContain("0.00", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_are_not_found_on_the_portal()
    {
        Host.SkipUnlessAvailable();
        await Draft("门户草稿项目");
        var page = await Expect(HttpStatusCode.OK, await Host.Anonymous().GetAsync("/api/v1/portal/forms?q=" + Uri.EscapeDataString("门户草稿项目")));
        Assert.Empty(page["items"]!.AsArray());
    }
}

public sealed class PortalScoresOnSqlite(SqliteHost host) : PortalScoresTests<SqliteHost>(host);

public sealed class PortalScoresOnPostgres(PostgresHost host) : PortalScoresTests<PostgresHost>(host);

/// <summary>
/// The review queue is sorted by risk with the sum explained, filtered by state, department, kind and year, paged; bulk
/// approval skips forms whose error findings were never justified and says which (issue 15 item 13).
/// </summary>
public abstract class ReviewQueueTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<JsonArray> Queue(string person, string query = "") =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync("/api/v1/analytics/queue" + query)))["items"]!.AsArray();

    [Fact]
    public async Task The_queue_puts_the_riskiest_form_first_and_explains_its_risk()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("队列高风险项目", new Finding("funds-rate", Severity.Error, "执行率算错", "rate", new FindingLocation("funds", 1, "执行率")));
        var risky = await Draft("队列高风险项目");
        await Expect(HttpStatusCode.OK, await Submit("unit", risky, await Keys(risky)));
        var calm = await FormIn(FormStatus.Submitted, "队列低风险项目");

        var items = await Queue("department");

        var ids = items.Select(i => (int)i!["formId"]!).ToList();
        Assert.True(ids.IndexOf(risky) < ids.IndexOf(calm));
        var explanation = (string?)items.Single(i => (int)i!["formId"]! == risky)!["riskExplanation"];
        Assert.StartsWith("错误 1 × 100 + 未说明扣分", explanation, StringComparison.Ordinal);
        Assert.Empty(await Queue("department", "?kind=monitoring"));
        Assert.Empty(await Queue("department", "?year=2019"));
        Assert.Empty(await Queue("finance", "?state=DepartmentApproved&departmentId=999999"));
    }

    [Fact]
    public async Task Pages_of_the_queue_follow_one_another_in_risk_order_and_count_every_form()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("分页高风险项目", new Finding("funds-rate", Severity.Error, "执行率算错", "rate", new FindingLocation("funds", 1, "执行率")));
        var risky = await Draft("分页高风险项目");
        await Expect(HttpStatusCode.OK, await Submit("unit", risky, await Keys(risky)));
        for (var i = 0; i < 4; i++) await FormIn(FormStatus.Submitted, $"分页项目{i}");
        var whole = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync("/api/v1/analytics/queue?pageSize=200"));
        var expected = whole["items"]!.AsArray().Select(i => (int)i!["formId"]!).ToList();
        var risks = whole["items"]!.AsArray().Select(i => (decimal)i!["risk"]!).ToList();
        Assert.True(expected.Count >= 5);
        Assert.Equal(risks.OrderByDescending(r => r), risks);

        var paged = new List<int>();
        for (var page = 1; page <= (expected.Count + 1) / 2; page++)
        {
            var body = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/analytics/queue?pageSize=2&page={page}"));
            Assert.Equal(expected.Count, (int)body["total"]!);
            paged.AddRange(body["items"]!.AsArray().Select(i => (int)i!["formId"]!));
        }

        Assert.Equal(expected, paged);
    }

    private async Task<Dictionary<string, string>> Keys(int id)
    {
        var findings = (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}")))["findings"]!.AsArray();
        return findings.Where(f => (string?)f!["severity"] == "Error").ToDictionary(f => (string)f!["key"]!, _ => "已向主管部门说明。");
    }

    [Fact]
    public async Task Bulk_approval_skips_a_form_with_an_unjustified_error_and_says_why()
    {
        Host.SkipUnlessAvailable();
        var clean = await FormIn(FormStatus.Submitted, "批量通过项目");
        var flagged = await FormIn(FormStatus.Submitted, "批量跳过项目");
        // A newer check found an error after submission: nobody has justified it.
        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var finding = FormFinding.From(new Finding("funds-rate", Severity.Error, "执行率算错", "rate", new FindingLocation("funds", 1, "执行率")), 99);
            finding.FormId = flagged;
            FormStore.Scope(finding, await db.FormFacts.SingleAsync(f => f.FormId == flagged));
            db.Findings.Add(finding);
            await db.SaveChangesAsync();
        }

        var result = await Expect(HttpStatusCode.OK, await Host.Client("department").Send(HttpMethod.Post, "/api/v1/forms/bulk/approve", new { ids = new[] { clean, flagged } }));

        Assert.Equal([clean], result["done"]!.AsArray().Select(i => (int)i!));
        var skipped = result["skipped"]!.AsArray().Single()!;
        Assert.Equal(flagged, (int)skipped["formId"]!);
        Assert.Contains("未说明原因", (string?)skipped["reason"], StringComparison.Ordinal);
        Assert.Equal("DepartmentApproved", (string?)(await Read("department", clean))["status"]);
        Assert.Equal("Submitted", (string?)(await Read("department", flagged))["status"]);
    }

    [Fact]
    public async Task Bulk_return_needs_a_reason_and_returns_each_form()
    {
        Host.SkipUnlessAvailable();
        var a = await FormIn(FormStatus.Submitted, "批量退回项目一");
        var b = await FormIn(FormStatus.Submitted, "批量退回项目二");

        await Expect(HttpStatusCode.BadRequest, await Host.Client("department").Send(HttpMethod.Post, "/api/v1/forms/bulk/return", new { ids = new[] { a, b } }));
        var result = await Expect(HttpStatusCode.OK, await Host.Client("department").Send(HttpMethod.Post, "/api/v1/forms/bulk/return",
            new { ids = new[] { a, b }, reason = "请补充满意度调查依据。" }));

        Assert.Equal([a, b], result["done"]!.AsArray().Select(i => (int)i!).Order());
        Assert.Equal("Returned", (string?)(await Read("unit", a))["status"]);
    }
}

public sealed class ReviewQueueOnSqlite(SqliteHost host) : ReviewQueueTests<SqliteHost>(host);

public sealed class ReviewQueueOnPostgres(PostgresHost host) : ReviewQueueTests<PostgresHost>(host);

/// <summary>
/// The portal counts a search's matches only so far past the page it shows (<see cref="Features.Analytics.Analytics.PortalCounted"/>),
/// as a search engine does: within the bound the total is exact, beyond it the page says there are more, and the page's
/// rows are the same as with an exact count.
/// </summary>
public abstract class PortalBoundedCountTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_bounded_count_is_exact_within_its_bound_and_says_more_beyond_it()
    {
        Host.SkipUnlessAvailable();
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var all = db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id);
        var count = await all.CountAsync();
        Assert.True(count >= 4, $"only {count} organisations");

        var exact = await all.ToBoundedPageAsync(2, 1, count, CancellationToken.None);
        Assert.Equal(count, exact.Total);
        Assert.False(exact.MoreThanTotal);

        var bounded = await all.ToBoundedPageAsync(2, 1, 1, CancellationToken.None);
        Assert.Equal(2, bounded.Total);
        Assert.True(bounded.MoreThanTotal);
        Assert.Equal(exact.Items, bounded.Items);
        Assert.Equal(await all.Skip(1).Take(1).ToListAsync(), bounded.Items);

        var huge = await all.ToBoundedPageAsync(int.MaxValue, Paging.MaxPageSize, 1, CancellationToken.None);
        Assert.Empty(huge.Items);
        Assert.False(huge.MoreThanTotal);
        Assert.Equal(count, huge.Total);
    }
}

public sealed class PortalBoundedCountOnSqlite(SqliteHost host) : PortalBoundedCountTests<SqliteHost>(host);

public sealed class PortalBoundedCountOnPostgres(PostgresHost host) : PortalBoundedCountTests<PostgresHost>(host);
