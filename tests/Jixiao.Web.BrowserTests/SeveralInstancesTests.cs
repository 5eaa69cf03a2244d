using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Tests;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// Two app servers behind nginx on one PostgreSQL (issue 13 item 6): what one saves the other shows, a sign-in holds on
/// both, a killed server's users go on at the other without losing what they saved or typed, import jobs run once
/// across servers, and an upgrade rolls through the servers while requests keep being answered.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class SeveralInstancesTests(TwoInstances cluster) : IClassFixture<TwoInstances>
{
    private const string Actual = "textarea[aria-label='实际完成情况']";

    [Fact]
    public async Task A_save_through_one_instance_is_read_through_the_other()
    {
        Assert.SkipWhen(TwoInstances.Missing is not null, TwoInstances.Missing ?? "");
        using var first = cluster.Api(cluster.InstanceUrl(1));
        using var second = cluster.Api(cluster.InstanceUrl(2));
        var id = await cluster.NewForm(first, "两台服务器保存检查");

        using (var saved = await TwoInstances.SaveFiller(second, id, "第二台保存"))
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var readOnFirst = JsonNode.Parse(await first.GetStringAsync($"/api/v1/forms/{id}"))!;
        Assert.Equal("第二台保存", (string?)readOnFirst["form"]!["filler"]);
        Assert.Equal(2, (int)readOnFirst["revision"]!);

        // The first server's copy of revision 1 is stale now, whichever server it goes to: 409, not a silent overwrite.
        var stale = readOnFirst["form"]!.DeepClone();
        stale["filler"] = "过期修订";
        using var conflict = await first.PutAsync($"/api/v1/forms/{id}",
            System.Net.Http.Json.JsonContent.Create(new JsonObject { ["revision"] = 1, ["form"] = stale }));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_on_one_instance_holds_on_the_other()
    {
        Assert.SkipWhen(TwoInstances.Missing is not null, TwoInstances.Missing ?? "");
        var cookies = new CookieContainer();
        using var first = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.InstanceUrl(1)) };
        Assert.True(await TwoInstances.SignIn(first, TwoInstances.FillerName, TwoInstances.FillerPassword));
        var cookie = cookies.GetCookies(new Uri(cluster.InstanceUrl(1)))["jixiao"]!.Value;

        using var second = new HttpClient { BaseAddress = new Uri(cluster.InstanceUrl(2)) };
        second.DefaultRequestHeaders.Add("Cookie", "jixiao=" + cookie);
        var me = JsonNode.Parse(await second.GetStringAsync("/api/v1/me"))!;
        Assert.Equal(TwoInstances.FillerName, (string?)me["userName"]);
        using var page = await second.GetAsync("/forms/new");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("新建", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Without the cookie the same page sends the visitor to sign in: the cookie is what the second server honoured.
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(cluster.InstanceUrl(2)) };
        using var refused = await anonymous.GetAsync("/forms/new");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task Killing_the_instance_of_an_editing_user_moves_them_to_the_other_with_saved_and_typed_text_kept()
    {
        Assert.SkipWhen(TwoInstances.Missing is not null, TwoInstances.Missing ?? "");
        var context = await cluster.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 1000 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(cluster.Url + "/login");
        await page.FillAsync("#userName", TwoInstances.FillerName);
        await page.FillAsync("#password", TwoInstances.FillerPassword);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.WaitForURLAsync(cluster.Url + "/");
        await page.GotoAsync(cluster.Url + "/forms/new");
        await page.FillAsync("#projectName", "服务器宕机检查");
        await page.ClickAsync("#create");
        await page.WaitForURLAsync(new Regex(@"/forms/\d+$"));
        var id = int.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(page.Locator(Actual + ":not([disabled])")).ToBeVisibleAsync();

        await page.FillAsync("input[aria-label='填报人']", "宕机前已保存");
        await page.ClickAsync("#save");
        await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");
        var typed = "宕机前输入但未保存的文字：本年度完成系统升级改造，群众满意度 96.5%。";
        await page.FillAsync(Actual, typed);
        await Expect(page.Locator("#save-state")).ToHaveTextAsync("有未保存的修改");

        var serving = await Upstream(page);
        var dead = serving == cluster.InstanceUrl(1)["http://".Length..] ? 1 : 2;
        await cluster.Script("kill-app", dead.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            // The live connection drops; its reconnection reaches the other server, which does not know the circuit, and
            // the page loads again from there, signed in, offering back what this browser kept.
            await Expect(page.Locator("#kept-input")).ToBeVisibleAsync(new() { Timeout = 90_000 });
            Assert.NotEqual(serving, await Upstream(page));
            await Expect(page.Locator("input[aria-label='填报人']")).ToHaveValueAsync("宕机前已保存");
            await page.ClickAsync("#restore-kept");
            await Expect(page.Locator(Actual)).ToHaveValueAsync(typed);
            await page.ClickAsync("#save");
            await Expect(page.Locator("#save-state")).ToContainTextAsync("已保存");

            using var api = cluster.Api();
            var stored = JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{id}"))!["form"]!;
            Assert.Equal("宕机前已保存", (string?)stored["filler"]);
            Assert.Contains(typed, stored.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
        }
        finally
        {
            await context.CloseAsync();
            await cluster.Script("start-app", dead.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Import_jobs_uploaded_to_both_instances_are_each_read_exactly_once()
    {
        Assert.SkipWhen(TwoInstances.Missing is not null, TwoInstances.Missing ?? "");
        var seed = await File.ReadAllBytesAsync(RepoPaths.Seed("000"));
        var clients = new[] { cluster.Api(cluster.InstanceUrl(1)), cluster.Api(cluster.InstanceUrl(2)) };
        // Both servers' workers wake for their own uploads and poll for the other's: they compete for every job.
        var uploads = Enumerable.Range(0, 8).Select(async i =>
        {
            using var content = new MultipartFormDataContent();
            var file = new ByteArrayContent(seed);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
            content.Add(file, "files", $"集群导入{i}.txt");
            content.Add(new StringContent(cluster.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId");
            using var response = await clients[i % 2].PostAsync("/api/v1/imports/files", content);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"upload {i}: {(int)response.StatusCode} {text}");
            return (int)JsonNode.Parse(text)!["id"]!;
        }).ToList();
        var ids = (await Task.WhenAll(uploads)).ToHashSet();

        var deadline = Stopwatch.StartNew();
        List<(int Id, string State, int Attempts)> jobs;
        do
        {
            await Task.Delay(1000);
            jobs = await Jobs(ids);
        }
        while (jobs.Any(j => j.State is "Queued" or "Running") && deadline.Elapsed < TimeSpan.FromMinutes(3));
        Assert.All(jobs, j => Assert.Equal(("Done", 1), (j.State, j.Attempts)));

        // Each job was finished by exactly one worker of one server, as both servers' logs say.
        var finished = new[] { 1, 2 }.SelectMany(n => FinishedLine().Matches(File.ReadAllText(Path.Combine(cluster.Folder, $"app{n}.log")))
            .Select(m => (Job: int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Instance: n))).Where(f => ids.Contains(f.Job)).ToList();
        Assert.Equal(ids.Order(), finished.Select(f => f.Job).Order());
        foreach (var client in clients) client.Dispose();
    }

    [Fact]
    public async Task An_upgrade_rolls_through_the_instances_while_requests_through_nginx_keep_succeeding()
    {
        Assert.SkipWhen(TwoInstances.Missing is not null, TwoInstances.Missing ?? "");
        using var api = cluster.Api();
        var forms = new[] { await cluster.NewForm(api, "滚动升级检查一"), await cluster.NewForm(api, "滚动升级检查二") };
        // The new build: the same published app from another folder stands in for it (the upgrade path is the folder).
        var upgraded = cluster.PublishedFolder + "-next";
        CopyFolder(cluster.PublishedFolder, upgraded);

        var failures = new ConcurrentQueue<string>();
        var answered = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();
        var load = forms.Select(id => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var saved = await TwoInstances.SaveFiller(api, id, $"升级中保存{++n}");
                    if (saved.StatusCode != HttpStatusCode.OK) failures.Enqueue($"save {id}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
                    using var read = await api.GetAsync("/api/v1/forms?pageSize=5");
                    if (read.StatusCode != HttpStatusCode.OK) failures.Enqueue($"list: {(int)read.StatusCode}");
                    if (read.Headers.TryGetValues("X-Jixiao-Upstream", out var upstream)) answered.AddOrUpdate(upstream.First(), 1, (_, c) => c + 1);
                }
                catch (HttpRequestException e)
                {
                    failures.Enqueue($"form {id}: {Chain(e)}");
                }
            }
        })).ToList();

        try
        {
            foreach (var n in new[] { "1", "2" })
            {
                await Task.Delay(2000);
                await cluster.Script("stop-app", n);
                await Task.Delay(2000);
                await cluster.Script("start-app", n, upgraded);
            }
            await Task.Delay(2000);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        Assert.True(failures.IsEmpty, string.Join("\n", failures));
        Assert.True(answered.Values.Sum() > 20, $"only {answered.Values.Sum()} requests were answered during the upgrade");
        foreach (var n in new[] { 1, 2 })
            Assert.Contains(upgraded, await File.ReadAllTextAsync($"/proc/{cluster.Pid(n)}/cmdline"), StringComparison.Ordinal);
        var last = JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{forms[0]}"))!;
        Assert.StartsWith("升级中保存", (string?)last["form"]!["filler"], StringComparison.Ordinal);
    }

    private static string Chain(Exception e) => e.InnerException is null ? e.Message : e.Message + " <- " + Chain(e.InnerException);

    private static async Task<string> Upstream(IPage page) =>
        await page.EvaluateAsync<string>("() => fetch('/healthz', { cache: 'no-store' }).then(r => r.headers.get('x-jixiao-upstream'))");

    private async Task<List<(int Id, string State, int Attempts)>> Jobs(IReadOnlySet<int> ids)
    {
        await using var connection = new NpgsqlConnection(cluster.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Id", "State"::text, "Attempts" FROM "ImportJobs" WHERE "Id" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var jobs = new List<(int, string, int)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) jobs.Add((reader.GetInt32(0), reader.GetString(1), reader.GetInt32(2)));
        return jobs;
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to, StringComparison.Ordinal), overwrite: true);
    }

    [GeneratedRegex(@"Import job (\d+) finished as \w+ by ")]
    private static partial Regex FinishedLine();
}
