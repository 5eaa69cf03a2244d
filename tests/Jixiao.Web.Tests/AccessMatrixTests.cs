using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests;

/// <summary>
/// Each role × own / other subtree × each endpoint. Outside the caller's subtree every endpoint answers 404, exactly
/// as for an id that does not exist; inside it the answer depends on role and state, but is never 404.
/// </summary>
public abstract class AccessMatrixTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    /// <summary>Who, where their own subtree has a unit, and a unit outside it.</summary>
    private static readonly Dictionary<string, (string Own, string Other)> Reach = new(StringComparer.Ordinal)
    {
        ["unit"] = ("LY", "WC"),
        ["wangcheng"] = ("WC", "LY"),
        ["school"] = ("YZ", "LY"),
        ["department"] = ("LY", "YZ"),
        ["education"] = ("YZ", "WC"),
        ["finance"] = ("LY", "B-U"),
        ["admin"] = ("WC", "B-U"),
        ["other-unit"] = ("B-U", "LY"),
        ["other-finance"] = ("B-U", "YZ"),
        // The evaluator sits in 甲市财政局 but reaches only the project its agency was given (LY's); WC lies in the same subtree.
        ["evaluator"] = ("LY", "WC"),
    };

    private static readonly Dictionary<string, string> Filler = new(StringComparer.Ordinal)
    {
        ["LY"] = "unit", ["WC"] = "wangcheng", ["YZ"] = "school", ["B-U"] = "other-unit",
    };

    private sealed record Target(int Form, int Organisation, int Project);

    private static readonly (string Name, Func<Target, (HttpMethod, string, object?)> Request)[] Endpoints =
    [
        ("read form", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}", null)),
        ("save form", t => (HttpMethod.Put, $"/api/v1/forms/{t.Form}", new { revision = 2, form = Forms.Project("改") })),
        ("submit", t => (HttpMethod.Post, $"/api/v1/forms/{t.Form}/submit", new { revision = 2 })),
        ("return", t => (HttpMethod.Post, $"/api/v1/forms/{t.Form}/return", new { reason = "退回" })),
        ("approve", t => (HttpMethod.Post, $"/api/v1/forms/{t.Form}/approve", new { })),
        ("unlock", t => (HttpMethod.Post, $"/api/v1/forms/{t.Form}/unlock", new { reason = "解锁" })),
        ("publish", t => (HttpMethod.Post, $"/api/v1/forms/{t.Form}/publish", new { })),
        ("history", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/history", null)),
        ("versions", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/versions", null)),
        ("version", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/versions/1", null)),
        ("diff", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/diff?from=1", null)),
        ("findings", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/findings", null)),
        ("form audit", t => (HttpMethod.Get, $"/api/v1/forms/{t.Form}/audit", null)),
        ("create form", t => (HttpMethod.Post, "/api/v1/forms", new { organisationId = t.Organisation, fiscalYear = 2020, form = Forms.Project("新") })),
        ("forms of organisation", t => (HttpMethod.Get, $"/api/v1/forms?organisationId={t.Organisation}", null)),
        ("read organisation", t => (HttpMethod.Get, $"/api/v1/organisations/{t.Organisation}", null)),
        ("create organisation", t => (HttpMethod.Post, "/api/v1/organisations", new { parentId = t.Organisation, code = "X" + t.Project, name = "新单位", kind = "Unit" })),
        ("read project", t => (HttpMethod.Get, $"/api/v1/projects/{t.Project}", null)),
        ("create project", t => (HttpMethod.Post, "/api/v1/projects", new { organisationId = t.Organisation, fiscalYear = 2020, code = "P" + t.Project, name = "新项目" })),
        ("update project", t => (HttpMethod.Put, $"/api/v1/projects/{t.Project}", new { name = "权限测试项目" })),
        ("archive project", t => (HttpMethod.Post, $"/api/v1/projects/{t.Project}/archive", new { })),
        ("restore project", t => (HttpMethod.Post, $"/api/v1/projects/{t.Project}/restore", new { })),
        ("import preview", t => (HttpMethod.Post, "/api/v1/imports/preview", new { organisationId = t.Organisation, fiscalYear = 2020, forms = new[] { Forms.Project("导入") } })),
        ("import", t => (HttpMethod.Post, "/api/v1/imports", new { organisationId = t.Organisation, fiscalYear = 2020, forms = new[] { Forms.Project("导入") } })),
        ("raise rectification", t => (HttpMethod.Post, "/api/v1/rectifications", new { formId = t.Form, source = "Comment", what = "补充佐证材料。", deadline = "2030-01-01" })),
        ("draw spot check", t => (HttpMethod.Post, "/api/v1/spot-checks", new { organisationId = t.Organisation, year = 2020, method = "Random", sampleSize = 1 })),
        ("library suggestions", t => (HttpMethod.Get, $"/api/v1/library/suggestions?formId={t.Form}&level1=%E4%BA%A7%E5%87%BA%E6%8C%87%E6%A0%87", null)),
        ("create user", t => (HttpMethod.Post, "/api/v1/users", new { userName = "u" + t.Project, displayName = "新人", password = "Pw-new-user-1!", role = "单位填报", organisationId = t.Organisation })),
    ];

    /// <summary>
    /// Endpoints of the groups closed to evaluators as a whole (Access/EvaluatorGroups): the evaluator is refused with
    /// 403 there before any record is looked up, inside its reach or outside it.
    /// </summary>
    private static readonly HashSet<string> ClosedToEvaluators = new(StringComparer.Ordinal) { "raise rectification", "draw spot check", "library suggestions" };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var person in Reach.Keys)
            foreach (var (name, _) in Endpoints)
                data.Add(person, name);
        return data;
    }

    /// <summary>
    /// A submitted form (so version 1 exists) of a project in <paramref name="organisation"/>, made once per class:
    /// a call from outside changes nothing, and a call from inside is only asked to find the record. LY's project is
    /// the evaluator's agency's task.
    /// </summary>
    private async Task<Target> TargetIn(string organisation) =>
        (Target)await Host.Shared.GetOrAdd("target " + organisation, async _ => await NewTargetIn(organisation));

    private async Task<Target> NewTargetIn(string organisation)
    {
        var filler = Filler[organisation];
        var orgId = Host.World.Id(organisation);
        var project = await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = orgId, fiscalYear = 2020, code = Guid.NewGuid().ToString("N")[..12], name = "权限测试项目" }));
        var projectId = (int)project["id"]!;
        var form = (int)(await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = orgId, fiscalYear = 2020, projectId, form = Forms.Project("权限测试") })))["id"]!;
        await Expect(HttpStatusCode.OK, await Submit(filler, form));
        if (organisation == Reach["evaluator"].Own)
            await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/evaluation-tasks",
                new { agencyId = Host.World.Agency.Id, projectId }));
        return new Target(form, orgId, projectId);
    }

    private async Task<HttpResponseMessage> Call(string person, string endpoint, Target target)
    {
        var (method, url, body) = Endpoints.Single(e => e.Name == endpoint).Request(target);
        return await Host.Client(person).Send(method, url, body);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Outside_the_callers_subtree_every_endpoint_answers_not_found(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();
        var target = await TargetIn(Reach[person].Other);

        var response = await Call(person, endpoint, target);

        if (person == "evaluator" && ClosedToEvaluators.Contains(endpoint))
        {
            await Expect(HttpStatusCode.Forbidden, response);
            return;
        }
        var problem = await Expect(HttpStatusCode.NotFound, response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("未找到", (string?)problem["title"]);
        var unknown = await Call(person, endpoint, target with { Form = 999_999, Organisation = 999_999, Project = 999_999 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Inside_the_callers_subtree_every_endpoint_finds_the_record(string person, string endpoint)
    {
        Host.SkipUnlessAvailable();
        var target = await TargetIn(Reach[person].Own);

        var response = await Call(person, endpoint, target);

        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((int)response.StatusCode < 500, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lists_hold_only_what_lies_in_the_callers_subtree()
    {
        Host.SkipUnlessAvailable();
        await TargetIn("LY");
        await TargetIn("WC");
        await TargetIn("YZ");
        await TargetIn("B-U");

        async Task<List<string>> Names(string person, string url, string field) =>
            (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync(url)))["items"]!.AsArray().Select(i => (string)i![field]!).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["浏阳市数据资源中心"], await Names("unit", "/api/v1/forms?pageSize=200", "organisationName"));
        Assert.Equal(["浏阳市数据资源中心", "长沙市望城区数据资源中心"], await Names("department", "/api/v1/forms?pageSize=200", "organisationName"));
        Assert.Equal(new[] { "甲市数据资源局", "浏阳市数据资源中心", "长沙市望城区数据资源中心" }.Order(StringComparer.Ordinal), await Names("department", "/api/v1/organisations", "name"));
        Assert.DoesNotContain("上海市大数据中心", await Names("finance", "/api/v1/forms?pageSize=200", "organisationName"));
        Assert.Equal(["上海市大数据中心"], await Names("other-finance", "/api/v1/forms?pageSize=200", "organisationName"));
        Assert.Equal(["浏阳市数据资源中心"], await Names("unit", "/api/v1/projects?pageSize=200", "organisationName"));
        Host.Checker.For("列表问题", new Core.Checks.Finding("SCOPE_LIST", Core.Checks.Severity.Warning, "测试问题", "test", new Core.Checks.FindingLocation("header")));
        await Draft("列表问题", "unit", "LY");
        await Draft("列表问题", "wangcheng", "WC");
        Assert.Equal(["浏阳市数据资源中心"], await Names("unit", "/api/v1/findings?code=SCOPE_LIST", "organisationName"));
        Assert.Equal(["浏阳市数据资源中心", "长沙市望城区数据资源中心"], await Names("department", "/api/v1/findings?code=SCOPE_LIST", "organisationName"));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("school").GetAsync("/api/v1/audit?pageSize=200")))["items"]!.AsArray();
        Assert.NotEmpty(audit);
        // Only people who act on 甲市第一中学's records leave entries a school filler may read.
        Assert.All(audit, a => Assert.Contains((string?)a!["userName"], new[] { "school", "education", "finance", "admin" }));
        Assert.DoesNotContain(audit, a => (string?)a!["userName"] == "unit");
    }

    [Fact]
    public async Task The_public_sees_published_forms_and_nothing_else()
    {
        Host.SkipUnlessAvailable();
        var published = await FormIn(Data.Model.FormStatus.Published, "公开可见");
        var submitted = await FormIn(Data.Model.FormStatus.Submitted, "尚未公开");
        var anonymous = Host.Anonymous();

        var list = (await Expect(HttpStatusCode.OK, await anonymous.GetAsync("/api/v1/forms?pageSize=200")))["items"]!.AsArray();

        Assert.Contains(list, f => (int)f!["id"]! == published);
        Assert.All(list, f => Assert.Equal("Published", (string?)f!["status"]));
        await Expect(HttpStatusCode.NotFound, await anonymous.GetAsync($"/api/v1/forms/{submitted}"));
        await Expect(HttpStatusCode.Unauthorized, await anonymous.GetAsync($"/api/v1/forms/{published}/history"));
        await Expect(HttpStatusCode.Unauthorized, await anonymous.GetAsync("/api/v1/organisations"));
        await Expect(HttpStatusCode.Unauthorized, await anonymous.Send(HttpMethod.Post, $"/api/v1/forms/{published}/unlock", new { reason = "x" }));
    }
}

public sealed class AccessMatrixOnSqlite(SqliteHost host) : AccessMatrixTests<SqliteHost>(host);

public sealed class AccessMatrixOnPostgres(PostgresHost host) : AccessMatrixTests<PostgresHost>(host);
