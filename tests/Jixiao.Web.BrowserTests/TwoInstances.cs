using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Tests;
using Microsoft.Playwright;

namespace Jixiao.Web.BrowserTests;

/// <summary>
/// Two published app instances behind nginx on one throwaway PostgreSQL, started by <c>scripts/two-instances.sh</c>
/// (the same script an operator tries the setup with), with a unit, a filler with an API token, and a headless chromium.
/// Tests skip where PostgreSQL, nginx or chromium is missing, or where the tests do not run as root (PostgreSQL is
/// started as the postgres user); scripts/test.sh installs all three.
/// </summary>
public sealed partial class TwoInstances : IAsyncLifetime
{
    public const string FillerName = "cluster-filler";
    public const string FillerPassword = "Cluster-Filler-2026x";

    private readonly string adminPassword = "Cluster-Admin-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string published = Path.Combine(Path.GetTempPath(), "jixiao-published-" + Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> ports = [];
    private IPlaywright? playwright;
    private bool up;

    /// <summary>Why the setup cannot run here, or null.</summary>
    public static string? Missing =>
        !LiveApp.HasChromium ? "chromium is not installed"
        : !File.Exists("/usr/sbin/nginx") ? "nginx is not installed (apt-get install nginx)"
        : !Directory.Exists("/usr/lib/postgresql") ? "PostgreSQL is not installed (apt-get install postgresql)"
        : Environment.UserName != "root" ? "PostgreSQL is started as the postgres user: run as root"
        : null;

    /// <summary>The folder the script made: logs (app1.log, app2.log, nginx/), pid files, the database.</summary>
    public string Folder { get; private set; } = "";

    /// <summary>nginx: what users reach.</summary>
    public string Url { get; private set; } = "";

    public string InstanceUrl(int n) => $"http://127.0.0.1:{ports[$"APP{n}_PORT"]}";

    public string PublishedFolder => published;

    public string Database => $"Host=127.0.0.1;Port={ports["PGPORT"]};Username=jixiao;Password=jixiao;Database=jixiao";

    public int UnitId { get; private set; }

