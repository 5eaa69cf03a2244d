using System.Net;
using Jixiao.Core.Checks;

namespace Jixiao.Web.Tests.Rectifications;

/// <summary>An item from raising to closing, and what each step refuses, with the words a person reads.</summary>
public abstract class RectificationLifecycleTests<THost>(THost host) : RectificationTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task An_item_raised_from_a_return_is_worked_by_the_unit_and_closed_by_the_reviewer()
    {
        Host.SkipUnlessAvailable();
        var form = await SubmittedForm("LY", "整改流程");
        await Expect(HttpStatusCode.OK, await Act("department", form, "return", new { reason = "服务对象满意度缺少调查依据。" }));
        var returned = (await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{form}/history"))).AsArray()
            .Last(t => (string?)t!["action"] == "Return")!;

        var raised = await Expect(HttpStatusCode.Created, await RaiseOn("department", form, "补充满意度调查问卷及统计结果。", source: "Return", transitionId: (int)returned["id"]!));
        var id = (int)raised["id"]!;
        Assert.Equal("待整改", (string?)raised["statusName"]);
        Assert.Equal("退回意见", (string?)raised["sourceName"]);
        Assert.True((bool)raised["disclosed"]!);

        Assert.Equal("整改中", (string?)(await Expect(HttpStatusCode.OK, await Step("unit", id, "start")))["statusName"]);
        await Expect(HttpStatusCode.OK, await Upload("unit", id, "满意度调查统计表.pdf", Pdf));
        var missingNote = await Expect(HttpStatusCode.BadRequest, await Step("unit", id, "submit"));
        Assert.Contains("整改情况", (string?)missingNote["detail"], StringComparison.Ordinal);
        Assert.Equal("待复核", (string?)(await Expect(HttpStatusCode.OK, await Step("unit", id, "submit", "已开展满意度调查，回收问卷 320 份。")))["statusName"]);
        await Expect(HttpStatusCode.Conflict, await Upload("unit", id, "补充.pdf", Pdf));
        await Expect(HttpStatusCode.Forbidden, await Step("unit", id, "close"));

        var noReason = await Expect(HttpStatusCode.BadRequest, await Step("department", id, "send-back"));
        Assert.Contains("原因", (string?)noReason["detail"], StringComparison.Ordinal);
        Assert.Equal("整改中", (string?)(await Expect(HttpStatusCode.OK, await Step("department", id, "send-back", "问卷样本量不足，请补充。")))["statusName"]);
        await Expect(HttpStatusCode.OK, await Step("unit", id, "submit", "补充问卷 200 份，合计 520 份。"));
        var closed = await Expect(HttpStatusCode.OK, await Step("department", id, "close", "材料齐全。"));
        Assert.Equal("已整改", (string?)closed["statusName"]);
        Assert.Equal("department", (string?)closed["closedBy"]);

        var item = await Item("unit", id);
        Assert.Equal(["待整改", "整改中", "待复核", "整改中", "待复核", "已整改"], item["notes"]!.AsArray().Select(n => (string)n!["toStatus"]!).ToList());
        Assert.Single(item["evidence"]!.AsArray());
        await Expect(HttpStatusCode.Conflict, await Step("unit", id, "start"));
        var audit = (await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/audit?pageSize=200")))["items"]!.AsArray();
        Assert.Contains(audit, a => (string?)a!["entityType"] == "rectification" && (string?)a["entityId"] == id.ToString(System.Globalization.CultureInfo.InvariantCulture) && (string?)a["after"] == "已整改");
    }

    [Fact]
    public async Task An_item_raised_from_a_finding_names_the_finding_and_its_place()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("整改问题来源", new Finding("funds-rate", Severity.Warning, "执行率与预算数、执行数不符", "rate", new FindingLocation("funds", 1, "执行率")));
        var form = await FormIn(Data.Model.FormStatus.Submitted, "整改问题来源", "unit", "LY");

        await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, source: "Finding", findingPosition: 9));
        var raised = await Expect(HttpStatusCode.Created, await RaiseOn("department", form, "按规则重算执行率。", source: "Finding", findingPosition: 1));

        Assert.Equal("funds-rate", (string?)raised["findingCode"]);
        Assert.False(string.IsNullOrEmpty((string?)raised["findingPlace"]));
    }

    [Fact]
    public async Task Raising_refuses_a_draft_a_past_deadline_a_missing_return_and_an_empty_requirement()
    {
        Host.SkipUnlessAvailable();
        var draft = await Draft("整改草稿", "unit", "LY");
        var form = await SubmittedForm("LY", "整改校验");

        Assert.Contains("还没有提交", (string?)(await Expect(HttpStatusCode.Conflict, await RaiseOn("department", draft)))["detail"], StringComparison.Ordinal);
        var past = await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, deadline: Today.AddDays(-1)));
        Assert.Contains("早于今天", (string?)past["detail"], StringComparison.Ordinal);
        Assert.Equal("$.deadline", (string?)past["errors"]![0]!["path"]);
        await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, source: "Return"));
        Assert.Equal("$.what", (string?)(await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, "  ")))["errors"]![0]!["path"]);
        await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, new string('长', 4001)));
        await Expect(HttpStatusCode.BadRequest, await RaiseOn("department", form, source: "Other"));
        await Expect(HttpStatusCode.BadRequest, await Host.Client("department").GetAsync("/api/v1/rectifications?status=Nonsense"));
    }

    [Fact]
    public async Task A_department_cannot_close_what_finance_raised_but_finance_closes_what_a_department_raised()
    {
        Host.SkipUnlessAvailable();
        var form = await SubmittedForm("LY", "整改层级");
        var byFinance = await Raised("finance", form, "财政抽查发现资金使用不规范，请整改。");
        var byDepartment = await Raised("department", form, "补充绩效目标完成情况说明。");
        foreach (var item in new[] { byFinance, byDepartment }) await Expect(HttpStatusCode.OK, await Step("unit", item, "submit", "已整改完毕。"));

        await Expect(HttpStatusCode.Forbidden, await Step("department", byFinance, "close"));
        await Expect(HttpStatusCode.OK, await Step("finance", byFinance, "close"));
        await Expect(HttpStatusCode.OK, await Step("finance", byDepartment, "close"));
    }

    [Fact]
    public async Task Evidence_is_held_to_the_upload_policy_and_must_be_what_its_name_says()
    {
        Host.SkipUnlessAvailable();
        var item = await Raised("department", await SubmittedForm("LY", "整改材料"));

        var script = await Expect(HttpStatusCode.UnsupportedMediaType, await Upload("unit", item, "报告.html", "<script>alert(1)</script>"u8.ToArray()));
        Assert.Contains("不受支持", (string?)script["detail"], StringComparison.Ordinal);
        var renamed = await Expect(HttpStatusCode.UnsupportedMediaType, await Upload("unit", item, "报告.pdf", "MZ\u0090\u0000"u8.ToArray()));
        Assert.Contains("内容与扩展名", (string?)renamed["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await Upload("unit", item, "空.pdf", []));
        await Expect(HttpStatusCode.OK, await Upload("unit", item, "../../etc/整改照片.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));

        var stored = (await Item("unit", item))["evidence"]!.AsArray();
        Assert.Equal(["整改照片.png"], stored.Select(e => (string)e!["name"]!).ToList());
        var download = await Host.Client("department").GetAsync((string)stored[0]!["url"]!);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class RectificationLifecycleOnSqlite(SqliteHost host) : RectificationLifecycleTests<SqliteHost>(host);

public sealed class RectificationLifecycleOnPostgres(PostgresHost host) : RectificationLifecycleTests<PostgresHost>(host);
