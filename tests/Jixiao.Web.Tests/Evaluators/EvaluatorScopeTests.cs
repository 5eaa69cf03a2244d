using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.Evaluators;

/// <summary>
/// An evaluator reaches the project of its agency's task, that project's forms and its own report — and nothing else
/// of the city it sits in: not the unit's other forms, not other projects, no review queue or overview, no rounds,
/// imports, audit trail, users or registry. Each endpoint group is called; a group added later fails the last test
/// until it is listed here.
/// </summary>
public abstract class EvaluatorScopeTests<THost>(THost host) : EvaluatorTestBase<THost>(host) where THost : TestHost
{
    /// <summary>The assigned project with a unit form and the report; beside it a unit form without project, a form of another project of the same unit, and another agency's task.</summary>
    private sealed record Scene(int Project, int Task, int ProjectForm, int Report, int UnitForm, int OtherProject, int OtherForm, int OtherTask);

    private async Task<Scene> Setup() => (Scene)await Host.Shared.GetOrAdd("scene", async _ =>
    {
        var project = await Project("LY", "政务大数据平台运维");
        var projectForm = await UnitForm("政务大数据平台运维", project);
        var unitForm = await UnitForm("单位自有表单", null);
        var otherProject = await Project("LY", "档案数字化");
        var otherForm = await UnitForm("档案数字化", otherProject);
        var task = await Assign(project);
        var report = await SubmittedReport(task, "政务大数据平台运维");
        var rival = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/agencies",
            new { name = "另一家评价所", creditCode = Jixiao.Data.Model.CreditCodes.Complete("91430100MA4L05C01") })))["agency"]!["id"]!;
        var otherTask = await Assign(otherProject, rival);
        return new Scene(project, task, projectForm, report, unitForm, otherProject, otherForm, otherTask);
    });

    private sealed record Call(HttpMethod Method, Func<Scene, string> Url, HttpStatusCode Expected, object? Body = null, Func<Scene, JsonNode, bool>? Holds = null);

    private static Call Get(Func<Scene, string> url, HttpStatusCode expected, Func<Scene, JsonNode, bool>? holds = null) => new(HttpMethod.Get, url, expected, null, holds);

    private static bool OnlyIds(JsonNode page, string field, params int[] ids) =>
        page["items"]!.AsArray().Select(i => (int)i![field]!).Distinct().Order().SequenceEqual(ids.Order());

    /// <summary>What the evaluator gets from each endpoint group (the OpenAPI tag).</summary>
    private static readonly Dictionary<string, Call[]> Groups = new(StringComparer.Ordinal)
    {
        ["表单"] =
        [
            Get(s => $"/api/v1/forms/{s.ProjectForm}", HttpStatusCode.OK),
            Get(s => $"/api/v1/forms/{s.Report}", HttpStatusCode.OK),
            Get(s => $"/api/v1/forms/{s.UnitForm}", HttpStatusCode.NotFound),
            Get(s => $"/api/v1/forms/{s.OtherForm}", HttpStatusCode.NotFound),
            Get(s => $"/api/v1/forms/{s.UnitForm}/history", HttpStatusCode.NotFound),
            Get(s => $"/api/v1/forms/{s.ProjectForm}/versions", HttpStatusCode.OK),
            Get(s => "/api/v1/forms?pageSize=200", HttpStatusCode.OK, (s, page) => OnlyIds(page, "id", s.ProjectForm, s.Report)),
            new(HttpMethod.Put, s => $"/api/v1/forms/{s.ProjectForm}", HttpStatusCode.Forbidden, new { revision = 2, form = Forms.Project("评价人员改写") }),
            new(HttpMethod.Post, s => $"/api/v1/forms/{s.ProjectForm}/approve", HttpStatusCode.Forbidden, new { }),
            new(HttpMethod.Post, s => $"/api/v1/forms/{s.Report}/approve", HttpStatusCode.Forbidden, new { }),
            new(HttpMethod.Post, s => $"/api/v1/forms/{s.OtherForm}/approve", HttpStatusCode.NotFound, new { }),
            new(HttpMethod.Post, s => "/api/v1/forms/bulk/approve", HttpStatusCode.OK, new { ids = new[] { 0 } },
                (s, result) => result["done"]!.AsArray().Count == 0),
        ],
        ["审核问题"] = [Get(_ => "/api/v1/findings?pageSize=200", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().All(f => (int)f!["formId"]! == s.ProjectForm || (int)f["formId"]! == s.Report))],
        ["组织"] =
        [
            Get(_ => "/api/v1/organisations", HttpStatusCode.OK, (s, list) => list["items"]!.AsArray().Select(o => (string)o!["name"]!).SequenceEqual(["浏阳市数据资源中心"])),
        ],
        ["项目"] =
        [
            Get(s => $"/api/v1/projects/{s.Project}", HttpStatusCode.OK),
            Get(s => $"/api/v1/projects/{s.OtherProject}", HttpStatusCode.NotFound),
            Get(_ => "/api/v1/projects?pageSize=200", HttpStatusCode.OK, (s, page) => OnlyIds(page, "id", s.Project)),
            new(HttpMethod.Post, s => $"/api/v1/projects/{s.Project}/archive", HttpStatusCode.Forbidden, new { }),
        ],
        ["统计"] = [Get(_ => "/api/v1/analytics/queue", HttpStatusCode.Forbidden), Get(_ => "/api/v1/analytics/overview", HttpStatusCode.Forbidden)],
        ["公开查询"] = [Get(_ => "/api/v1/portal/forms", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().All(f => (int)f!["formId"]! != s.Report))],
        ["审计"] = [Get(_ => "/api/v1/audit?pageSize=200", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().Count == 0)],
        ["导入"] =
        [
            Get(_ => "/api/v1/imports/jobs", HttpStatusCode.OK, (s, jobs) => (jobs as JsonArray ?? jobs["items"]!.AsArray()).Count == 0),
            new(HttpMethod.Post, _ => "/api/v1/imports/preview", HttpStatusCode.NotFound, new { organisationId = 0, fiscalYear = 2020, forms = new[] { Forms.Project("导入") } }),
        ],
        ["API 令牌"] = [Get(_ => "/api/v1/tokens", HttpStatusCode.OK)],
        ["用户"] = [Get(_ => "/api/v1/users", HttpStatusCode.Forbidden), Get(_ => "/api/v1/me", HttpStatusCode.OK)],
        ["下载"] =
        [
            Get(s => $"/api/v1/downloads/forms/{s.ProjectForm}.json", HttpStatusCode.OK),
            Get(s => $"/api/v1/downloads/forms/{s.UnitForm}.json", HttpStatusCode.NotFound),
        ],
        ["轮次与任务"] =
        [
            Get(_ => "/api/v1/rounds", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().Count == 0),
            Get(_ => "/api/v1/tasks?open=false", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().Count == 0),
            Get(_ => "/api/v1/notifications", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().Count == 0),
        ],
        ["第三方评价"] =
        [
            Get(_ => "/api/v1/agencies", HttpStatusCode.Forbidden),
            Get(_ => "/api/v1/evaluation-tasks?pageSize=200", HttpStatusCode.OK, (s, page) => page["items"]!.AsArray().Any(t => (int)t!["id"]! == s.Task)
                && page["items"]!.AsArray().All(t => (int)t!["agencyId"]! == (int)page["items"]![0]!["agencyId"]!)),
            Get(s => $"/api/v1/evaluation-tasks/{s.OtherTask}", HttpStatusCode.NotFound),
            Get(s => $"/api/v1/evaluation-tasks/{s.Task}/quality", HttpStatusCode.Forbidden),
            new(HttpMethod.Post, s => $"/api/v1/evaluation-tasks/{s.OtherTask}/report", HttpStatusCode.NotFound),
            new(HttpMethod.Post, s => $"/api/v1/evaluation-tasks/{s.Task}/withdraw", HttpStatusCode.Forbidden, new { reason = "自行撤回" }),
            new(HttpMethod.Post, _ => "/api/v1/evaluation-tasks", HttpStatusCode.NotFound, new { agencyId = 0, projectId = 0 }),
        ],
    };

    /// <summary>Groups closed to evaluators as a whole (Access/EvaluatorGroups): one read of each answers 403.</summary>
    private static readonly Dictionary<string, string> ClosedGroups = new(StringComparer.Ordinal)
    {
        ["结果应用"] = "/api/v1/budget/ledger?year=2020",
        ["计分规则与模板"] = "/api/v1/rulebooks/choices",
        ["整改"] = "/api/v1/rectifications",
        ["抽查复核"] = "/api/v1/spot-checks",
        ["绩效目标审核"] = "/api/v1/adjustments",
        ["年度结转"] = "/api/v1/years/2020/next",
        ["指标库"] = "/api/v1/library/indicators",
        ["预算执行数据导入"] = "/api/v1/execution-imports",
    };

    static EvaluatorScopeTests()
    {
        foreach (var (group, url) in ClosedGroups) Groups[group] = [Get(_ => url, HttpStatusCode.Forbidden)];
    }

    public static TheoryData<string> GroupNames() => new(Groups.Keys);

    [Theory]
    [MemberData(nameof(GroupNames))]
    public async Task The_evaluator_gets_from_each_endpoint_group_only_what_concerns_its_task(string group)
    {
        Host.SkipUnlessAvailable();
        var scene = await Setup();
        foreach (var call in Groups[group])
        {
            var url = call.Url(scene);
            var response = await Host.Client("evaluator").Send(call.Method, url, call.Body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(call.Expected == response.StatusCode, $"{call.Method} {url}: expected {(int)call.Expected}, got {(int)response.StatusCode}: {text}");
            if (call.Holds is not null) Assert.True(call.Holds(scene, JsonNode.Parse(text)!), $"{call.Method} {url} answered more than the task's: {text}");
        }
    }

    [Fact]
    public async Task The_evaluators_report_and_the_unit_form_of_its_project_are_also_what_finance_and_the_unit_see()
    {
        Host.SkipUnlessAvailable();
        var scene = await Setup();
        foreach (var person in new[] { "finance", "unit", "department" })
            foreach (var form in new[] { scene.Report, scene.ProjectForm, scene.UnitForm })
                await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/forms/{form}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("school").GetAsync($"/api/v1/forms/{scene.Report}"));
    }

    [Fact]
    public void Every_endpoint_group_is_checked_for_the_evaluator()
    {
        Host.SkipUnlessAvailable();
        var tags = Host.Factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true)
            .Select(d => d.ActionDescriptor.EndpointMetadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? "其他")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var unchecked_ = tags.Where(t => !Groups.ContainsKey(t)).ToList();
        Assert.True(unchecked_.Count == 0, "Endpoint groups not yet checked for the evaluator's scope (add them to EvaluatorScopeTests.Groups): " + string.Join(", ", unchecked_));
    }
}

public sealed class EvaluatorScopeOnSqlite(SqliteHost host) : EvaluatorScopeTests<SqliteHost>(host);

public sealed class EvaluatorScopeOnPostgres(PostgresHost host) : EvaluatorScopeTests<PostgresHost>(host);
