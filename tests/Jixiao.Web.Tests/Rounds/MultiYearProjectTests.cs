using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// A multi-year project keeps its 项目期目标 across years: set on the project (with the first and last year of the
/// period), it arrives in the targets form of every year of the period, while a one-year project's targets have none.
/// </summary>
public abstract class MultiYearProjectTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private const string Goal = "三年内建成全市统一的政务云平台，承载全部市级非涉密信息系统，资源利用率达到 70% 以上。";

    private Task<HttpResponseMessage> Create(int year, string code, string name, int? start, int? end, string? goal) =>
        Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = year, code, name, periodStartYear = start, periodEndYear = end, periodGoal = goal });

    private async Task<JsonNode> TargetsTask(int year, int project)
    {
        var round = await Opened("finance", new { kind = "Targets", year, deadline = Date(Today.AddDays(20)) });
        var task = (await Items("unit", $"/api/v1/rounds/{round}/tasks")).Single(t => (int?)t!["projectId"] == project)!;
        return await Read("unit", await StartForm("unit", (int)task["id"]!));
    }

    private static string? PeriodGoal(JsonNode form) => (string?)form["form"]!["extra"]?["periodGoal"];

    [Fact]
    public async Task The_period_goal_set_in_the_first_year_reaches_every_later_years_targets()
    {
        Host.SkipUnlessAvailable();
        var first = await Expect(HttpStatusCode.Created, await Create(2044, "LY-CLOUD-3Y", "政务云平台三年建设", 2044, 2046, Goal));
        Assert.Equal((2044, 2046, Goal), ((int)first["periodStartYear"]!, (int)first["periodEndYear"]!, (string)first["periodGoal"]!));
        var second = await Expect(HttpStatusCode.Created, await Create(2045, "LY-CLOUD-3Y", "政务云平台三年建设", 2044, 2046, null));

        Assert.Equal(Goal, PeriodGoal(await TargetsTask(2044, (int)first["id"]!)));
        Assert.Equal(Goal, PeriodGoal(await TargetsTask(2045, (int)second["id"]!)));
    }

    [Fact]
    public async Task A_one_year_project_and_a_year_past_the_period_carry_no_period_goal()
    {
        Host.SkipUnlessAvailable();
        var oneYear = await Expect(HttpStatusCode.Created, await Create(2047, "LY-ONE", "一次性设备购置", null, null, null));
        await Expect(HttpStatusCode.Created, await Create(2047, "LY-TWO", "两年期项目", 2047, 2048, Goal));
        var after = await Expect(HttpStatusCode.Created, await Create(2049, "LY-TWO", "两年期项目（延续）", null, null, null));

        Assert.Null(PeriodGoal(await TargetsTask(2047, (int)oneYear["id"]!)));
        Assert.Null(PeriodGoal(await TargetsTask(2049, (int)after["id"]!)));
    }

    [Fact]
    public async Task A_period_names_both_years_in_order_around_the_projects_year_and_a_goal_needs_a_period()
    {
        Host.SkipUnlessAvailable();
        async Task<string> Refused(int year, int? start, int? end, string? goal)
        {
            var body = await Expect(HttpStatusCode.BadRequest, await Create(year, Guid.NewGuid().ToString("N")[..10], "多年项目校验", start, end, goal));
            return (string)body["errors"]![0]!["path"]!;
        }

        Assert.Equal("$.periodEndYear", await Refused(2044, 2044, null, Goal));
        Assert.Equal("$.periodEndYear", await Refused(2044, 2046, 2044, Goal));
        Assert.Equal("$.periodEndYear", await Refused(2044, 2044, 2044, Goal));
        Assert.Equal("$.fiscalYear", await Refused(2047, 2044, 2046, Goal));
        Assert.Equal("$.periodStartYear", await Refused(2044, null, null, Goal));
        Assert.Equal("$.periodGoal", await Refused(2044, 2044, 2046, new string('目', 2001)));
        var project = await Expect(HttpStatusCode.Created, await Create(2044, "LY-EDIT", "项目期修改", 2044, 2045, Goal));
        var updated = await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Put, $"/api/v1/projects/{(int)project["id"]!}",
            new { name = "项目期修改", budgetYuan = (decimal?)null, periodStartYear = 2043, periodEndYear = 2046, periodGoal = "延长项目期。" }));
        Assert.Equal((2043, 2046), ((int)updated["periodStartYear"]!, (int)updated["periodEndYear"]!));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("unit").Send(HttpMethod.Put, $"/api/v1/projects/{(int)project["id"]!}",
            new { name = "项目期修改", periodStartYear = 2045, periodEndYear = 2046 }));
    }
}

public sealed class MultiYearProjectOnSqlite(SqliteHost host) : MultiYearProjectTests<SqliteHost>(host);

public sealed class MultiYearProjectOnPostgres(PostgresHost host) : MultiYearProjectTests<PostgresHost>(host);
