using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// Approved targets change mid-year only through an adjustment request (纠偏): the unit proposes new target values with
/// a reason, finance approves or rejects it; an approved adjustment is recorded and becomes the target the approved form
/// holds, so the self-evaluation and monitoring of the project start from it.
/// </summary>
public abstract class TargetAdjustmentTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private const string Reason = "受上级资金下达延迟影响，服务器采购数量按实际到位资金调减（纠偏）。";

    private static string? Target(JsonNode form, int row) => (string?)form["form"]!["indicators"]![row - 1]!["target"];

    private async Task<(int Project, int Form)> Approved(int year, string name)
    {
        var project = await Project("LY", year, name);
        return (project, await ApprovedTargets(project, Targets(name, year, firstTarget: "≥120台")));
    }

    [Fact]
    public async Task An_approved_adjustment_becomes_the_target_the_self_evaluation_starts_from()
    {
        Host.SkipUnlessAvailable();
        var (project, form) = await Approved(2042, "政务云平台运维服务");
        var requested = await Expect(HttpStatusCode.Created, await RequestAdjustment("unit", form, Reason, (1, "≥100台")));
        var id = (int)requested["id"]!;
        Assert.Equal("待审核", (string)requested["stateName"]!);
        Assert.Equal("≥120台", Target(await Read("unit", form), 1));

        var approved = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/adjustments/{id}/approve", new { reason = "同意调减。" }));

        Assert.Equal("已批准", (string)approved["stateName"]!);
        var change = Assert.Single(approved["changes"]!.AsArray())!;
        Assert.Equal(("≥120台", "≥100台"), ((string?)change["before"], (string)change["after"]!));
        Assert.Equal("≥100台", Target(await Read("unit", form), 1));
        Assert.Equal("财政已审核", (string)(await Read("unit", form))["statusName"]!);
        var round = await Opened("finance", new { kind = "SelfEvaluation", year = 2042, deadline = Date(Today.AddDays(20)) });
        var task = (await Items("unit", $"/api/v1/rounds/{round}/tasks")).Single(t => (int?)t!["projectId"] == project)!;
        Assert.Equal("≥100台", Target(await Read("unit", await StartForm("unit", (int)task["id"]!)), 1));
        var audit = (await Items("finance", $"/api/v1/forms/{form}/audit?pageSize=200")).Select(a => (string?)a!["after"]).ToList();
        Assert.Contains(audit, a => a is not null && a.StartsWith("≥100台", StringComparison.Ordinal) && a.Contains(Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rejected_adjustment_leaves_the_targets_as_approved_and_needs_a_reason()
    {
        Host.SkipUnlessAvailable();
        var (_, form) = await Approved(2042, "数据共享交换平台运维");
        var id = (int)(await Expect(HttpStatusCode.Created, await RequestAdjustment("unit", form, Reason, (2, "≥80万次"))))["id"]!;

        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/adjustments/{id}/reject", new { reason = "" }));
        var rejected = await Expect(HttpStatusCode.OK, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/adjustments/{id}/reject",
            new { reason = "调用量未见下降依据，维持原目标。" }));

        Assert.Equal("已驳回", (string)rejected["stateName"]!);
        Assert.Equal("调用量未见下降依据，维持原目标。", (string)rejected["decision"]!);
        Assert.Equal("≥100万次", Target(await Read("unit", form), 2));
        await Expect(HttpStatusCode.Conflict, await Host.Client("finance").Send(HttpMethod.Post, $"/api/v1/adjustments/{id}/approve", new { }));
    }

    [Fact]
    public async Task Only_approved_targets_take_adjustment_requests_one_pending_at_a_time()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2042, "政务服务热线运维");
        var atFinance = await TargetsAtFinance(project, Targets("政务服务热线运维", 2042));
        var (_, form) = await Approved(2042, "电子证照系统运维");

        var notYet = await Expect(HttpStatusCode.Conflict, await RequestAdjustment("unit", atFinance, Reason, (1, "≥100台")));
        Assert.Contains("财政已审核", (string)notYet["detail"]!);
        await Expect(HttpStatusCode.Created, await RequestAdjustment("unit", form, Reason, (1, "≥100台")));
        var second = await Expect(HttpStatusCode.Conflict, await RequestAdjustment("unit", form, Reason, (3, "≥85%")));
        Assert.Contains("待审核", (string)second["detail"]!);
    }

    [Fact]
    public async Task An_adjustment_request_names_existing_rows_with_new_values_and_a_reason()
    {
        Host.SkipUnlessAvailable();
        var (_, form) = await Approved(2042, "智慧城管平台运维");
        var self = await Draft("自评项目乙");

        var noRow = await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, Reason, (4, "≥1台")));
        Assert.Contains("第 4 行不存在", (string)noRow["detail"]!);
        var same = await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, Reason, (1, "≥120台")));
        Assert.Contains("相同", (string)same["detail"]!);
        await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, "", (1, "≥100台")));
        await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, Reason));
        await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, Reason, (1, "≥100台"), (1, "≥90台")));
        await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", form, Reason, (0, "≥100台")));
        await Expect(HttpStatusCode.BadRequest, await RequestAdjustment("unit", self, Reason, (1, "≥100台")));
        await Expect(HttpStatusCode.NotFound, await RequestAdjustment("unit", 999_999, Reason, (1, "≥100台")));
        await Expect(HttpStatusCode.NotFound, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/adjustments/999999/approve", new { }));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").GetAsync("/api/v1/adjustments?state=Later"));
        Assert.Empty((await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{form}/adjustments"))).AsArray());
    }
}

public sealed class TargetAdjustmentOnSqlite(SqliteHost host) : TargetAdjustmentTests<SqliteHost>(host);

public sealed class TargetAdjustmentOnPostgres(PostgresHost host) : TargetAdjustmentTests<PostgresHost>(host);
