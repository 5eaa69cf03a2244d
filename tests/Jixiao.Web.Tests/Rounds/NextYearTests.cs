using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// Finance sets next year up from this one in one action: the preview lists exactly the projects (with their codes) and
/// tasks applying creates; recurring and multi-year projects carry, one-off, finished and archived ones do not; running
/// it twice creates nothing twice; open tasks stay owed.
/// </summary>
public abstract class NextYearTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private Task<HttpResponseMessage> Create(string organisation, int year, string code, string name, int? start = null, int? end = null, string? goal = null) =>
        Host.Client(FillerOf[organisation]).Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id(organisation), fiscalYear = year, code, name, periodStartYear = start, periodEndYear = end, periodGoal = goal });

    private async Task<int> Created(string organisation, int year, string code, string name, int? start = null, int? end = null, string? goal = null) =>
        (int)(await Expect(HttpStatusCode.Created, await Create(organisation, year, code, name, start, end, goal)))["id"]!;

    private async Task<JsonNode> Preview(string person, int year) =>
        await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/years/{year}/next"));

    private async Task<JsonNode> Apply(string person, int year) =>
        await Expect(HttpStatusCode.OK, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/years/{year}/next"));

    private static List<string> Codes(JsonNode plan, string list = "projects") =>
        plan[list]!.AsArray().Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task The_preview_lists_exactly_what_applying_creates_and_a_second_run_creates_nothing()
    {
        Host.SkipUnlessAvailable();
        await Created("LY", 2060, "NY-LY-OPS", "政务云运维");
        await Created("LY", 2061, "NY-LY-OPS", "政务云运维（2061）");
        await Created("YZ", 2060, "NY-YZ-LUNCH", "学生营养餐");
        await Created("YZ", 2061, "NY-YZ-LUNCH", "学生营养餐");
        await Created("LY", 2061, "NY-LY-3Y", "数据中台三年建设", 2061, 2063, "三年建成全市数据中台。");
        await Created("LY", 2060, "NY-LY-DONE", "两年期项目", 2060, 2061);
        await Created("LY", 2061, "NY-LY-DONE", "两年期项目", 2060, 2061);
        await Created("LY", 2061, "NY-LY-ONCE", "一次性设备购置");
        await Created("LY", 2060, "NY-LY-OLD", "已归档项目");
        var archived = await Created("LY", 2061, "NY-LY-OLD", "已归档项目");
        await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Post, $"/api/v1/projects/{archived}/archive"));

        var plan = await Preview("finance", 2061);

        Assert.Equal(["NY-LY-3Y", "NY-LY-OPS", "NY-YZ-LUNCH"], Codes(plan));
        Assert.True((bool)plan["createsYear"]!);
        Assert.True((int)plan["units"]! >= 3);
        Assert.True((int)plan["users"]! >= 5);
        var applied = await Apply("finance", 2061);
        Assert.Equal((true, 3), ((bool)applied["createdYear"]!, (int)applied["createdProjects"]!));
        var next = await Items("finance", "/api/v1/projects?year=2062&pageSize=200");
        Assert.Equal(Codes(plan), next.Select(p => (string)p!["code"]!).Order(StringComparer.Ordinal).ToList());
        var multiYear = next.Single(p => (string)p!["code"]! == "NY-LY-3Y")!;
        Assert.Equal(("数据中台三年建设", 2061, 2063, "三年建成全市数据中台。"),
            ((string)multiYear["name"]!, (int)multiYear["periodStartYear"]!, (int)multiYear["periodEndYear"]!, (string)multiYear["periodGoal"]!));
        Assert.Equal("政务云运维（2061）", (string)next.Single(p => (string)p!["code"]! == "NY-LY-OPS")!["name"]!);

        var again = await Preview("finance", 2061);
        Assert.Empty(again["projects"]!.AsArray());
        Assert.Equal(Codes(plan), Codes(again, "alreadyThere"));
        var second = await Apply("finance", 2061);
        Assert.Equal((false, 0, 0), ((bool)second["createdYear"]!, (int)second["createdProjects"]!, (int)second["createdTasks"]!));
        Assert.Equal(3, (await Items("finance", "/api/v1/projects?year=2062&pageSize=200")).Count);
    }

    [Fact]
    public async Task An_open_round_of_next_year_gets_the_tasks_of_the_carried_projects_and_this_years_open_tasks_stay_owed()
    {
        Host.SkipUnlessAvailable();
        await Created("LY", 2070, "NY-T-OPS", "外网运维");
        var carried = await Created("LY", 2071, "NY-T-OPS", "外网运维");
        await Created("LY", 2072, "NY-T-NEW", "新增项目");
        var thisYear = await Opened("finance", new { kind = "Monitoring", year = 2071, monitoringMonths = 6, deadline = Date(Today.AddDays(20)) });
        var nextYear = await Opened("finance", new { kind = "Targets", year = 2072, deadline = Date(Today.AddDays(40)) });
        Assert.Single(await Items("finance", $"/api/v1/rounds/{nextYear}/tasks"));

        var plan = await Preview("finance", 2071);

        var task = Assert.Single(plan["tasks"]!.AsArray())!;
        Assert.Equal((nextYear, "NY-T-OPS"), ((int)task["roundId"]!, (string)task["code"]!));
        Assert.Contains(plan["openTasks"]!.AsArray(), t => (string?)t!["projectName"] == "外网运维");
        Assert.Equal(1, (int)(await Apply("finance", 2071))["createdTasks"]!);
        var tasks = await Items("unit", $"/api/v1/rounds/{nextYear}/tasks");
        Assert.Equal(["外网运维", "新增项目"], tasks.Select(t => (string)t!["projectName"]!).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(Date(Today.AddDays(40)), (string)tasks.Single(t => (string)t!["projectName"]! == "外网运维")!["deadline"]!);
        Assert.Contains(await Items("unit", "/api/v1/tasks?pageSize=200"), t => (int)t!["roundId"]! == thisYear && (int?)t["projectId"] == carried);
        Assert.Equal(0, (int)(await Apply("finance", 2071))["createdTasks"]!);
    }

    [Fact]
    public async Task A_year_without_projects_or_out_of_range_is_refused()
    {
        Host.SkipUnlessAvailable();
        await Expect(HttpStatusCode.NotFound, await Host.Client("finance").GetAsync("/api/v1/years/2098/next"));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync("/api/v1/years/1999/next"));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/years/2100/next"));
    }

    public static TheoryData<string> People() => new("unit", "wangcheng", "school", "department", "education", "finance", "admin", "other-unit", "other-finance");

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_previews_and_carries_and_only_its_own_subtree(string person)
    {
        Host.SkipUnlessAvailable();
        await Host.Shared.GetOrAdd("access", async _ =>
        {
            await Created("LY", 2080, "NY-A-LY", "甲市延续项目");
            await Created("LY", 2081, "NY-A-LY", "甲市延续项目");
            await Created("B-U", 2080, "NY-A-B", "乙市延续项目");
            await Created("B-U", 2081, "NY-A-B", "乙市延续项目");
            return 0;
        });

        var preview = await Host.Client(person).GetAsync("/api/v1/years/2081/next");

        if (person is not ("finance" or "other-finance"))
        {
            await Expect(HttpStatusCode.Forbidden, preview);
            await Expect(HttpStatusCode.Forbidden, await Host.Client(person).Send(HttpMethod.Post, "/api/v1/years/2081/next"));
            return;
        }
        var plan = await Expect(HttpStatusCode.OK, preview);
        var codes = Codes(plan).Concat(Codes(plan, "alreadyThere")).ToList();
        Assert.Equal([person == "finance" ? "NY-A-LY" : "NY-A-B"], codes);
    }
}

public sealed class NextYearOnSqlite(SqliteHost host) : NextYearTests<SqliteHost>(host);

public sealed class NextYearOnPostgres(PostgresHost host) : NextYearTests<PostgresHost>(host);
