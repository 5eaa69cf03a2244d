using System.Text.RegularExpressions;
using Jixiao.Web.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// The real app in demo mode on a free port over a temporary SQLite file, and one headless Debian chromium driving it.
/// Shared by the tests of a class; tests skip (not pass) where chromium is not installed.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-browser-" + Guid.NewGuid().ToString("N"));
    private Factory? factory;
    private IPlaywright? playwright;

    public static bool HasChromium => File.Exists(Chromium);

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Passwords => factory!.Services.GetRequiredService<DemoAccounts>().Passwords;

    public IServiceProvider Services => factory!.Services;

    public async ValueTask InitializeAsync()
    {
        if (!HasChromium) return;
        factory = new Factory(folder);
        factory.UseKestrel(0);
        factory.StartServer();
        BaseUrl = factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A form of the demo account's unit in the demo year that it can still edit and that has indicator rows (the
    /// generated city leaves part of every unit's last year in draft or returned, of any kind): a draft before a returned
    /// form, a project self-evaluation before targets, monitoring and the department's self-evaluation. Basic data
    /// tables and reports have no indicator rows and are never chosen.
    /// </summary>
    public async Task<int> DraftOf(string user)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Jixiao.Data.AppDbContext>();
        var organisation = await db.Users.Where(u => u.UserName == user).Select(u => u.OrganisationId).SingleAsync();
        Jixiao.Core.Forms.FormKind[] withIndicators =
        [
            Jixiao.Core.Forms.FormKind.ProjectSelfEvaluation, Jixiao.Core.Forms.FormKind.Targets,
            Jixiao.Core.Forms.FormKind.Monitoring, Jixiao.Core.Forms.FormKind.DepartmentSelfEvaluation,
        ];
        var editable = await db.Forms.Where(f => f.OrganisationId == organisation && f.SupersededById == null
                && (f.Status == Jixiao.Data.Model.FormStatus.Draft || f.Status == Jixiao.Data.Model.FormStatus.Returned)
                && withIndicators.Contains(f.Kind) && f.FiscalYear!.Year == DemoData.Year)
            .Select(f => new { f.Id, f.Kind, f.Status }).ToListAsync();
        return editable.OrderBy(f => f.Status == Jixiao.Data.Model.FormStatus.Draft ? 0 : 1)
            .ThenBy(f => Array.IndexOf(withIndicators, f.Kind)).ThenBy(f => f.Id).First().Id;
    }

    /// <summary>The organisation the demo account sits in, as the login page lists it.</summary>
    public string OrganisationOf(string user) => Services.GetRequiredService<DemoAccounts>().Entries.Single(e => e.UserName == user).Organisation;

    /// <summary>A fresh browser context (its own cookies) signed in as a demo account, at the home page.</summary>
    public async Task<IPage> SignIn(string user)
    {
        var page = await NewPage();
        await page.GotoAsync(BaseUrl + "/login");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", Passwords[user]);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        // A class's first sign-in is its app's first home page (compiled then), in CI beside the 2,400 other tests on two
        // cores: once it took longer than the 20 s every other step gets.
        await page.WaitForURLAsync(BaseUrl + "/", new() { Timeout = 60_000 });
        return page;
    }

    /// <summary>
    /// Creates a draft on the new-form page, as its signed-in filler would: of <paramref name="kind"/> and
    /// <paramref name="year"/> where given (else the page's first kind, a project self-evaluation, and its year), for
    /// <paramref name="project"/> where given; waits for its editor's address.
    /// </summary>
    public async Task CreateForm(IPage page, string? project, string? kind = null, string? year = null)
    {
        await page.GotoAsync(BaseUrl + "/forms/new");
        if (kind is not null) await page.SelectOptionAsync("#kind", kind);
        if (year is not null) await page.FillAsync("#year", year);
        if (project is not null) await page.FillAsync("#projectName", project);
        await page.ClickAsync("#create");
        // A class's first form is its app's first check and first editor page, in CI beside the other tests on two cores:
        // once it took longer than the 20 s every other step gets.
        await page.WaitForURLAsync(new Regex(@"/forms/\d+$"), new() { Timeout = 60_000 });
    }

    public async Task<IPage> NewPage()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (factory is not null) await factory.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* SQLite may still hold the WAL file for a moment; the temp folder is cleaned by the OS. */ }
    }

    private sealed class Factory(string folder) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Jixiao:Demo", "true");
            builder.UseSetting("Jixiao:DataFolder", folder);
        }
    }
}
