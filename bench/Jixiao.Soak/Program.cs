using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Fuzz;
using Jixiao.Tests;

// The soak of issue 14, the clients' side: N clients for M minutes against a running app (bench/soak/run.sh starts it
// on PostgreSQL and kills it with SIGKILL twice meanwhile). Each client saves its own forms through the API (so it knows
// which revision each acknowledged save got), reads forms, lists and pages, and now and then uploads a file — a real
// seed document or one of the fuzz harness's hostile files. At the end it checks, through the API:
//  - lost saves: every save the server answered 200 to appears in the form's audit trail (same transaction as the save),
//    and each form's stored revision is at least the last acknowledged one, with that save's content when equal;
//  - half-written forms: each form's stored content is exactly one attempted save (its marker in 填报人 and in every
//    indicator row, with that save's number of rows);
//  - uploads: every job the server acknowledged (202) ends read or failed with a reason, none lost or stuck.
// Usage: Jixiao.Soak --url http://127.0.0.1:5450 --admin-password P [--clients 50] [--minutes 10] [--seed 14]
var settings = Settings.Parse(args);
var soak = new Soak(settings);
return await soak.Run();

internal sealed record Settings(Uri Url, string AdminPassword, int Clients, TimeSpan Duration, int Seed)
{
    public static Settings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        return new Settings(
            new Uri(Arg("--url") ?? "http://127.0.0.1:5450"),
            Arg("--admin-password") ?? throw new ArgumentException("--admin-password is required"),
            int.Parse(Arg("--clients") ?? "50", CultureInfo.InvariantCulture),
            TimeSpan.FromMinutes(double.Parse(Arg("--minutes") ?? "10", CultureInfo.InvariantCulture)),
            int.Parse(Arg("--seed") ?? "14", CultureInfo.InvariantCulture));
    }
}

/// <summary>One save sent: the marker it wrote, its number of indicator rows, and the revision the server answered with (null: no answer).</summary>
internal sealed record Attempt(string Marker, int Rows, int? Revision);

internal sealed partial class Soak(Settings settings)
{
    private const int Fillers = 5;
    private const int FormsPerClient = 2;

    private readonly ConcurrentDictionary<string, long> counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, ConcurrentQueue<Attempt>> attempts = new();
    private readonly ConcurrentDictionary<int, string> projects = new();
    private readonly ConcurrentBag<(int Id, string File, int Filler)> jobs = [];
    private readonly ConcurrentQueue<string> surprises = new();
    private readonly string[] tokens = new string[Fillers];
    private readonly CookieContainer[] signedIn = new CookieContainer[Fillers];
    private readonly List<(string Name, byte[] Content)> valid = [];
    private readonly List<(string Name, byte[] Content)> hostile = [];
    private int unitId;
    private JsonNode template = null!;

