using System.Net;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Rectifications;

/// <summary>
/// Overdue items show on the unit's home and on its reviewers' homes as the clock passes their deadline; a published
/// form's disclosed items show on the portal without their evidence or notes.
/// </summary>
public abstract class RectificationOnHomesAndPortalTests<THost>(THost host) : RectificationTestBase<THost>(host) where THost : TestHost
{
    private async Task<string> Home(string person)
    {
        var browser = Host.Anonymous();
        await LogIn(browser, person, Host.World.Passwords[person]);
        return await browser.GetStringAsync("/");
    }

    [Fact]
    public async Task An_item_past_its_deadline_is_overdue_on_the_units_and_the_reviewers_homes_until_it_is_submitted()
    {
        Host.SkipUnlessAvailable();
        const string what = "逾期测试：补充项目验收报告。";
        var item = await Raised("department", await SubmittedForm("LY", "整改逾期"), what, Today.AddDays(1));
        Assert.Empty(await Items("unit", "/api/v1/rectifications?overdue=true"));
        Assert.DoesNotContain(what, await Home("unit"), StringComparison.Ordinal);

        Host.Clock.Advance(TimeSpan.FromDays(3));

        var overdue = Assert.Single(await Items("unit", "/api/v1/rectifications?overdue=true"));
        Assert.True((bool)overdue!["overdue"]!);
        Assert.True((int)overdue["daysLeft"]! < 0);
        foreach (var person in new[] { "unit", "department", "finance" })
        {
            var home = await Home(person);
            Assert.Contains("逾期未整改", home, StringComparison.Ordinal);
            Assert.Contains(what, home, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(what, await Home("wangcheng"), StringComparison.Ordinal);
        Assert.DoesNotContain(what, await Home("other-finance"), StringComparison.Ordinal);

        // Waiting on the reviewer is not the unit's delay.
        await Expect(HttpStatusCode.OK, await Step("unit", item, "submit", "验收报告已补充。"));
        Assert.Empty(await Items("unit", "/api/v1/rectifications?overdue=true"));
        Assert.DoesNotContain(what, await Home("unit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_forms_disclosed_items_show_on_the_portal_without_evidence_or_notes()
    {
        Host.SkipUnlessAvailable();
        const string what = "公开测试：补充绩效目标完成情况佐证材料。";
        var form = await FormIn(FormStatus.FinanceApproved, "整改公开");
        var item = await Raised("finance", form, what);
        await Expect(HttpStatusCode.OK, await Upload("unit", item, "佐证材料清单.txt", "材料清单"u8.ToArray()));
        await Expect(HttpStatusCode.OK, await Step("unit", item, "submit", "内部说明：已补充佐证材料。"));
        var anonymous = Host.Anonymous();
        Assert.DoesNotContain(what, await anonymous.GetStringAsync($"/portal/forms/{form}"), StringComparison.Ordinal);

        await Expect(HttpStatusCode.OK, await Act("finance", form, "publish"));

        var portal = await anonymous.GetStringAsync($"/portal/forms/{form}");
        Assert.Contains("整改情况", portal, StringComparison.Ordinal);
        Assert.Contains(what, portal, StringComparison.Ordinal);
        Assert.Contains("待复核", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("佐证材料清单.txt", portal, StringComparison.Ordinal);
        Assert.DoesNotContain("内部说明", portal, StringComparison.Ordinal);
    }
}

public sealed class RectificationOnHomesAndPortalOnSqlite(SqliteHost host) : RectificationOnHomesAndPortalTests<SqliteHost>(host);

public sealed class RectificationOnHomesAndPortalOnPostgres(PostgresHost host) : RectificationOnHomesAndPortalTests<PostgresHost>(host);
