using System.Net;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests;

public abstract class HistoryAndConcurrencyTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task Two_people_saving_the_same_revision_the_second_gets_409_with_both_versions_and_nothing_is_overwritten()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("并发保存");
        var mine = Forms.Project("并发保存");
        mine.Funds[0].Executed = 220000m;
        var theirs = Forms.Project("并发保存");
        theirs.Funds[0].Executed = 230000m;

        await Expect(HttpStatusCode.OK, await Save("unit", id, mine, revision: 1));
        var response = await Save("unit", id, theirs, revision: 1);

        var problem = await Expect(HttpStatusCode.Conflict, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("表单已被他人修改", (string?)problem["title"]);
        Assert.Equal(1, (int)problem["yours"]!["revision"]!);
        Assert.Equal(230000m, Json.Form(problem["yours"]!["form"]!).Funds[0].Executed);
        Assert.Equal(2, (int)problem["stored"]!["revision"]!);
        Assert.Equal(220000m, Json.Form(problem["stored"]!["form"]!).Funds[0].Executed);
        Assert.Equal(220000m, Json.Form((await Read("unit", id))["form"]!).Funds[0].Executed);
    }

    [Fact]
    public async Task Saves_racing_on_the_same_revision_leave_exactly_one_winner()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("同时保存");
        var attempts = Enumerable.Range(0, 4).Select(i =>
        {
            var form = Forms.Project("同时保存");
            form.StatedTotal = 90m + i;
            return Save("unit", id, form, revision: 1);
        });

        var statuses = (await Task.WhenAll(attempts)).Select(r => r.StatusCode).ToList();

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(2, await Revision(id));
    }

    [Fact]
    public async Task Many_forms_saved_at_once_each_keep_every_save()
    {
        Host.SkipUnlessAvailable();
        var ids = new List<int>();
        for (var i = 0; i < 12; i++) ids.Add(await Draft($"多表同时保存{i}"));

        // Every form saved three times in a row, all forms at once (SQLite has one writer): none refused, none lost.
        var saving = ids.Select(async (id, i) =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var revision = 1; revision <= 3; revision++)
            {
                var form = Forms.Project($"多表同时保存{i}");
                form.Funds[0].Executed = 200000m + revision;
                statuses.Add((await Save("unit", id, form, revision)).StatusCode);
            }
            return statuses;
        });

        var statuses = (await Task.WhenAll(saving)).SelectMany(s => s).ToList();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        foreach (var id in ids)
        {
            var stored = await Read("unit", id);
            Assert.Equal(4, (int)stored["revision"]!);
            Assert.Equal(200003m, Json.Form(stored["form"]!).Funds[0].Executed);
        }
    }

    [Fact]
    public async Task Every_save_is_in_the_audit_trail_field_by_field_with_before_and_after()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("审计项目");
        var edited = Forms.Project("审计项目");
        edited.Funds[0].Executed = 240000m;
        edited.Indicators[2].Actual = "97%";

        await Expect(HttpStatusCode.OK, await Save("unit", id, edited));
        await Expect(HttpStatusCode.OK, await Submit("unit", id));
        await Expect(HttpStatusCode.OK, await Act("department", id, "return", new { reason = "请核对执行数" }));

        var entries = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/audit")))["items"]!.AsArray();
        Assert.Equal("create", (string?)entries[0]!["action"]);
        var executed = Assert.Single(entries, e => (string?)e!["field"] == "资金 第1行（年度资金总额） 全年执行数")!;
        Assert.Equal(("215457.6", "240000", "unit"), ((string?)executed["before"], (string?)executed["after"], (string?)executed["userName"]));
        Assert.Contains(entries, e => (string?)e!["field"] == "指标 第3行（服务对象满意度） 实际完成值" && (string?)e["after"] == "97%");
        Assert.Contains(entries, e => (string?)e!["action"] == "submit" && (string?)e["before"] == "草稿" && (string?)e["after"] == "已提交");
        Assert.Contains(entries, e => (string?)e!["action"] == "return" && (string?)e["userName"] == "department" && ((string?)e["after"])!.Contains("请核对执行数", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_submission_is_a_version_and_two_versions_compare_field_by_field()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Returned, "版本比较");
        var second = Forms.Project("版本比较");
        second.Funds[0].Executed = 200000m;
        second.Indicators.RemoveAt(2);
        await Expect(HttpStatusCode.OK, await Save("unit", id, second));
        await Expect(HttpStatusCode.OK, await Submit("unit", id));

        var versions = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/versions"))).AsArray();
        var diff = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/diff?from=1&to=2"));

        Assert.Equal([1, 2], versions.Select(v => (int)v!["number"]!));
        var changes = diff["changes"]!.AsArray();
        Assert.Contains(changes, c => (string?)c!["path"] == "funds[1].executed" && (string?)c["before"] == "215457.6" && (string?)c["after"] == "200000");
        Assert.Contains(changes, c => (string?)c!["path"] == "indicators[3]" && (string?)c["before"] == "（删除行）");
        Assert.Contains(changes, c => (string?)c!["path"] == "totals.indicatorScore" && (string?)c["before"] == "90" && (string?)c["after"] == "80");
        Assert.Equal(Forms.Project("版本比较").Funds[0].Executed, Json.Form((await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/versions/1")))["form"]!).Funds[0].Executed);
    }

    [Fact]
    public async Task A_version_compares_with_the_current_state_and_stays_as_submitted_after_edits()
    {
        Host.SkipUnlessAvailable();
        var id = await FormIn(FormStatus.Returned, "当前比较");
        var edited = Forms.Project("当前比较");
        edited.StatedTotal = 95m;
        await Expect(HttpStatusCode.OK, await Save("unit", id, edited));

        var diff = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/diff?from=1"));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/versions/1"));

        var change = Assert.Single(diff["changes"]!.AsArray())!;
        Assert.Equal(("statedTotal", "98.62", "95"), ((string?)change["path"], (string?)change["before"], (string?)change["after"]));
        Assert.Equal(98.62m, Json.Form(version["form"]!).StatedTotal);
        await Expect(HttpStatusCode.NotFound, await Host.Client("unit").GetAsync($"/api/v1/forms/{id}/diff?from=7"));
    }

    [Fact]
    public async Task Changing_the_kind_of_a_saved_form_is_refused()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("改类型");
        var report = Forms.Project("改类型");
        report.Kind = Core.Forms.FormKind.Report;

        var problem = await Expect(HttpStatusCode.BadRequest, await Save("unit", id, report));

        Assert.Contains("绩效自评报告", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

public sealed class HistoryAndConcurrencyOnSqlite(SqliteHost host) : HistoryAndConcurrencyTests<SqliteHost>(host);

public sealed class HistoryAndConcurrencyOnPostgres(PostgresHost host) : HistoryAndConcurrencyTests<PostgresHost>(host);