    public async Task<int> Run()
    {
        await WaitUntilUp(TimeSpan.FromMinutes(3));
        await SetUp();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"soak: {settings.Clients} clients, {settings.Duration.TotalMinutes:0.#} minutes, against {settings.Url}");
        using var progress = new Timer(_ => Console.WriteLine($"  {clock.Elapsed:mm\\:ss} {Summary()}"), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        var until = clock.Elapsed + settings.Duration;
        await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(i => Task.Run(() => Client(i, clock, until))));
        Console.WriteLine($"soak: load done after {clock.Elapsed:mm\\:ss}; {Summary()}");
        await WaitUntilUp(TimeSpan.FromMinutes(3));
        return await Verify();
    }

    private string Summary() => string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

    private void Count(string what, long by = 1) => counts.AddOrUpdate(what, by, (_, c) => c + by);

    private long ServerErrors() => counts.Where(c => Regex.IsMatch(c.Key, @"answered 5\d\d$")).Sum(c => c.Value);

    private HttpClient Api(int filler) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        BaseAddress = settings.Url,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", tokens[filler]) },
    };

    private async Task WaitUntilUp(TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (clock.Elapsed > limit) throw new TimeoutException($"the app at {settings.Url} did not answer /healthz within {limit}");
            await Task.Delay(500);
        }
    }

    private async Task SetUp()
    {
        using var admin = Browser(new CookieContainer());
        await SignIn(admin, "admin", settings.AdminPassword);
        var root = JsonNode.Parse(await admin.GetStringAsync("/api/v1/organisations"))!["items"]!.AsArray().Single(o => o!["parentId"] is null)!;
        var run = settings.Seed.ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var department = await Post(admin, "/api/v1/organisations", new { parentId = (int)root["id"]!, code = $"SOAK-D-{run}", name = "压测主管部门", kind = "Department" });
        unitId = (int)(await Post(admin, "/api/v1/organisations", new { parentId = (int)department["id"]!, code = $"SOAK-U-{run}", name = "压测单位", kind = "Unit" }))["id"]!;
        for (var f = 0; f < Fillers; f++)
        {
            var name = $"soak{f}-{run}";
            const string password = "Soak-Filler-Pass-14";
            await Post(admin, "/api/v1/users", new { userName = name, displayName = $"压测填报人{f}", password, role = "单位填报", organisationId = unitId });
            signedIn[f] = new CookieContainer();
            using var filler = Browser(signedIn[f]);
            await SignIn(filler, name, password);
            tokens[f] = (string)(await Post(filler, "/api/v1/tokens", new { name = "压测" }))["token"]!;
        }
        template = JsonNode.Parse("""
            {"kind":"ProjectSelfEvaluation","year":2025,"title":"项目支出绩效自评表","project":"压测项目","unit":"压测单位","moneyUnit":"Yuan","statedWeightTotal":100,
             "funds":[{"label":"年度资金总额","role":"Total","budget":250000,"executed":215457.60,"weight":10},
                      {"label":"其中：当年财政拨款","role":"Part","budget":250000,"executed":215457.60}],
             "indicators":[]}
            """)!;
        foreach (var file in Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal)) valid.Add((Path.GetFileName(file), await File.ReadAllBytesAsync(file)));
        // The hostile files that fit the upload limit (the 30 MB text is refused by size before any reading: cheap, and
        // not what this soak is about).
        foreach (var (name, build) in HostileFiles.All.Where(h => h.Name != "huge-text.txt")) hostile.Add((name, build()));
        Console.WriteLine($"soak: set up unit {unitId}, {Fillers} fillers, {valid.Count} valid and {hostile.Count} hostile files to upload");
    }

    private async Task Client(int index, Stopwatch clock, TimeSpan until)
    {
        var random = new Random(settings.Seed * 1000 + index);
        using var api = Api(index % Fillers);
        // The editor page as a signed-in browser loads it (pages take the sign-in cookie, not API tokens).
        using var browser = Browser(signedIn[index % Fillers]);
        var forms = new List<(int Id, int Revision)>();
        for (var f = 0; f < FormsPerClient; f++)
        {
            var created = await Retry(() => Create(api, index, f), clock, until);
            if (created is { } c) forms.Add(c);
        }
        var saves = 0;
        // About one upload per client every five to ten minutes: the reader processes of a 2-core machine are the limit.
        while (clock.Elapsed < until && forms.Count > 0)
        {
            var roll = random.NextDouble();
            try
            {
                if (roll < 0.0015) await Upload(api, index % Fillers, random);
                else if (roll < 0.60)
                {
                    var slot = random.Next(forms.Count);
                    forms[slot] = await Save(api, forms[slot], index, ++saves);
                }
                else await Read(random.Next(4) == 2 ? browser : api, forms[random.Next(forms.Count)].Id, random);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The app is down (killed) or did not answer in time: wait and go on.
                Count("no answer (app down)");
                await Task.Delay(500);
            }
            // A person's pace, roughly: 0.1–0.5 s between actions.
            await Task.Delay(100 + random.Next(400));
        }
    }

    private async Task<(int, int)?> Retry(Func<Task<(int, int)>> action, Stopwatch clock, TimeSpan until)
    {
        while (clock.Elapsed < until)
        {
            try { return await action(); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { await Task.Delay(500); }
        }
        return null;
    }

    private async Task<(int, int)> Create(HttpClient api, int client, int slot)
    {
        var form = template.DeepClone();
        form["project"] = $"压测项目{client}-{slot}";
        form["indicators"] = Indicators("创建", 1);
        using var response = await api.PostAsJsonAsync("/api/v1/forms", new JsonObject { ["organisationId"] = unitId, ["fiscalYear"] = 2025, ["form"] = form });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Count($"creates answered {(int)response.StatusCode}");
            throw new HttpRequestException($"creating a form: {(int)response.StatusCode} {text}");
        }
        var created = JsonNode.Parse(text)!;
        var id = (int)created["id"]!;
        attempts[id] = new ConcurrentQueue<Attempt>([new Attempt("创建", 1, 1)]);
        projects[id] = (string)form["project"]!;
        return (id, (int)created["revision"]!);
    }

    private static JsonArray Indicators(string marker, int rows) => new(Enumerable.Range(1, rows).Select(j => (JsonNode)new JsonObject
    {
        ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = $"压测指标{j}", ["target"] = "≥100台", ["actual"] = marker, ["weight"] = 90m / rows,
    }).ToArray());

    /// <summary>Saves the form with a new marker; returns its id and the revision to base the next save on.</summary>
    private async Task<(int, int)> Save(HttpClient api, (int Id, int Revision) form, int client, int n)
    {
        var marker = $"c{client}-f{form.Id}-s{n}";
        var rows = 1 + n % 4;
        var body = template.DeepClone();
        // The project stays the form's own: two forms of one unit, kind and year may not share it (409).
        body["project"] = projects[form.Id];
        body["filler"] = marker;
        body["indicators"] = Indicators(marker, rows);
        HttpResponseMessage response;
        try
        {
            response = await api.PutAsJsonAsync($"/api/v1/forms/{form.Id}", new JsonObject { ["revision"] = form.Revision, ["form"] = body });
        }
        catch
        {
            // Sent, perhaps committed, never answered: the check at the end accepts it either way, but only whole.
            attempts[form.Id].Enqueue(new Attempt(marker, rows, null));
            Count("saves unanswered");
            throw;
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            switch (response.StatusCode)
            {
                case HttpStatusCode.OK:
                    var revision = (int)JsonNode.Parse(text)!["revision"]!;
                    attempts[form.Id].Enqueue(new Attempt(marker, rows, revision));
                    Count("saves acknowledged");
                    return (form.Id, revision);
                case HttpStatusCode.Conflict:
                    // An earlier unanswered save had been committed after all: read the revision and go on.
                    Count("saves answered 409 (revision re-read)");
                    return (form.Id, await CurrentRevision(api, form.Id));
                default:
                    attempts[form.Id].Enqueue(new Attempt(marker, rows, null));
                    Count($"saves answered {(int)response.StatusCode}");
                    if ((int)response.StatusCode < 500) surprises.Enqueue($"save of form {form.Id}: {(int)response.StatusCode} {text}");
                    return (form.Id, await CurrentRevision(api, form.Id));
            }
        }
    }

    private static async Task<int> CurrentRevision(HttpClient api, int id) =>
        (int)JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{id}"))!["revision"]!;

    private async Task Read(HttpClient client, int id, Random random)
    {
        var url = client.DefaultRequestHeaders.Authorization is null
            ? $"/forms/{id}"
            : random.Next(3) switch
            {
                0 => $"/api/v1/forms/{id}",
                1 => $"/api/v1/forms?pageSize=20&page={1 + random.Next(3)}",
                _ => $"/api/v1/forms/{id}/findings",
            };
        using var response = await client.GetAsync(url);
        await response.Content.ReadAsByteArrayAsync();
        Count(response.IsSuccessStatusCode ? "reads ok" : $"reads answered {(int)response.StatusCode}");
        if (!response.IsSuccessStatusCode && (int)response.StatusCode < 500) surprises.Enqueue($"GET {url}: {(int)response.StatusCode}");
    }

    private async Task Upload(HttpClient api, int filler, Random random)
    {
        var bad = random.Next(3) == 0;
        var (name, content) = bad ? hostile[random.Next(hostile.Count)] : valid[random.Next(valid.Count)];
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "files", name);
        form.Add(new StringContent(unitId.ToString(CultureInfo.InvariantCulture)), "organisationId");
        using var response = await api.PostAsync("/api/v1/imports/files", form);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            jobs.Add(((int)JsonNode.Parse(text)!["id"]!, name, filler));
            Count(bad ? "uploads accepted (hostile)" : "uploads accepted (valid)");
        }
        else
        {
            Count($"uploads answered {(int)response.StatusCode}");
            if ((int)response.StatusCode < 500) surprises.Enqueue($"upload {name}: {(int)response.StatusCode} {text}");
        }
    }

    private async Task<int> Verify()
    {
        using var api = Api(0);
        var lost = 0;
        var halfWritten = 0;
        var committedUnanswered = 0;
        var acknowledged = 0;
        foreach (var (id, queue) in attempts.OrderBy(a => a.Key))
        {
            var sent = queue.ToList();
            var stored = JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{id}"))!;
            var revision = (int)stored["revision"]!;
            var form = stored["form"]!;
            var filler = (string?)form["filler"] ?? "创建";
            var rows = form["indicators"]!.AsArray();
            var match = sent.LastOrDefault(a => a.Marker == filler);
            if (match is null || rows.Count != match.Rows || rows.Any(r => (string?)r!["actual"] != filler))
            {
                halfWritten++;
                Console.WriteLine($"HALF-WRITTEN form {id}: filler {filler}, {rows.Count} rows, actuals {string.Join("/", rows.Select(r => (string?)r!["actual"]))}");
            }
            var answered = sent.Where(a => a.Revision is not null).ToList();
            acknowledged += answered.Count - 1;
            var last = answered[^1];
            if (revision < last.Revision || (revision == last.Revision && filler != last.Marker))
            {
                lost++;
                Console.WriteLine($"LOST form {id}: acknowledged revision {last.Revision} ({last.Marker}), stored revision {revision} ({filler})");
            }
            // Every acknowledged save is in the audit trail, written in the save's transaction: its marker as a new value.
            var audited = await AuditedValues(api, id);
            foreach (var a in answered.Skip(1).Where(a => !audited.Contains(a.Marker)))
            {
                lost++;
                Console.WriteLine($"LOST form {id}: acknowledged save {a.Marker} (revision {a.Revision}) is not in the audit trail");
            }
            // Revisions the server handed out: 1 at creation, one per committed save.
            committedUnanswered += revision - 1 - (answered.Count - 1);
        }

        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        var stuck = 0;
        var missing = 0;
        var clock = Stopwatch.StartNew();
        var uploaders = Enumerable.Range(0, Fillers).Select(Api).ToList();
        foreach (var (id, file, filler) in jobs.OrderBy(j => j.Id))
        {
            while (true)
            {
                // A job is visible to the person who uploaded it.
                using var response = await uploaders[filler].GetAsync($"/api/v1/imports/jobs/{id}");
                if (response.StatusCode == HttpStatusCode.NotFound) { missing++; Console.WriteLine($"LOST import job {id} ({file})"); break; }
                var job = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                var state = (string)job["state"]!;
                if (state is "Queued" or "Running")
                {
                    if (clock.Elapsed < TimeSpan.FromMinutes(5)) { await Task.Delay(1000); continue; }
                    stuck++;
                    Console.WriteLine($"STUCK import job {id} ({file}): {state}");
                }
                var key = state == "Failed" ? $"Failed: {(string?)job["error"]}" : state;
                states[key] = states.GetValueOrDefault(key) + 1;
                break;
            }
        }

        uploaders.ForEach(u => u.Dispose());
        Console.WriteLine($"soak: {Summary()}");
        Console.WriteLine($"forms: {attempts.Count}; acknowledged saves {acknowledged}, all found: {(lost == 0 ? "yes" : "NO")}; " +
            $"unanswered saves that had been committed {committedUnanswered}");
        Console.WriteLine($"import jobs acknowledged: {jobs.Count}; " + string.Join("; ", states.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} × {s.Value}")));
        foreach (var surprise in surprises.Take(20)) Console.WriteLine($"unexpected answer: {surprise}");
        Console.WriteLine($"soak result: lost_saves={lost} half_written_forms={halfWritten} lost_jobs={missing} stuck_jobs={stuck} " +
            $"answers_5xx={ServerErrors()} unexpected_4xx={surprises.Count}");
        return lost + halfWritten + missing + stuck == 0 ? 0 : 1;
    }

    private static async Task<HashSet<string>> AuditedValues(HttpClient api, int id)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 1; ; page++)
        {
            var result = JsonNode.Parse(await api.GetStringAsync($"/api/v1/forms/{id}/audit?pageSize=200&page={page}"))!;
            var items = result["items"]!.AsArray();
            foreach (var item in items) if ((string?)item!["after"] is { } after) values.Add(after);
            if (items.Count < 200) return values;
        }
    }

    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = settings.Url, Timeout = TimeSpan.FromSeconds(60) };

    private static async Task SignIn(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync("/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode}");
    }

    private static async Task<JsonNode> Post(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) throw new InvalidOperationException($"POST {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
