using System.Net;

namespace Jixiao.Web.Tests.BudgetResults;

/// <summary>
/// Every budget endpoint, for each person of the world, on a project of their own subtree and on one of the other city:
/// outside it answers 404 as for an id that does not exist; inside, only finance (财政审核) reads and decides.
/// </summary>
public abstract class Budget_endpoints_answer_finance_inside_its_subtree_only<THost>(THost host) : BudgetTestBase<THost>(host) where THost : TestHost
{
    /// <summary>Each person's own unit (one they see) and a unit of the other city.</summary>
    private static readonly Dictionary<string, (string Own, string Other)> Reach = new(StringComparer.Ordinal)
    {
        ["unit"] = ("LY", "B-U"),
        ["wangcheng"] = ("WC", "B-U"),
        ["school"] = ("YZ", "B-U"),
        ["department"] = ("LY", "B-U"),
        ["education"] = ("YZ", "B-U"),
        ["finance"] = ("LY", "B-U"),
        ["admin"] = ("WC", "B-U"),
        ["other-unit"] = ("B-U", "LY"),
        ["other-finance"] = ("B-U", "LY"),
    };

    private static readonly Dictionary<string, (string Filler, string Unit)> Fillers = new(StringComparer.Ordinal)
    {
        ["LY"] = ("unit", "浏阳市数据资源中心"), ["WC"] = ("wangcheng", "长沙市望城区数据资源中心"),
        ["YZ"] = ("school", "甲市第一中学"), ["B-U"] = ("other-unit", "上海市大数据中心"),
    };

    private static readonly (string Name, Func<int, int, (HttpMethod, string, object?)> Request)[] Endpoints =
    [
        ("suggestion", (form, _) => (HttpMethod.Get, $"/api/v1/budget/suggestions/{form}", null)),
        ("decisions", (form, _) => (HttpMethod.Get, $"/api/v1/budget/suggestions/{form}/decisions", null)),
        ("decide", (form, _) => (HttpMethod.Post, $"/api/v1/budget/suggestions/{form}/decisions", new { action = "maintain", amount = 250000m, reason = "权限测试" })),
        ("suggestions of organisation", (_, org) => (HttpMethod.Get, $"/api/v1/budget/suggestions?year=2020&organisationId={org}", null)),
        ("ledger of organisation", (_, org) => (HttpMethod.Get, $"/api/v1/budget/ledger?year=2020&organisationId={org}", null)),
        ("export of organisation", (_, org) => (HttpMethod.Get, $"/api/v1/budget/export.csv?year=2020&organisationId={org}", null)),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var person in Reach.Keys)
            foreach (var (name, _) in Endpoints)
                data.Add(person, name);
        return data;
    }

    private async Task<int> FormIn(string organisation) => (int)await Host.Shared.GetOrAdd("budget form " + organisation, async _ =>
    {
        var (filler, unit) = Fillers[organisation];
        return await Evaluated("权限测试项目", filler: filler, organisation: organisation, unit: unit);
    });

    private async Task<HttpResponseMessage> Call(string person, string endpoint, string organisation)
    {
        var (method, url, body) = Endpoints.Single(e => e.Name == endpoint).Request(await FormIn(organisation), Host.World.Id(organisation));
        return await Host.Client(person).Send(method, url, body);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outside_the_callers_subtree_a_budget_endpoint_answers_not_found(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();

        var response = await Call(person, endpoint, Reach[person].Other);

        var problem = await Expect(HttpStatusCode.NotFound, response);
        Assert.Equal("未找到", (string?)problem["title"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Inside_the_callers_subtree_only_finance_is_answered(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();

        var response = await Call(person, endpoint, Reach[person].Own);

        if (person is "finance" or "other-finance")
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{person} {endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        else
            await Expect(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task Finances_list_holds_only_projects_of_its_own_city()
    {
        Host.SkipUnlessAvailable();
        var ly = await FormIn("LY");
        var bu = await FormIn("B-U");

        var mine = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/budget/suggestions?year=2020&pageSize=200"));
        var theirs = await Expect(HttpStatusCode.OK, await Host.Client("other-finance").GetAsync("/api/v1/budget/suggestions?year=2020&pageSize=200"));

        Assert.Contains(mine["items"]!.AsArray(), i => (int)i!["formId"]! == ly);
        Assert.DoesNotContain(mine["items"]!.AsArray(), i => (int)i!["formId"]! == bu);
        Assert.All(theirs["items"]!.AsArray(), i => Assert.Equal("上海市大数据中心", (string?)i!["unitName"]));
    }

    [Fact]
    public async Task The_public_gets_no_budget_data()
    {
        Host.SkipUnlessAvailable();
        var ly = await FormIn("LY");

        await Expect(HttpStatusCode.Unauthorized, await Host.Anonymous().GetAsync($"/api/v1/budget/suggestions/{ly}"));
        await Expect(HttpStatusCode.Unauthorized, await Host.Anonymous().GetAsync("/api/v1/budget/ledger?year=2020"));
    }
}

public sealed class Budget_endpoints_answer_finance_inside_its_subtree_only_on_Sqlite(SqliteHost host) : Budget_endpoints_answer_finance_inside_its_subtree_only<SqliteHost>(host);

public sealed class Budget_endpoints_answer_finance_inside_its_subtree_only_on_Postgres(PostgresHost host) : Budget_endpoints_answer_finance_inside_its_subtree_only<PostgresHost>(host);
