using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Core.Notation;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Documents.Writers.Xlsx;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The indicator library as its users meet it: a unit setting next year's targets asks for suggestions on a row, takes
/// its project's own indicator (filled with last year's actual), lowers the target and is warned at the cell that it is
/// below last year's actual; finance imports a library workbook, a bad one refused with its row and column.
/// </summary>
[Trait("Category", "Browser")]
public sealed class IndicatorLibraryTests(LiveApp app) : IClassFixture<LiveApp>
{
    private sealed record LastYear(int Year, string Project, string Level1, string Level2, string Name, decimal Actual, string Unit, PerformanceForm Form);

    /// <summary>
    /// A row of the unit's newest self-evaluations with a ≥ target and a plain actual in the target's unit: what the
    /// demo generated, found by shape, never by name.
    /// </summary>
    private async Task<LastYear> FindLastYear(string user)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit = await db.Users.Where(u => u.UserName == user).Select(u => u.OrganisationId).SingleAsync();
        var year = await db.FormFacts.Where(f => f.OrganisationId == unit && f.Kind == FormKind.ProjectSelfEvaluation && f.IsCurrent).MaxAsync(f => f.Year);
        var rows = await db.IndicatorFacts
            .Where(i => i.Fact!.OrganisationId == unit && i.Fact.IsCurrent && i.Kind == FormKind.ProjectSelfEvaluation && i.Year == year
                        && i.Comparator == nameof(Comparator.AtLeast) && i.ActualValue > 10 && i.Unit != null && i.Level1 != null && i.Level2 != null && i.Fact.ProjectName != null)
            .OrderBy(i => i.FormId).ThenBy(i => i.Position)
            .Select(i => new { i.FormId, i.Level1, i.Level2, i.Name, i.Actual, i.ActualValue, i.Unit, i.Fact!.ProjectName })
            .ToListAsync();
        foreach (var row in rows)
        {
            var actual = IndicatorValue.Parse(row.Actual);
            if (actual.Kind != ValueKind.Quantity || actual.Comparator != Comparator.None || actual.Unit != row.Unit || actual.Factors.Count > 0) continue;
            // The same name twice in one form is left out by the check (which row is meant cannot be told).
            var record = await db.Forms.AsNoTracking().SingleAsync(f => f.Id == row.FormId);
            var form = FormRows.ToForm(record);
            if (form.Indicators.Count(r => FormStore.NormaliseName(r.Name) == FormStore.NormaliseName(row.Name)) != 1) continue;
            return new LastYear(year, row.ProjectName!, row.Level1!, row.Level2!, row.Name!, row.ActualValue!.Value, row.Unit!, form);
        }
        throw new InvalidOperationException("The demo unit has no self-evaluation row with a ≥ target and a plain actual.");
    }

    /// <summary>Next year's targets draft of the same project, with one empty row in the indicator's category.</summary>
    private async Task<int> TargetsDraft(string user, LastYear last)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitId = await db.Users.Where(u => u.UserName == user).Select(u => u.OrganisationId).SingleAsync();
        var unit = await db.Organisations.SingleAsync(o => o.Id == unitId);
        var year = last.Year + 1;
        var key = FormIdentity.Key(unit.Path, year, FormKind.Targets, last.Project, null);
        if (await db.Forms.Where(f => f.UniqueKey == key).Select(f => (int?)f.Id).SingleOrDefaultAsync() is { } existing) return existing;
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year) ?? new FiscalYear { Year = year };
        var form = new PerformanceForm
        {
            Kind = FormKind.Targets, Year = year, Title = FormKind.Targets.ChineseName(), Project = last.Form.Project, Unit = last.Form.Unit,
            Department = last.Form.Department, MoneyUnit = last.Form.MoneyUnit,
        };
        form.Indicators.Add(new IndicatorRow { Level1 = last.Level1, Level2 = last.Level2, Weight = 10m });
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var record = new FormRecord { Organisation = unit, FiscalYear = fiscalYear, Status = FormStatus.Draft, Revision = 1, CreatedAt = now, UpdatedAt = now, UniqueKey = key };
        FormStore.Write(record, form, [], Core.Rulebooks.Rulebooks.Default, await FormStore.PlaceAsync(db, unit, CancellationToken.None), now);
        db.Forms.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    private static string Plain(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_unit_takes_its_projects_indicator_and_is_warned_when_the_target_falls_below_last_years_actual()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        const string user = "demo-liuyang";
        var last = await FindLastYear(user);
        var id = await TargetsDraft(user, last);
        var unit = await app.SignIn(user);
        await unit.GotoAsync($"{app.BaseUrl}/forms/{id}");
        await Expect(unit.Locator("input[aria-label='第1行 三级指标']:not([disabled])")).ToBeVisibleAsync();

        // The editor's script may attach a moment after the cell is enabled; asking again until the list opens.
        for (var attempt = 0; attempt < 5 && await unit.Locator("[data-suggestions-for='0']").CountAsync() == 0; attempt++)
        {
            await unit.ClickAsync("button[aria-label='第1行 建议指标']");
            await unit.WaitForTimeoutAsync(500);
        }
        var offered = unit.Locator("[data-suggestions-for='0'] .suggestion[data-source='ProjectHistory']", new() { HasText = last.Name });
        await Expect(offered.First).ToContainTextAsync($"{last.Year}年实际完成");
        await Screens.Save(unit, "50-targets-suggestions");
        await offered.First.Locator("button").ClickAsync();

        await Expect(unit.Locator("input[aria-label='第1行 三级指标']")).ToHaveValueAsync(last.Name);
        await Expect(unit.Locator("input[aria-label='第1行 年度指标值']")).ToHaveValueAsync($"≥{Plain(last.Actual)}{last.Unit}");
        await Expect(unit.Locator("[data-hint-for='0']")).ToContainTextAsync($"{last.Year}年实际完成");

        var lower = Math.Floor(last.Actual * 0.8m);
        await unit.FillAsync("input[aria-label='第1行 年度指标值']", $"≥{Plain(lower)}{last.Unit}");
        await unit.Locator("input[aria-label='第1行 年度指标值']").PressAsync("Tab");
        var warning = unit.Locator("[data-findings-for='0']");
        await Expect(warning).ToContainTextAsync("上年实际完成值");
        await Expect(warning).ToContainTextAsync(Plain(last.Actual));
        await Screens.Save(unit, "51-targets-below-last-actual");

        // Saved, the warning is the form's finding for the reviewers too.
        await unit.ClickAsync("#save:not([disabled])");
        await Expect(unit.Locator("#save-state")).ToContainTextAsync("已保存");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Contains(Core.Checks.CheckCodes.TargetBelowLastActual, await db.Findings.Where(f => f.FormId == id).Select(f => f.Code).ToListAsync());
    }

    private static string Workbook(string name, params IReadOnlyList<string>[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-library-{Guid.NewGuid():N}", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var output = File.Create(path);
        TableWorkbook.Write(output, "标准指标", ["一级指标", "二级指标", "三级指标", "指标解释", "计算口径", "标准值", "计量单位", "指标方向"], [12, 14, 20, 30, 30, 10, 8, 8], rows);
        return path;
    }

    [Fact]
    public async Task Finance_imports_a_library_workbook_and_a_bad_one_is_refused_with_its_row_and_column()
    {
        Assert.SkipUnless(LiveApp.HasChromium, "chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        var finance = await app.SignIn("demo-finance");
        await finance.ClickAsync("#library-links a[href='/library/standards']");
        await finance.WaitForURLAsync(new Regex("/library/standards$"));
        await Expect(finance.Locator("#standards-file:not([disabled])")).ToBeVisibleAsync();

        await finance.SetInputFilesAsync("#standards-file", Workbook("坏的指标库.xlsx",
            ["产出指标", "数量指标", "培训人次", "参加培训的人次", "签到表", "≥500人次", "人次", "正向"],
            ["产出指标", "质量指标", "", "", "", "≥95%", "%", "正向"]));
        await Expect(finance.Locator("#standards-error")).ToContainTextAsync("第 3 行 C 列（三级指标）");
        await Expect(finance.Locator("#standards")).Not.ToContainTextAsync("参加培训的人次");

        await finance.SetInputFilesAsync("#standards-file", Workbook("指标库.xlsx",
            ["产出指标", "数量指标", "培训人次", "参加培训的人次", "签到表", "≥500人次", "人次", "正向"],
            ["产出指标", "质量指标", "培训合格率", "考核合格人数占参训人数的比例", "合格人数 ÷ 参训人数", "≥95%", "%", "正向"],
            ["成本指标", "经济成本指标", "人均培训成本", "培训支出除以参训人次", "决算数", "≤600元/人次", "元/人次", "反向"]));
        await Expect(finance.Locator("#standards-notice")).ToContainTextAsync("新增 3 个");
        await Expect(finance.Locator("#standards")).ToContainTextAsync("考核合格人数占参训人数的比例");
        await Screens.Save(finance, "52-standards-imported");

        await finance.GotoAsync(app.BaseUrl + "/");
        await finance.ClickAsync("#library-links a[href='/library']");
        await Expect(finance.Locator("#library-entries tbody tr").First).ToBeVisibleAsync();
        await finance.Locator("#library-entries tbody tr").First.Locator("button").ClickAsync();
        await Expect(finance.Locator("#library-history table tbody tr").First).ToBeVisibleAsync();
        await Screens.Save(finance, "53-library");
    }
}
