using System.Text.RegularExpressions;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>No second form for the same purpose unless asked for as a new version; and a way back from each step.</summary>
[Trait("Category", "Browser")]
public sealed class DuplicatesAndWayBackTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_second_form_for_the_same_project_is_refused_with_a_link_and_can_be_made_a_new_version()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        var first = await Create(page, "重复表单检查");

        await page.GotoAsync(app.BaseUrl + "/forms/new");
        await page.FillAsync("#projectName", "重复表单检查");
        await page.ClickAsync("#create");
        await Expect(page.Locator("#create-error")).ToContainTextAsync("已有");
        await Expect(page.Locator("#open-existing")).ToHaveAttributeAsync("href", new Uri(first).AbsolutePath);
        await Screens.Save(page, "13-new-form-duplicate");

        await page.ClickAsync("#create-new-version");
        await page.WaitForURLAsync(url => Regex.IsMatch(url, @"/forms/\d+$") && url != first);
        await Expect(page.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();
        var second = page.Url;

        await page.GotoAsync(first);
        await Expect(page.Locator("#superseded")).ToContainTextAsync("已被新版本取代");
        await Expect(page.Locator("#superseded a")).ToHaveAttributeAsync("href", new Uri(second).AbsolutePath);
        await Expect(page.Locator("#save")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_draft_can_be_deleted_after_a_confirmation()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        var url = await Create(page, "删除草稿检查");

        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.ClickAsync("#delete-draft");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        await page.GotoAsync(url);
        await Expect(page.Locator("#not-found")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_submission_not_yet_reviewed_can_be_withdrawn_and_edited_again()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var page = await app.SignIn("demo-liuyang");
        await Create(page, "撤回提交检查");
        await page.ClickAsync("#submit");
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("已提交");

        await page.ClickAsync("#withdraw");
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("草稿");
        await Expect(page.Locator("input[aria-label='填报人']:not([disabled])")).ToBeVisibleAsync();
        // Submitted once, it keeps its history: no delete.
        await Expect(page.Locator("#delete-draft")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Finance_unpublishes_a_form_with_a_reason_and_the_portal_no_longer_shows_it()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        int id;
        await using (var scope = app.Services.CreateAsyncScope())
            id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Forms
                .Where(f => f.Status == FormStatus.Published && f.SupersededById == null).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        var finance = await app.SignIn("demo-finance");
        await finance.GotoAsync(app.BaseUrl + $"/review/{id}");
        await finance.ClickAsync("#unpublish:not([disabled])");
        await Expect(finance.Locator("#review-error")).ToContainTextAsync("原因");

        await finance.FillAsync("#comment", "执行数与决算不符，核实后重新公开。");
        await finance.ClickAsync("#unpublish");
        await Expect(finance.Locator("#review-message")).ToContainTextAsync("取消公开");
        await Expect(finance.Locator(".page-head .status")).ToHaveTextAsync("财政已审核");

        var visitor = await app.NewPage();
        await visitor.GotoAsync(app.BaseUrl + $"/portal/forms/{id}");
        await Expect(visitor.Locator(".sheet")).ToHaveCountAsync(0);
    }

    private async Task<string> Create(IPage page, string project)
    {
        await app.CreateForm(page, project);
        await Expect(page.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();
        return page.Url;
    }
}
