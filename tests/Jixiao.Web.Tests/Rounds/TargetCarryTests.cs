using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// A task's form starts from what the unit already settled: monitoring and self-evaluation from the project's approved
/// targets (indicators, weights, target values), a recurring project's targets from last year's.
/// </summary>
public abstract class TargetCarryTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private static List<(string? Name, string? Target, decimal? Weight)> Indicators(JsonNode form) =>
        form["form"]!["indicators"]!.AsArray().Select(i => ((string?)i!["name"], (string?)i["target"], (decimal?)i["weight"])).ToList();

    private async Task<JsonNode> TaskForm(string kind, int year, int project, int? months = null)
    {
        var round = await Opened("finance", new { kind, year, deadline = Date(Today.AddDays(20)), monitoringMonths = months });
        var task = (await Items("unit", $"/api/v1/rounds/{round}/tasks")).Single(t => (int?)t!["projectId"] == project)!;
        return await Read("unit", await StartForm("unit", (int)task["id"]!));
    }

    [Fact]
    public async Task The_monitoring_table_of_a_task_starts_from_the_approved_targets()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2032, "政务云平台运维服务");
        var targets = Targets("政务云平台运维服务", 2032, firstTarget: "≥130台");
        await ApprovedTargets(project, targets);

        var monitoring = await TaskForm("Monitoring", 2032, project, months: 6);

        Assert.Equal("项目支出绩效目标执行监控表", (string)monitoring["kindName"]!);
        Assert.Equal(6, (int)monitoring["form"]!["monitoringMonths"]!);
        Assert.Equal(targets.Indicators.Select(i => (i.Name, i.Target, i.Weight)).ToList(), Indicators(monitoring));
        Assert.Equal(targets.PlannedGoal, (string?)monitoring["form"]!["plannedGoal"]);
        Assert.All(monitoring["form"]!["indicators"]!.AsArray(), i => Assert.Null((string?)i!["actual"]));
    }

    [Fact]
    public async Task The_self_evaluation_of_a_task_starts_from_the_approved_targets()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2033, "数据共享交换平台建设");
        var targets = Targets("数据共享交换平台建设", 2033, firstTarget: "≥150台");
        await ApprovedTargets(project, targets);

        var evaluation = await TaskForm("SelfEvaluation", 2033, project);

        Assert.Equal(targets.Indicators.Select(i => (i.Name, i.Target, i.Weight)).ToList(), Indicators(evaluation));
    }

    [Fact]
    public async Task Targets_not_yet_approved_by_finance_are_not_carried()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2034, "电子证照系统升级");
        var form = Targets("电子证照系统升级", 2034, firstTarget: "≥160台");
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2034, projectId = project, form }));
        await Expect(HttpStatusCode.OK, await Submit("unit", (int)created["id"]!));

        var monitoring = await TaskForm("Monitoring", 2034, project, months: 6);

        Assert.DoesNotContain(Indicators(monitoring), i => i.Target == "≥160台");
    }

    [Fact]
    public async Task A_recurring_projects_targets_start_from_last_years()
    {
        Host.SkipUnlessAvailable();
        var lastYear = await Project("LY", 2035, "政务外网运维", code: "LY-WW-01");
        var previous = Targets("政务外网运维", 2035, firstTarget: "≥170台");
        await ApprovedTargets(lastYear, previous);
        var thisYear = await Project("LY", 2036, "政务外网运维（续）", code: "LY-WW-01");

        var targets = await TaskForm("Targets", 2036, thisYear);

        Assert.Equal(previous.Indicators.Select(i => (i.Name, i.Target, i.Weight)).ToList(), Indicators(targets));
        Assert.Equal("政务外网运维（续）", (string?)targets["form"]!["project"]);
    }
}

public sealed class TargetCarryOnSqlite(SqliteHost host) : TargetCarryTests<SqliteHost>(host);

public sealed class TargetCarryOnPostgres(PostgresHost host) : TargetCarryTests<PostgresHost>(host);
