using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// A new project above the rulebook's ex-ante threshold (500 万元 in the national rulebook) enters the targets round
/// only after a passed 事前绩效评估; a recurring project or one under the threshold is never held back, and a
/// 调减后通过 assessment's reduced amount becomes the targets form's 年度资金总额.
/// </summary>
public abstract class ExAnteGateTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private async Task<int> BudgetedProject(int year, string name, decimal budgetYuan, string? code = null)
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = year, code = code ?? Guid.NewGuid().ToString("N")[..12], name, budgetYuan }));
        return (int)created["id"]!;
    }

    private static PerformanceForm ExAnte(string project, int year, string conclusion, string requested, string? reduced = null)
    {
        var form = new PerformanceForm { Kind = FormKind.ExAnteAssessment, Year = year, Title = "事前绩效评估表", Project = project, Unit = "浏阳市数据资源中心" };
        form.Extra[ExAnteFields.RequestedAmount] = requested;
        form.Extra[ExAnteFields.Conclusion] = conclusion;
        if (reduced is not null) form.Extra[ExAnteFields.ReducedAmount] = reduced;
        return form;
    }

    /// <summary>An ex-ante assessment of the project through the workflow up to finance's approval (or left submitted).</summary>
    private async Task<int> Assessment(int projectId, PerformanceForm form, bool approve = true)
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = form.Year, projectId, form }));
        var id = (int)created["id"]!;
        var submitted = await Submit("unit", id);
        if (submitted.StatusCode != HttpStatusCode.OK)
        {
            var missing = (await Json(submitted))["missing"]?.AsArray() ?? [];
            submitted = await Submit("unit", id, missing.ToDictionary(m => (string)m!["key"]!, _ => "评估报告已附。"));
        }
        await Expect(HttpStatusCode.OK, submitted);
        if (!approve) return id;
        await Expect(HttpStatusCode.OK, await Act("department", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "approve"));
        return id;
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private async Task<(JsonNode Task, int FormId)> TargetsTask(int year, int project)
    {
        var round = await Opened("finance", new { kind = "Targets", year, deadline = Date(Today.AddDays(20)) });
        var task = (await Items("unit", $"/api/v1/rounds/{round}/tasks")).Single(t => (int?)t!["projectId"] == project)!;
        return (task, await StartForm("unit", (int)task["id"]!));
    }

    private async Task<JsonNode> TaskOf(int year, int project) =>
        (await Items("unit", "/api/v1/tasks?open=true")).Single(t => (int?)t!["projectId"] == project && (int)t["year"]! == year)!;

    [Fact]
    public async Task A_new_project_above_the_threshold_is_refused_until_a_passed_assessment_exists()
    {
        Host.SkipUnlessAvailable();
        var project = await BudgetedProject(2051, "智慧城管平台建设", 8_000_000m);
        var (task, formId) = await TargetsTask(2051, project);

        var blocked = (string?)task["blocked"];
        Assert.NotNull(blocked);
        Assert.Contains("智慧城管平台建设", blocked);
        Assert.Contains("800 万元", blocked);
        Assert.Contains("500 万元", blocked);
        Assert.Contains("尚无该项目本年度的事前绩效评估表", blocked);
        var refused = await Submit("unit", formId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("须先通过事前绩效评估", (string?)(await Json(refused))["detail"]);

        await Assessment(project, ExAnte("智慧城管平台建设", 2051, "通过", "800"));

        Assert.Null((string?)(await TaskOf(2051, project))["blocked"]);
        await Expect(HttpStatusCode.OK, await Submit("unit", formId));
    }

    [Fact]
    public async Task An_assessment_not_yet_approved_by_finance_does_not_open_the_gate()
    {
        Host.SkipUnlessAvailable();
        var project = await BudgetedProject(2052, "应急指挥系统建设", 6_000_000m);
        await Assessment(project, ExAnte("应急指挥系统建设", 2052, "通过", "600"), approve: false);
        var (task, formId) = await TargetsTask(2052, project);

        Assert.Contains("尚未经财政审核", (string?)task["blocked"]);
        Assert.Equal(HttpStatusCode.Conflict, (await Submit("unit", formId)).StatusCode);
    }

    [Fact]
    public async Task A_failed_assessment_keeps_the_project_refused()
    {
        Host.SkipUnlessAvailable();
        var project = await BudgetedProject(2053, "城市大脑二期", 12_000_000m);
        await Assessment(project, ExAnte("城市大脑二期", 2053, "不通过", "1200"));
        var (task, formId) = await TargetsTask(2053, project);

        Assert.Contains("不得安排预算", (string?)task["blocked"]);
        var refused = await Submit("unit", formId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("1200 万元", (string?)(await Json(refused))["detail"]);
    }

    [Fact]
    public async Task A_project_under_the_threshold_is_never_held_back()
    {
        Host.SkipUnlessAvailable();
        var project = await BudgetedProject(2054, "档案数字化", 4_999_999.99m);
        var (task, formId) = await TargetsTask(2054, project);

        Assert.Null((string?)task["blocked"]);
        await Expect(HttpStatusCode.OK, await Submit("unit", formId));
    }

    [Fact]
    public async Task A_recurring_project_is_never_held_back()
    {
        Host.SkipUnlessAvailable();
        await BudgetedProject(2055, "政务云租赁", 9_000_000m, code: "LY-YUN-55");
        var project = await BudgetedProject(2056, "政务云租赁", 9_000_000m, code: "LY-YUN-55");
        var (task, formId) = await TargetsTask(2056, project);

        Assert.Null((string?)task["blocked"]);
        await Expect(HttpStatusCode.OK, await Submit("unit", formId));
    }

    [Fact]
    public async Task A_reduced_amount_becomes_the_targets_budget_and_caps_it()
    {
        Host.SkipUnlessAvailable();
        var project = await BudgetedProject(2057, "数据中台建设", 10_000_000m);
        await Assessment(project, ExAnte("数据中台建设", 2057, "调减后通过", "1000", reduced: "720"));
        var (task, formId) = await TargetsTask(2057, project);
        Assert.Null((string?)task["blocked"]);

        var targets = await Read("unit", formId);
        var total = targets["form"]!["funds"]!.AsArray().Single(f => (string?)f!["role"] == "Total")!;
        var unit = (string?)targets["form"]!["moneyUnit"];
        var expected = unit == "Yuan" ? 7_200_000m : 720m;
        Assert.Equal(expected, (decimal?)total["budget"]);

        total["budget"] = expected * 1.25m;
        total["initialBudget"] = expected * 1.25m;
        await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Put, $"/api/v1/forms/{formId}",
            new { revision = (int)targets["revision"]!, form = targets["form"] }));
        var refused = await Submit("unit", formId);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("调减后金额 720 万元", (string?)(await Json(refused))["detail"]);
    }
}

public sealed class ExAnteGateOnSqlite(SqliteHost host) : ExAnteGateTests<SqliteHost>(host);

public sealed class ExAnteGateOnPostgres(PostgresHost host) : ExAnteGateTests<PostgresHost>(host);