    public string FillerToken { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (Missing is not null) return;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        // The test project has built the app already; publishing only gathers it with its static assets.
        await Run("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "Jixiao.Web"), "-c", configuration, "--no-build", "-o", published, "-nologo", "-v", "q"], null);
        foreach (var (name, port) in new[] { "PGPORT", "APP1_PORT", "APP2_PORT", "NGINX_PORT" }.Zip(FreePorts(4))) ports[name] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var output = await Script("up");
        Folder = ClusterLine().Match(output).Groups[1].Value.Trim();
        up = true;
        Url = $"http://127.0.0.1:{ports["NGINX_PORT"]}";
        await CreateUnitAndFiller();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = LiveApp.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Runs scripts/two-instances.sh with this setup's ports and folder; fails the test with its output when it fails.</summary>
    public Task<string> Script(params string[] args)
    {
        var environment = new Dictionary<string, string>(ports) { ["JIXIAO_APP"] = published, ["ADMIN_PASSWORD"] = adminPassword };
        if (Folder.Length > 0) environment["JIXIAO_CLUSTER"] = Folder;
        return Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "two-instances.sh"), .. args], environment);
    }

    /// <summary>The pid of instance <paramref name="n"/> as the script recorded it.</summary>
    public int Pid(int n) => int.Parse(File.ReadAllText(Path.Combine(Folder, $"app{n}.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An API client of the filler (bearer token) for nginx, or for one instance directly.</summary>
    public HttpClient Api(string? baseUrl = null)
    {
        var client = new HttpClient(new ResendOnClosedConnection()) { BaseAddress = new Uri(baseUrl ?? Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", FillerToken);
        return client;
    }

    /// <summary>A client that keeps cookies, as a browser does, without following redirects.</summary>
    public static HttpClient Browserlike(string baseUrl) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Signs in through the login page; true when the app accepted the password (it redirects home).</summary>
    public static async Task<bool> SignIn(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/";
    }

    /// <summary>A new draft project self-evaluation of the filler's unit, through <paramref name="api"/>; returns its id.</summary>
    public async Task<int> NewForm(HttpClient api, string project)
    {
        var body = new JsonObject
        {
            ["organisationId"] = UnitId,
            ["fiscalYear"] = 2025,
            ["form"] = JsonNode.Parse($$"""
                {"kind":"ProjectSelfEvaluation","year":2025,"title":"项目支出绩效自评表","project":"{{project}}","unit":"集群测试中心","moneyUnit":"Yuan","statedWeightTotal":100,
                 "funds":[{"label":"年度资金总额","role":"Total","budget":250000,"executed":215457.60,"weight":10}],
                 "indicators":[{"level1":"产出指标","level2":"数量指标","name":"服务器数量","target":"≥120台","actual":"126台","weight":90}]}
                """),
        };
        using var response = await api.PostAsJsonAsync("/api/v1/forms", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating a form: {(int)response.StatusCode} {text}");
        return (int)JsonNode.Parse(text)!["id"]!;
    }

    /// <summary>Saves the form read back from the server with <paramref name="filler"/> as its 填报人; returns the response.</summary>
    public static async Task<HttpResponseMessage> SaveFiller(HttpClient api, int id, string filler)
    {
        var stored = JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{id}"))!;
        var form = stored["form"]!.DeepClone();
        form["filler"] = filler;
        return await api.PutAsJsonAsync($"/api/v1/forms/{id}", new JsonObject { ["revision"] = (int)stored["revision"]!, ["form"] = form });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (up) await Script("down");
        foreach (var folder in new[] { published, published + "-next" })
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    private async Task CreateUnitAndFiller()
    {
        using var admin = Browserlike(Url);
        Assert.True(await SignIn(admin, "admin", adminPassword), "the administrator could not sign in");
        var root = JsonNode.Parse(await admin.GetStringAsync("/api/v1/organisations"))!["items"]!.AsArray().Single(o => o!["parentId"] is null)!;
        var department = await Created(admin, "/api/v1/organisations", new { parentId = (int)root["id"]!, code = "JQ-D", name = "集群测试局", kind = "Department" });
        var unit = await Created(admin, "/api/v1/organisations", new { parentId = (int)department["id"]!, code = "JQ-U", name = "集群测试中心", kind = "Unit" });
        UnitId = (int)unit["id"]!;
        await Created(admin, "/api/v1/users", new { userName = FillerName, displayName = "集群填报人", password = FillerPassword, role = "单位填报", organisationId = UnitId });
        using var filler = Browserlike(Url);
        Assert.True(await SignIn(filler, FillerName, FillerPassword), "the filler could not sign in");
        FillerToken = (string)(await Created(filler, "/api/v1/tokens", new { name = "集群测试" }))["token"]!;
    }

    private static async Task<JsonNode> Created(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static List<int> FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var found = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        return found;
    }

    private static async Task<string> Run(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var all = new StringBuilder().Append(await output).Append(await errors).ToString();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{all}");
        return all;
    }

    [GeneratedRegex("^JIXIAO_CLUSTER=(.+)$", RegexOptions.Multiline)]
    private static partial Regex ClusterLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>
    /// Sends a request once more on a new connection when the one it went out on was closed with no answer, as browsers
    /// do (docs/operations.md, “Several instances”). An nginx reload has its old worker close the keep-alive connections it
    /// holds idle; a request written onto one in that instant is never read (the rolling-upgrade test met it about one
    /// run in three under load), and .NET does not resend on HTTP/1.1. Resending cannot hide a lost or doubled save: a
    /// save that had been taken is answered 409 the second time, which the tests count as a failure.
    /// </summary>
    private sealed class ResendOnClosedConnection() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            // Closed (ResponseEnded) or reset by the peer (an IOException of the socket, HttpRequestError.Unknown).
            catch (HttpRequestException e) when (e.InnerException is IOException)
            {
                return await base.SendAsync(request, cancellationToken);
            }
        }
    }
}
