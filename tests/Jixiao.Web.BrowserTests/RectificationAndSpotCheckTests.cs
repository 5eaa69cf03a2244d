using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// Results that are followed up: a department raises a rectification item on a form it reviews, the unit works it and
/// submits evidence, the department closes it; finance draws a spot-check sample and re-scores one form beside the
/// unit's scores, and the unit's credibility shows in the overview.
/// </summary>
[Trait("Category", "Browser")]
public sealed class RectificationAndSpotCheckTests(LiveApp app) : IClassFixture<LiveApp>
{
    /// <summary>
    /// A form of the demo unit that has been submitted at least once and lies in the demo department's subtree, one in
    /// review first (the generated city's forms and names are not fixed).
    /// </summary>
    private async Task<int> ReviewedFormOf(string unitUser, string reviewer)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Users.Where(u => u.UserName == unitUser).Select(u => u.OrganisationId).SingleAsync();
        var reviewerPath = await db.Users.Where(u => u.UserName == reviewer).Select(u => u.Organisation!.Path).SingleAsync();
        var forms = await db.Forms.Where(f => f.OrganisationId == unit && f.LatestVersion > 0 && f.SupersededById == null && f.Organisation!.Path.StartsWith(reviewerPath))
            .Select(f => new { f.Id, f.Status }).ToListAsync();
        Assert.NotEmpty(forms);
        return forms.OrderBy(f => f.Status == FormStatus.Submitted ? 0 : 1).ThenBy(f => f.Id).First().Id;
    }

    [Fact]
    public async Task A_rectification_item_raised_in_review_is_worked_by_the_unit_and_closed_by_the_department()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        const string what = "满意度调查缺少问卷和统计依据，请补充调查问卷、样本量和统计结果。";
        var form = await ReviewedFormOf("demo-liuyang", "demo-department");

        var department = await app.SignIn("demo-department");
        await department.GotoAsync($"{app.BaseUrl}/review/{form}");
        // Open the section once the page is interactive: a click during prerendering is undone when the circuit renders.
        await department.WaitForSelectorAsync("#raise-what:not([disabled])", new() { State = Microsoft.Playwright.WaitForSelectorState.Attached });
        await department.ClickAsync("#raise-item summary");
        await department.FillAsync("#raise-what:not([disabled])", what);
        await department.ClickAsync("#raise-button:not([disabled])");
        await Expect(department.Locator("#raise-message")).ToContainTextAsync("已提出整改事项");
        await Expect(department.Locator("#form-rectifications")).ToContainTextAsync("待整改");
        await Screens.Save(department, "40-rectification-raised");

        // The unit finds it from its home, starts it, attaches evidence and submits it for review.
        var unit = await app.SignIn("demo-liuyang");
        await unit.ClickAsync("#rectification-home a[href='/rectifications']");
        await unit.Locator("table.rectifications tr", new() { HasText = what[..20] }).Locator("a").First.ClickAsync();
        await unit.WaitForURLAsync(new Regex(@"/rectifications/\d+$"));
        await unit.ClickAsync("#start-item:not([disabled])");
        await Expect(unit.Locator("#item-status")).ToHaveTextAsync("整改中");
        await unit.SetInputFilesAsync("#evidence-files", new FilePayload
        {
            Name = "满意度调查统计表.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray(),
        });
        await Expect(unit.Locator("#evidence")).ToContainTextAsync("满意度调查统计表.pdf");
        await unit.FillAsync("#item-note", "已开展服务对象满意度调查，回收有效问卷 320 份，统计表见附件。");
        await unit.ClickAsync("#submit-item:not([disabled])");
        await Expect(unit.Locator("#item-status")).ToHaveTextAsync("待复核");
        await Screens.Save(unit, "41-rectification-submitted");
        var itemUrl = unit.Url;

        // The department sees it waiting on its home and closes it.
        await department.GotoAsync(app.BaseUrl + "/");
        await department.ClickAsync("#rectification-home a[href='/rectifications?status=Submitted']");
        await department.Locator("table.rectifications tr", new() { HasText = what[..20] }).Locator("a").First.ClickAsync();
        await department.WaitForURLAsync(itemUrl);
        await Expect(department.Locator("#evidence a", new() { HasText = "满意度调查统计表.pdf" })).ToBeVisibleAsync();
        await department.FillAsync("#item-note:not([disabled])", "问卷和统计表齐全，确认整改完成。");
        await department.ClickAsync("#close-item:not([disabled])");
        await Expect(department.Locator("#item-status")).ToHaveTextAsync("已整改");
        await Expect(department.Locator("#item-notes")).ToContainTextAsync("确认整改完成");
        await Screens.Save(department, "42-rectification-closed");
    }

    [Fact]
    public async Task Finance_draws_a_spot_check_sample_and_rescores_one_form_beside_the_units_scores()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var finance = await app.SignIn("demo-finance");
        await finance.ClickAsync("#spot-check-links a[href='/spot-checks']");
        await finance.WaitForURLAsync(new Regex("/spot-checks$"));
        await finance.FillAsync("#draw-year:not([disabled])", DemoData.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await finance.SelectOptionAsync("#draw-method", "Risk");
        await finance.FillAsync("#draw-size", "3");
        await finance.FillAsync("#draw-seed", "2021");
        await finance.PressAsync("#draw-seed", "Tab");
        await finance.ClickAsync("#draw-button:not([disabled])");
        await finance.WaitForURLAsync(new Regex(@"/spot-checks/\d+$"));
        await Expect(finance.Locator("#spot-check-description")).ToContainTextAsync("种子 2021");
        await Expect(finance.Locator("#sample tr[data-entry]")).ToHaveCountAsync(3);
        await Screens.Save(finance, "43-spot-check-sample");

        var first = finance.Locator("#sample tr[data-entry]").First;
        var unitName = (await first.Locator("td").Nth(1).InnerTextAsync()).Trim();
        await first.Locator(".recheck-link").ClickAsync();
        await finance.WaitForURLAsync(new Regex(@"/spot-checks/\d+/entries/\d+$"));
        await finance.ClickAsync("#copy-stated:not([disabled])");
        // The copy is a server round trip: fill only once its render has landed, or it lands mid-fill ("23" + "0" = "230").
        await Expect(finance.Locator("input[aria-label='第1行 复核得分']")).ToHaveValueAsync(new Regex(@"\d"));
        await finance.FillAsync("input[aria-label='第1行 复核得分']", "0");
        await finance.PressAsync("input[aria-label='第1行 复核得分']", "Tab");
        await finance.FillAsync("#recheck-note", "第1行指标完成情况缺少佐证，复核不得分。");
        await finance.ClickAsync("#save-recheck:not([disabled])");
        await Expect(finance.Locator("#recheck-message")).ToContainTextAsync("已保存复核");
        await Expect(finance.Locator("#recheck-summary")).ToContainTextAsync("行与自评不同");
        await Screens.Save(finance, "44-spot-check-recheck");

        await finance.GotoAsync($"{app.BaseUrl}/overview?year={DemoData.Year}");
        await Expect(finance.Locator("#credibility")).ToContainTextAsync(unitName);
        await finance.Locator("#credibility").ScrollIntoViewIfNeededAsync();
        await Screens.Save(finance, "45-overview-credibility");
    }
}
