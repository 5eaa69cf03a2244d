using System.Net;

namespace Jixiao.Web.Tests.ScoringRules;

/// <summary>
/// The rulebook endpoints for each person, on an organisation of their own subtree and one of the other city: outside
/// 404, inside only finance previews and chooses. A year no other test uses, so choices made here change nothing else.
/// </summary>
public abstract class Rulebook_choices_answer_finance_inside_its_subtree_only<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private const int Year = 2031;

    private static readonly Dictionary<string, (string Own, string Other)> Reach = new(StringComparer.Ordinal)
    {
        ["unit"] = ("LY", "B-U"), ["wangcheng"] = ("WC", "B-U"), ["school"] = ("YZ", "B-U"), ["department"] = ("SJ", "B-D"),
        ["education"] = ("JY", "B-D"), ["finance"] = ("SJ", "B-D"), ["admin"] = ("JY", "B-U"), ["other-unit"] = ("B-U", "LY"),
        ["other-finance"] = ("B-D", "SJ"),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var person in Reach.Keys)
            foreach (var endpoint in new[] { "preview", "choose" })
                data.Add(person, endpoint);
        return data;
    }

    private Task<HttpResponseMessage> Call(string person, string endpoint, string organisation) =>
        Host.Client(person).Send(HttpMethod.Post, endpoint == "preview" ? "/api/v1/rulebooks/choices/preview" : "/api/v1/rulebooks/choices",
            new { organisationId = Host.World.Id(organisation), year = Year, rulebookId = "hunan-2020" });

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outside_the_callers_subtree_a_choice_answers_not_found(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();
        var problem = await Expect(HttpStatusCode.NotFound, await Call(person, endpoint, Reach[person].Other));
        Assert.Equal("未找到", (string?)problem["title"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Inside_the_callers_subtree_only_finance_previews_and_chooses(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();
        var response = await Call(person, endpoint, Reach[person].Own);
        if (person is "finance" or "other-finance")
            await Expect(endpoint == "preview" ? HttpStatusCode.OK : HttpStatusCode.Created, response);
        else
            await Expect(HttpStatusCode.Forbidden, response);
    }

    [Fact]
    public async Task Everyone_signed_in_reads_the_options_and_the_choices_above_and_below_them_only()
    {
        Host.SkipUnlessAvailable();
        await Expect(HttpStatusCode.Created, await Call("finance", "choose", "SJ"));
        await Expect(HttpStatusCode.Created, await Call("other-finance", "choose", "B-D"));

        var options = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/rulebooks"));
        Assert.Contains(options["rulebooks"]!.AsArray(), r => (string?)r!["id"] == "hunan-2020");
        Assert.Contains(options["templateRegions"]!.AsArray(), r => (string?)r == "*");
        async Task<List<string>> Seen(string person) =>
            (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/rulebooks/choices?year={Year}&pageSize=200")))["items"]!.AsArray()
            .Select(c => (string)c!["organisationName"]!).Distinct().ToList();
        // A unit sees the choice made above it (its forms are scored by it); nobody sees the other city's.
        Assert.Contains("甲市数据资源局", await Seen("unit"));
        Assert.DoesNotContain("乙市大数据管理局", await Seen("unit"));
        Assert.DoesNotContain("甲市数据资源局", await Seen("other-finance"));
        await Expect(HttpStatusCode.Unauthorized, await Host.Anonymous().GetAsync("/api/v1/rulebooks/choices"));
    }
}

public sealed class Rulebook_choices_answer_finance_inside_its_subtree_only_on_Sqlite(SqliteHost host) : Rulebook_choices_answer_finance_inside_its_subtree_only<SqliteHost>(host);

public sealed class Rulebook_choices_answer_finance_inside_its_subtree_only_on_Postgres(PostgresHost host) : Rulebook_choices_answer_finance_inside_its_subtree_only<PostgresHost>(host);
