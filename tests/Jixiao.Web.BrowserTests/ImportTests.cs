using Jixiao.Tests;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The import page uploads the four seed documents as one job, shows the forms with their findings once the job has
/// read them, flags the forms of other units, and saves them as drafts once the person confirms.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ImportTests(LiveApp app) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Uploading_the_seed_documents_previews_their_forms_with_findings_and_saves_them_as_drafts()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        // Three of the four seeds make the preview (seed 002 adds nothing the others do not show).
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Where(f => !Path.GetFileName(f).StartsWith("002", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, seeds.Length);

        var page = await app.SignIn("demo-liuyang");
        await page.GotoAsync(app.BaseUrl + "/import");
        await Expect(page.Locator("#files:not([disabled])")).ToBeVisibleAsync();
        await page.SetInputFilesAsync("#files", seeds);

        await Expect(page.Locator("#progress-text")).ToContainTextAsync("识别出", new() { Timeout = 60_000 });
        await Expect(page.Locator("section.import-file")).ToHaveCountAsync(3);
        foreach (var seed in seeds)
            Assert.True(await page.Locator($"section.import-file[data-file='{Path.GetFileName(seed)}'] .found-form").CountAsync() >= 1, $"{Path.GetFileName(seed)} gave no form");
        await Expect(page.Locator(".found-form[data-kind='project-self-evaluation']").First).ToBeVisibleAsync();
        await Expect(page.Locator(".found-form[data-kind='report']").First).ToBeVisibleAsync();
        Assert.True(await page.Locator(".found-form li[data-code]").CountAsync() > 0, "the seeds' known errors were not reported");
        // Seed 000's page breaks shifted cells of row 35: the preview says so, as the recogniser recorded it.
        await Expect(page.Locator("section.import-file[data-file^='000'] .reading-doubt-list li[data-reason='shifted-cells'][data-row='35']")).ToHaveCountAsync(1);
        var forms = await page.Locator(".found-form").CountAsync();
        // The filler has one unit to choose: forms naming other units (上海市大数据中心, 望城) are attached to it only with a warning.
        var shanghai = page.Locator("section.import-file[data-file='" + Path.GetFileName(RepoPaths.Seed("003")) + "'] .import-warning").First;
        await Expect(shanghai).ToContainTextAsync("上海市大数据中心");
        await Screens.Save(page, "10-import-preview");

        await page.ClickAsync("#confirm-import:not([disabled])");
        await Expect(page.Locator("#import-error")).ToContainTextAsync("已核对");
        foreach (var box in await page.Locator(".confirm-warning").AllAsync()) await box.CheckAsync();
        await page.ClickAsync("#confirm-import:not([disabled])");
        // The unit already has its generated 2020 department-wide form and report: one form per purpose refuses seed 000's
        // and 001's, saying which form exists.
        await Expect(page.Locator("#import-error")).ToContainTextAsync("已有 2020 年度的部门整体支出绩效自评表");

        // Seed 003's project forms are new to the unit: they are saved, a table printed twice once.
        await page.GotoAsync(app.BaseUrl + "/import");
        await Expect(page.Locator("#files:not([disabled])")).ToBeVisibleAsync();
        await page.SetInputFilesAsync("#files", [RepoPaths.Seed("003")]);
        await Expect(page.Locator("#progress-text")).ToContainTextAsync("识别出", new() { Timeout = 60_000 });
        var projectForms = await page.Locator(".found-form").CountAsync();
        foreach (var box in await page.Locator(".confirm-warning").AllAsync()) await box.CheckAsync();
        await page.ClickAsync("#confirm-import:not([disabled])");
        await Expect(page.Locator("#import-saved")).ToBeVisibleAsync();
        // Tables of the same project, kind and year are one form: the repeats the preview flagged are not saved again.
        var saved = await page.Locator("#import-saved a").CountAsync();
        Assert.InRange(saved, 1, projectForms - 1);

        await page.Locator("#import-saved a").First.ClickAsync();
        await Expect(page.Locator(".page-head .status")).ToHaveTextAsync("草稿");
    }
}
