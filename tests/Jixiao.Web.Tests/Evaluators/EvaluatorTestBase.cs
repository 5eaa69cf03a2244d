using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests.Evaluators;

/// <summary>Projects, tasks and reports of the third-party evaluation, made through the API as finance and the evaluator do.</summary>
public abstract class EvaluatorTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    protected async Task<int> Project(string organisation, string name, int year = 2020)
    {
        var filler = organisation switch { "LY" => "unit", "WC" => "wangcheng", "YZ" => "school", _ => "other-unit" };
        var created = await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id(organisation), fiscalYear = year, code = Guid.NewGuid().ToString("N")[..12], name }));
        return (int)created["id"]!;
    }

    /// <summary>A submitted project self-evaluation of the unit, attached to <paramref name="projectId"/> (or to no project).</summary>
    protected async Task<int> UnitForm(string name, int? projectId, string filler = "unit", string organisation = "LY")
    {
        var id = (int)(await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id(organisation), fiscalYear = 2020, projectId, form = Forms.Project(name) })))["id"]!;
        await Expect(HttpStatusCode.OK, await Submit(filler, id));
        return id;
    }

    protected Task<HttpResponseMessage> AssignCall(int projectId, int? agencyId = null, object? expertIds = null, string person = "finance") =>
        Host.Client(person).Send(HttpMethod.Post, "/api/v1/evaluation-tasks", new { agencyId = agencyId ?? Host.World.Agency.Id, projectId, expertIds, note = "重点评价" });

    protected async Task<int> Assign(int projectId, int? agencyId = null) => (int)(await Expect(HttpStatusCode.Created, await AssignCall(projectId, agencyId)))["id"]!;

    protected async Task<int> StartReport(int taskId) =>
        (int)(await Expect(HttpStatusCode.OK, await Host.Client("evaluator").Send(HttpMethod.Post, $"/api/v1/evaluation-tasks/{taskId}/report")))["formId"]!;

    /// <summary>The report as the evaluator fills it: the rubric kind with the project and the evaluator's conclusion.</summary>
    protected static PerformanceForm Report(string project, string conclusion = "项目决策依据充分，资金使用基本规范，产出目标基本完成。") => new()
    {
        Kind = FormKind.Evaluation, Year = 2020, Title = FormKind.Evaluation.ChineseName(), Project = project, Unit = "浏阳市数据资源中心",
        Department = "甲市数据资源局", ActualGoal = conclusion,
    };

    protected async Task<int> SubmittedReport(int taskId, string project)
    {
        var report = await StartReport(taskId);
        await Expect(HttpStatusCode.OK, await Save("evaluator", report, Report(project)));
        await Expect(HttpStatusCode.OK, await Submit("evaluator", report));
        return report;
    }

    protected async Task<JsonArray> Items(string person, string url) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync(url)))["items"]!.AsArray();

    protected static object FullMarks(decimal factor = 1m) => new
    {
        items = new[]
        {
            new { criterion = "评价依据与方法", score = 20m * factor, comment = "依据充分" },
            new { criterion = "指标体系与评分", score = 25m * factor, comment = "" },
            new { criterion = "数据取证与核实", score = 20m * factor, comment = "" },
            new { criterion = "结论与建议", score = 25m * factor, comment = "" },
            new { criterion = "报告规范与时效", score = 10m * factor, comment = "" },
        },
        comment = "报告质量较好",
    };
}
