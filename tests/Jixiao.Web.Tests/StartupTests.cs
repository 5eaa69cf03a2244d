using System.Net;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Demo;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed class StartupTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-startup-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private JixiaoFactory Factory(params (string Key, string? Value)[] settings) => Factory(false, settings);

    private JixiaoFactory Factory(bool keysInDatabase, params (string Key, string? Value)[] settings) =>
        new(settings.Append((Key: "Jixiao:DataFolder", Value: (string?)folder)).ToDictionary(s => s.Key, s => s.Value), new ChosenFindings(), null, keysInDatabase);

    /// <summary>A host that refused to start has already torn down its services; disposing it again only repeats that.</summary>
    private static async Task DisposeRefused(JixiaoFactory factory)
    {
        try { await factory.DisposeAsync(); }
        catch (ObjectDisposedException) { }
    }

    [Fact]
    public async Task A_production_start_without_an_administrator_password_refuses_with_a_clear_message()
    {
        var factory = Factory();

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        await DisposeRefused(factory);

        var messages = new List<string>();
        for (Exception? e = refused; e is not null; e = e.InnerException) messages.Add(e.Message);
        Assert.True(messages.Any(m => m.Contains("Jixiao:AdminPassword", StringComparison.Ordinal) && m.Contains("拒绝启动", StringComparison.Ordinal)), string.Join(" | ", messages));
    }

    [Fact]
    public async Task An_unwritable_data_folder_refuses_the_start_with_a_chinese_message_naming_it()
    {
        // Tests run as root, which file modes do not stop: a folder under a plain file can be created by nobody.
        Directory.CreateDirectory(folder);
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "", TestContext.Current.CancellationToken);
        var data = Path.Combine(blocker, "data");
        var factory = new JixiaoFactory(new Dictionary<string, string?> { ["Jixiao:DataFolder"] = data, ["Jixiao:AdminPassword"] = "Pw-admin-2026!" }, new ChosenFindings());

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        await DisposeRefused(factory);

        var startup = Assert.IsType<Jixiao.Web.Startup.StartupRefusedException>(Flatten(refused).First(e => e is Jixiao.Web.Startup.StartupRefusedException));
        Assert.Contains("数据文件夹", startup.Message, StringComparison.Ordinal);
        Assert.Contains("不可写", startup.Message, StringComparison.Ordinal);
        Assert.Contains(data, startup.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", startup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_file_that_cannot_be_opened_refuses_the_start_in_chinese()
    {
        // A folder where the database file should be: SQLite cannot open it, whoever runs the app.
        Directory.CreateDirectory(Path.Combine(folder, "jixiao.db"));
        var factory = Factory(("Jixiao:AdminPassword", "Pw-admin-2026!"));

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        await DisposeRefused(factory);

        var chain = string.Join(" | ", Flatten(refused).Select(e => e.GetType().Name + ": " + e.Message));
        var startup = Flatten(refused).OfType<Jixiao.Web.Startup.StartupRefusedException>().FirstOrDefault();
        Assert.True(startup is not null, chain);
        Assert.Contains("数据库文件无法读写", startup!.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
    }

    [Fact]
    public async Task The_first_production_start_creates_the_database_and_the_administrator_and_no_demo_accounts()
    {
        await using var factory = Factory(("Jixiao:AdminPassword", "Pw-admin-2026!"));
        factory.CreateClient();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.True(File.Exists(Path.Combine(folder, "jixiao.db")));
        Assert.Equal(["admin"], await db.Users.Select(u => u.UserName).ToListAsync());
        Assert.Empty(await db.Forms.ToListAsync());
        Assert.Empty(scope.ServiceProvider.GetRequiredService<DemoAccounts>().Passwords);
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database_so_a_second_instance_reads_the_first_ones_cookies()
    {
        await using var first = Factory(true, ("Jixiao:AdminPassword", "Pw-admin-2026!"));
        var browser = first.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var page = await browser.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var antiforgeryCookie = page.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = "Pw-admin-2026!", ["__RequestVerificationToken"] = token }),
        };
        login.Headers.Add("Cookie", antiforgeryCookie);
        var signedIn = await browser.SendAsync(login);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("jixiao=", StringComparison.Ordinal)).Split(';')[0];

        await using (var scope = first.Services.CreateAsyncScope())
            Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.ToListAsync());
        await using var second = Factory(true, ("Jixiao:AdminPassword", "Pw-admin-2026!"));
        var other = second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        me.Headers.Add("Cookie", authCookie);

        var response = await other.SendAsync(me);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"userName\":\"admin\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_mode_builds_a_living_city_with_printed_accounts_and_forms_in_every_state()
    {
        await using var factory = Factory(("Jixiao:Demo", "true"));
        var browser = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var accounts = factory.Services.GetRequiredService<DemoAccounts>().Passwords;
        Assert.Equal(8, accounts.Count);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Organisations.Select(o => o.Name).ToListAsync();
        Assert.Equal(DemoData.City().Organisations.Select(o => o.Name).Order(), names.Order());
        var statuses = await db.Forms.Select(f => f.Status).Distinct().ToListAsync();
        Assert.Equal(Enum.GetValues<FormStatus>().Order(), statuses.Order());
        Assert.True(File.Exists(Path.Combine(folder, "demo.db")));
        Assert.False(File.Exists(Path.Combine(folder, "jixiao.db")));

        var page = await browser.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var login = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "demo-finance", ["password"] = accounts["demo-finance"], ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Forms_from_the_readers_attach_to_the_demo_unit_they_name()
    {
        await using var factory = Factory(("Jixiao:Demo", "true"));
        factory.CreateClient();
        var unit = DemoData.City().Organisations.Where(o => o.Kind == OrganisationKind.Unit).ElementAt(2).Name;
        var form = new PerformanceForm { Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Project = "读入的项目", Unit = unit };

        await using var scope = factory.Services.CreateAsyncScope();
        var ids = await scope.ServiceProvider.GetRequiredService<DemoData>().AddFormsAsync([form], CancellationToken.None);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Forms.Include(f => f.Organisation).SingleAsync(f => f.Id == ids[0]);
        Assert.Equal((unit, FormStatus.Draft, "读入的项目"), (stored.Organisation!.Name, stored.Status, stored.ProjectName));
    }

    [Fact]
    public async Task A_production_start_on_a_database_holding_demo_accounts_is_refused()
    {
        await using (var demo = Factory(("Jixiao:Demo", "true"))) demo.CreateClient();
        SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(folder, "demo.db"), Path.Combine(folder, "jixiao.db"));
        foreach (var side in new[] { "-wal", "-shm" })
            if (File.Exists(Path.Combine(folder, "demo.db" + side))) File.Copy(Path.Combine(folder, "demo.db" + side), Path.Combine(folder, "jixiao.db" + side));

        var production = Factory(("Jixiao:AdminPassword", "Pw-admin-2026!"));
        var refused = Assert.ThrowsAny<Exception>(() => production.CreateClient());
        await DisposeRefused(production);

        var messages = new List<string>();
        for (Exception? e = refused; e is not null; e = e.InnerException) messages.Add(e.Message);
        Assert.True(messages.Any(m => m.Contains("演示账户", StringComparison.Ordinal)), string.Join(" | ", messages));
    }

    /// <summary>
    /// Settings are read once: a settings file watched for changes puts a watcher on the app's folder, where the SQLite
    /// database lives, and every save woke it (Program).
    /// </summary>
    [Fact]
    public async Task The_settings_files_are_read_once_and_not_watched()
    {
        await using var factory = Factory(("Jixiao:AdminPassword", "Pw-admin-2026!"));
        factory.CreateClient();

        var configuration = (Microsoft.Extensions.Configuration.IConfigurationRoot)factory.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var files = configuration.Providers.OfType<Microsoft.Extensions.Configuration.FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched"));
    }
}
