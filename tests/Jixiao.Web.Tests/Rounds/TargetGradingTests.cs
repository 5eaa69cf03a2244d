using System.Net;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>
/// Targets are graded before they enter the budget (领域指南 §2.5): the reviewer whose turn it is grades them 优/良/中/差
/// with reasons, recorded with the reviewer and the time; finance approves only graded targets, and never a 差.
/// </summary>
public abstract class TargetGradingTests<THost>(THost host) : RoundTestBase<THost>(host) where THost : TestHost
{
    private async Task<JsonArray> Grades(string person, int formId) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/forms/{formId}/grades"))).AsArray();

    [Fact]
    public async Task A_grade_is_recorded_with_its_reasons_the_reviewer_and_the_time()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "政务云平台运维服务");
        var id = await TargetsAtFinance(project, Targets("政务云平台运维服务", 2041));

        await Expect(HttpStatusCode.OK, await Grade("finance", id, "优", "目标完整，指标细化量化，目标值有历史数据支撑。"));

        var grade = Assert.Single(await Grades("unit", id))!;
        Assert.Equal("优", (string)grade["grade"]!);
        Assert.True((bool)grade["approvable"]!);
        Assert.Equal("目标完整，指标细化量化，目标值有历史数据支撑。", (string)grade["reasons"]!);
        Assert.False(string.IsNullOrWhiteSpace((string)grade["userName"]!));
        Assert.Equal("财政审核", (string)grade["role"]!);
        Assert.Equal(Host.Clock.GetUtcNow(), (DateTimeOffset)grade["at"]!);
    }

    [Fact]
    public async Task Targets_graded_poor_are_refused_approval_with_a_clear_message()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "电子政务外网运维");
        var id = await TargetsAtFinance(project, Targets("电子政务外网运维", 2041));
        await Expect(HttpStatusCode.OK, await Grade("finance", id, "差", "满意度指标与项目无关，数量指标无法衡量。"));

        var refused = await Expect(HttpStatusCode.Conflict, await Act("finance", id, "approve"));

        Assert.Contains("差", (string)refused["detail"]!);
        Assert.Contains("不得进入预算", (string)refused["detail"]!);
        Assert.Equal("主管部门已审核", (string)(await Read("finance", id))["statusName"]!);
    }

    [Fact]
    public async Task Targets_regraded_after_poor_may_be_approved_and_the_latest_grade_counts()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "数据共享交换平台运维");
        var id = await TargetsAtFinance(project, Targets("数据共享交换平台运维", 2041));
        await Expect(HttpStatusCode.OK, await Grade("finance", id, "差", "目标值无依据。"));
        await Expect(HttpStatusCode.OK, await Grade("finance", id, "中", "单位补充了目标值依据，满意度目标仍偏低。"));

        await Expect(HttpStatusCode.OK, await Act("finance", id, "approve"));

        Assert.Equal(["差", "中"], (await Grades("finance", id)).Select(g => (string)g!["grade"]!).ToList());
    }

    [Fact]
    public async Task Finance_cannot_approve_targets_nobody_graded()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "政务服务热线运维");
        var id = await TargetsAtFinance(project, Targets("政务服务热线运维", 2041));

        var refused = await Expect(HttpStatusCode.Conflict, await Act("finance", id, "approve"));

        Assert.Contains("评定审核等级", (string)refused["detail"]!);
    }

    [Fact]
    public async Task The_department_grades_while_the_targets_wait_for_it_and_its_poor_grade_stops_its_approval()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "城市大脑建设");
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2041, projectId = project, form = Targets("城市大脑建设", 2041) }));
        var id = (int)created["id"]!;
        await Expect(HttpStatusCode.OK, await Submit("unit", id));

        // Finance's turn has not come yet.
        await Expect(HttpStatusCode.Forbidden, await Grade("finance", id, "良", "可以。"));
        await Expect(HttpStatusCode.OK, await Grade("department", id, "差", "绩效目标与项目建设内容不相关。"));

        await Expect(HttpStatusCode.Conflict, await Act("department", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("department", id, "return", new { reason = "请按审核意见重新申报绩效目标。" }));
    }

    [Fact]
    public async Task A_grade_must_be_one_of_the_rulebooks_grades_with_reasons_on_targets_under_review()
    {
        Host.SkipUnlessAvailable();
        var project = await Project("LY", 2041, "智慧城管平台运维");
        var id = await TargetsAtFinance(project, Targets("智慧城管平台运维", 2041));
        var draft = await Draft("自评项目甲");
        var draftTargets = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2041, projectId = await Project("LY", 2041, "草稿项目"), form = Targets("草稿项目", 2041) }));

        var unknown = await Expect(HttpStatusCode.BadRequest, await Grade("finance", id, "甲", "理由"));
        Assert.Contains("优、良、中、差", (string)unknown["detail"]!);
        await Expect(HttpStatusCode.BadRequest, await Grade("finance", id, "良", ""));
        await Expect(HttpStatusCode.BadRequest, await Grade("finance", id, "良", new string('理', 2001)));
        await Expect(HttpStatusCode.BadRequest, await Grade("finance", draft, "良", "不是绩效目标表。"));
        await Expect(HttpStatusCode.Conflict, await Grade("finance", (int)draftTargets["id"]!, "良", "还是草稿。"));
        await Expect(HttpStatusCode.NotFound, await Grade("finance", 999_999, "良", "不存在。"));
        Assert.Empty(await Grades("finance", id));
    }

    [Fact]
    public async Task The_grades_and_their_criteria_come_from_the_rulebook()
    {
        Host.SkipUnlessAvailable();
        var rules = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync("/api/v1/target-grades?year=2041"))).AsArray();

        Assert.Equal(["优", "良", "中", "差"], rules.Select(r => (string)r!["grade"]!).ToList());
        Assert.Equal([true, true, true, false], rules.Select(r => (bool)r!["approvable"]!).ToList());
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace((string)r!["criteria"]!)));
    }
}

public sealed class TargetGradingOnSqlite(SqliteHost host) : TargetGradingTests<SqliteHost>(host);

public sealed class TargetGradingOnPostgres(PostgresHost host) : TargetGradingTests<PostgresHost>(host);
