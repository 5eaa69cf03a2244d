using System.Net;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// Every round and task endpoint, for each person of the world, on their own city's round and on the other city's:
/// outside the caller's subtree the answer is 404 as for an id that does not exist; inside, the role decides.
/// </summary>
public abstract class RoundAccessTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private const int Year = 2040;

    private sealed record World2(int RoundA, int RoundB, int TaskLy, int TaskYz, int TaskB);

    /// <summary>甲市's round (tasks for LY and YZ) and 乙市's round (a task for B-U), made once per class.</summary>
    private async Task<World2> Rounds() => (World2)await Host.Shared.GetOrAdd("rounds", async _ =>
    {
        await Project("LY", Year, "政务云平台运维服务");
        await Project("YZ", Year, "智慧校园建设");
        await Project("B-U", Year, "城市数据底座");
        var deadline = Date(Today.AddDays(30));
        var a = await Opened("finance", new { kind = "Targets", year = Year, deadline });
        var b = await Opened("other-finance", new { kind = "Targets", year = Year, deadline });
        var tasksA = await Items("finance", $"/api/v1/rounds/{a}/tasks");
        var tasksB = await Items("other-finance", $"/api/v1/rounds/{b}/tasks");
        return new World2(a, b,
            (int)tasksA.Single(t => (string)t!["unitName"]! == "浏阳市数据资源中心")!["id"]!,
            (int)tasksA.Single(t => (string)t!["unitName"]! == "甲市第一中学")!["id"]!,
            (int)tasksB.Single()!["id"]!);
    });

    private static readonly string[] OfCityA = ["unit", "wangcheng", "school", "department", "education", "finance", "admin"];
    private static readonly string[] OfCityB = ["other-unit", "other-finance"];

    public static TheoryData<string> People() => new(OfCityA.Concat(OfCityB));

    private static bool InA(string person) => OfCityA.Contains(person);

    [Theory]
    [MemberData(nameof(People))]
    public async Task A_round_is_found_from_inside_its_subtree_and_not_from_the_other_city(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Rounds();
        var (own, other) = InA(person) ? (w.RoundA, w.RoundB) : (w.RoundB, w.RoundA);

        foreach (var url in new[] { "", "/tasks", "/completion", "/completion?by=department", "/extensions" })
        {
            var inside = await Host.Client(person).GetAsync($"/api/v1/rounds/{own}{url}");
            Assert.True(inside.StatusCode == HttpStatusCode.OK, $"{person} {url}: {(int)inside.StatusCode} {await inside.Content.ReadAsStringAsync()}");
            await Expect(HttpStatusCode.NotFound, await Host.Client(person).GetAsync($"/api/v1/rounds/{other}{url}"));
        }
        var listed = (await Items(person, "/api/v1/rounds?pageSize=200")).Select(r => (int)r!["id"]!).ToList();
        Assert.Contains(own, listed);
        Assert.DoesNotContain(other, listed);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_extends_a_units_deadline_and_only_inside_its_city(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Rounds();
        var (own, ownUnit, other, otherUnit) = InA(person) ? (w.RoundA, "LY", w.RoundB, "B-U") : (w.RoundB, "B-U", w.RoundA, "LY");
        var until = Date(Today.AddDays(40 + Array.IndexOf(OfCityA.Concat(OfCityB).ToArray(), person)));

        var inside = await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/rounds/{own}/extensions",
            new { organisationId = Host.World.Id(ownUnit), until, reason = "单位主要负责人调整，申请延期。" });
        var outside = await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/rounds/{other}/extensions",
            new { organisationId = Host.World.Id(otherUnit), until, reason = "单位主要负责人调整，申请延期。" });

        await Expect(person is "finance" or "other-finance" ? HttpStatusCode.OK : HttpStatusCode.Forbidden, inside);
        await Expect(HttpStatusCode.NotFound, outside);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_closes_a_round_and_only_inside_its_city(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Rounds();
        var (own, other) = InA(person) ? (w.RoundA, w.RoundB) : (w.RoundB, w.RoundA);

        await Expect(HttpStatusCode.NotFound, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/rounds/{other}/close"));
        if (person is "finance" or "other-finance") return; // closing is the lifecycle tests' part: it would end this class's rounds
        await Expect(HttpStatusCode.Forbidden, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/rounds/{own}/close"));
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_finance_opens_a_round_and_only_over_its_own_city(string person)
    {
        Host.SkipUnlessAvailable();
        var year = 2050 + Array.IndexOf(OfCityA.Concat(OfCityB).ToArray(), person);
        await Project(InA(person) ? "LY" : "B-U", year, "开启权限测试项目");
        var deadline = Date(Today.AddDays(30));

        var outside = await OpenRound(person, new { kind = "Targets", year, deadline, organisationId = Host.World.Id(InA(person) ? "B-CZ" : "CZ") });
        // Without organisationId the round covers the caller's own organisation.
        var inside = await OpenRound(person, new { kind = "Targets", year, deadline });

        await Expect(HttpStatusCode.NotFound, outside);
        await Expect(person is "finance" or "other-finance" ? HttpStatusCode.Created : HttpStatusCode.Forbidden, inside);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_the_units_own_filler_starts_its_task_form(string person)
    {
        Host.SkipUnlessAvailable();
        var w = await Rounds();
        var (own, other) = InA(person) ? (w.TaskLy, w.TaskB) : (w.TaskB, w.TaskLy);
        var reachesOwn = person is "unit" or "department" or "finance" or "admin" or "other-unit" or "other-finance";

        await Expect(HttpStatusCode.NotFound, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/tasks/{other}/form"));
        var inside = await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/tasks/{own}/form");
        if (!reachesOwn) await Expect(HttpStatusCode.NotFound, inside);
        else if (person is "unit" or "other-unit") await Expect(HttpStatusCode.OK, inside);
        else Assert.True(inside.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.OK, $"{person}: {(int)inside.StatusCode}");
    }

    [Fact]
    public async Task Task_lists_completion_and_reminders_hold_only_the_callers_units()
    {
        Host.SkipUnlessAvailable();
        var w = await Rounds();

        async Task<List<string>> Units(string person, string url) =>
            (await Items(person, url)).Select(t => (string)t!["unitName"]!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["浏阳市数据资源中心"], await Units("unit", "/api/v1/tasks?pageSize=200"));
        Assert.Equal(["浏阳市数据资源中心"], await Units("department", $"/api/v1/rounds/{w.RoundA}/tasks"));
        Assert.Equal(["浏阳市数据资源中心", "甲市第一中学"], await Units("finance", $"/api/v1/rounds/{w.RoundA}/tasks"));
        Assert.Equal(["上海市大数据中心"], await Units("other-unit", "/api/v1/tasks?pageSize=200"));
        var completion = await Items("department", $"/api/v1/rounds/{w.RoundA}/completion");
        Assert.Equal(["浏阳市数据资源中心"], completion.Select(c => (string)c!["name"]!).ToList());
        var byDepartment = await Items("finance", $"/api/v1/rounds/{w.RoundA}/completion?by=department");
        Assert.Equal(["甲市教育局", "甲市数据资源局"], byDepartment.Select(c => (string)c!["name"]!).Order(StringComparer.Ordinal).ToList());
        Assert.NotEmpty(await Items("unit", "/api/v1/notifications"));
        Assert.All(await Items("other-unit", "/api/v1/notifications"), n => Assert.NotEqual(w.RoundA, (int)n!["roundId"]!));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync("/api/v1/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous().GetAsync($"/api/v1/rounds/{w.RoundA}")).StatusCode);
    }
}

public sealed class RoundAccessOnSqlite(SqliteHost host) : RoundAccessTests<SqliteHost>(host);

public sealed class RoundAccessOnPostgres(PostgresHost host) : RoundAccessTests<PostgresHost>(host);
