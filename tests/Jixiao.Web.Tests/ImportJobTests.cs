using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Tests;
using Jixiao.Web.Features.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Uploads through the API as multipart, and the job they become.</summary>
public static class Uploading
{
    public static Task<HttpResponseMessage> Upload(this HttpClient client, IEnumerable<(string Name, byte[] Content)> files, int? organisationId = null, int? fiscalYear = null)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(part, "files", name);
        }
        if (organisationId is { } o) content.Add(new StringContent(o.ToString(System.Globalization.CultureInfo.InvariantCulture)), "organisationId");
        if (fiscalYear is { } y) content.Add(new StringContent(y.ToString(System.Globalization.CultureInfo.InvariantCulture)), "fiscalYear");
        return client.PostAsync("/api/v1/imports/files", content);
    }

    public static (string, byte[]) Seed(string number) =>
        (Path.GetFileName(RepoPaths.Seed(number)), File.ReadAllBytes(RepoPaths.Seed(number)));

    /// <summary>Polls the job until its state is one of <paramref name="states"/> (reading a file takes a reader process: about a second).</summary>
    public static async Task<JsonNode> Until(this HttpClient client, int job, params string[] states)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (true)
        {
            var response = await client.GetAsync($"/api/v1/imports/jobs/{job}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Body();
            if (states.Contains((string?)body["state"])) return body;
            Assert.True(Environment.TickCount64 < deadline, $"job {job} still {(string?)body["state"]} after 60 s");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A 5 KB .docx whose only run holds <paramref name="depth"/> nested unknown elements: enough to overflow the stack
    /// of a recursive XML reader, which no catch can stop.
    /// </summary>
    public static byte[] DeepNestingDocx(int depth)
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            var body = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>""");
            for (var i = 0; i < depth; i++) body.Append("<w:zz>");
            for (var i = 0; i < depth; i++) body.Append("</w:zz>");
            body.Append("<w:t>项目支出绩效自评表</w:t></w:r></w:p></w:body></w:document>");
            Add("word/document.xml", body.ToString());
        }
        return memory.ToArray();
    }

    public static int Id(this JsonNode job) => (int)job["id"]!;

    public static List<JsonNode> FormsOf(this JsonNode job) =>
        job["files"]!.AsArray().SelectMany(f => f!["forms"]!.AsArray()).Select(f => f!).ToList();
}

public abstract class ImportJobTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<int> FormCount()
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Forms.CountAsync();
    }

    [Fact]
    public async Task An_upload_is_answered_at_once_with_a_job_whose_preview_comes_later_and_saves_nothing()
    {
        Host.SkipUnlessAvailable();
        var before = await FormCount();
        var client = Host.Client("unit");

        var response = await client.Upload([Uploading.Seed("002")]);

        var job = await Expect(HttpStatusCode.Accepted, response);
        Assert.Equal($"/api/v1/imports/jobs/{job.Id()}", response.Headers.Location?.ToString());
        Assert.Contains((string?)job["state"], new[] { "Queued", "Running", "Done" });
        var done = await client.Until(job.Id(), "Done", "Failed");
        Assert.Equal("Done", (string?)done["state"]);
        var forms = done.FormsOf();
        Assert.NotEmpty(forms);
        Assert.Contains(forms, f => (string?)f["kind"] == "project-self-evaluation" && ((string?)f["unit"])!.Contains("浏阳", StringComparison.Ordinal));
        Assert.Equal(before, await FormCount());
    }

    [Fact]
    public async Task Confirming_a_job_saves_its_forms_as_drafts_of_the_chosen_unit_once()
    {
        Host.SkipUnlessAvailable();
        var client = Host.Client("unit");
        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([Uploading.Seed("002")]))).Id(), "Done");
        var count = job.FormsOf().Count;
        Assert.True(count > 0, job.ToJsonString());

        var saved = await Expect(HttpStatusCode.Created, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = false }));

        var ids = saved["formIds"]!.AsArray().Select(i => (int)i!).ToList();
        Assert.Equal(count, ids.Count);
        var first = await Read("unit", ids[0]);
        Assert.Equal(("Draft", "浏阳市数据资源中心"), ((string?)first["status"], (string?)first["organisationName"]));
        var again = await Expect(HttpStatusCode.Conflict, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = true }));
        Assert.Contains("已经导入", (string?)again["detail"], StringComparison.Ordinal);
        var confirmed = await Expect(HttpStatusCode.OK, await client.GetAsync($"/api/v1/imports/jobs/{job.Id()}"));
        Assert.Equal(("Confirmed", count), ((string?)confirmed["state"], confirmed["savedFormIds"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_docx_nested_200000_deep_ends_only_its_reader_and_the_server_answers_the_next_request()
    {
        Host.SkipUnlessAvailable();
        var client = Host.Client("unit");
        var hostile = Uploading.DeepNestingDocx(200_000);
        Assert.True(hostile.Length < 64 * 1024, $"{hostile.Length} bytes");

        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([("深层嵌套.docx", hostile), Uploading.Seed("002")]))).Id(), "Done", "Failed");

        Assert.Equal("Done", (string?)job["state"]);
        var files = job["files"]!.AsArray();
        Assert.False(string.IsNullOrEmpty((string?)files[0]!["error"]), "the hostile file was not refused");
        Assert.Empty(files[0]!["forms"]!.AsArray());
        Assert.NotEmpty(files[1]!["forms"]!.AsArray());
        await Expect(HttpStatusCode.OK, await client.GetAsync("/api/v1/organisations"));
    }

    [Fact]
    public async Task Someone_elses_job_is_not_found()
    {
        Host.SkipUnlessAvailable();
        var job = await Expect(HttpStatusCode.Accepted, await Host.Client("unit").Upload([Uploading.Seed("000")]));

        await Expect(HttpStatusCode.NotFound, await Host.Client("wangcheng").GetAsync($"/api/v1/imports/jobs/{job.Id()}"));
        await Expect(HttpStatusCode.NotFound, await Host.Client("wangcheng").Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = true }));
    }

    [Fact]
    public async Task A_reviewer_may_not_upload_forms_to_import()
    {
        Host.SkipUnlessAvailable();
        var problem = await Expect(HttpStatusCode.Forbidden, await Host.Client("department").Upload([Uploading.Seed("000")], Host.World.Id("LY")));

        Assert.Contains("单位填报", (string?)problem["detail"], StringComparison.Ordinal);
    }
}

public sealed class ImportJobsOnSqlite(SqliteHost host) : ImportJobTests<SqliteHost>(host);

public sealed class ImportJobsOnPostgres(PostgresHost host) : ImportJobTests<PostgresHost>(host);

/// <summary>Issue 15 item 8: a form whose unit or year differs from the one chosen is flagged, and goes in only when the person confirms.</summary>
public abstract class ImportMismatchTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task A_file_of_another_unit_is_flagged_and_imported_only_once_the_person_confirms()
    {
        Host.SkipUnlessAvailable();
        var client = Host.Client("unit");
        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([Uploading.Seed("003")]))).Id(), "Done");

        var warnings = job.FormsOf().SelectMany(f => f["warnings"]!.AsArray()).Select(w => (string)w!).ToList();
        Assert.Contains(warnings, w => w.Contains("上海市大数据中心", StringComparison.Ordinal) && w.Contains("浏阳市数据资源中心", StringComparison.Ordinal));

        var refused = await Expect(HttpStatusCode.UnprocessableEntity, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = false }));
        Assert.NotEmpty(refused["warnings"]!.AsArray());
        var saved = await Expect(HttpStatusCode.Created, await client.Send(HttpMethod.Post, $"/api/v1/imports/jobs/{job.Id()}/confirm", new { confirmWarnings = true }));
        Assert.NotEmpty(saved["formIds"]!.AsArray());
    }

    [Fact]
    public async Task A_file_of_another_year_than_the_one_chosen_is_flagged_and_its_own_unit_is_not()
    {
        Host.SkipUnlessAvailable();
        var client = Host.Client("unit");
        var job = await client.Until((await Expect(HttpStatusCode.Accepted, await client.Upload([Uploading.Seed("002")], fiscalYear: 2021))).Id(), "Done");

        var warnings = job.FormsOf().Where(f => (int?)f["fiscalYear"] == 2020).SelectMany(f => f["warnings"]!.AsArray()).Select(w => (string)w!).ToList();
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains("2020", w, StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("单位", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_preview_of_forms_sent_as_json_flags_a_form_naming_another_unit()
    {
        Host.SkipUnlessAvailable();
        var items = (await Expect(HttpStatusCode.OK, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/imports/preview", new
        {
            organisationId = Host.World.Id("LY"),
            forms = new[] { Forms.Project("上海的表", "上海市大数据中心"), Forms.Project("本单位的表", "浏阳市 数据资源中心") },
        }))).AsArray();

        Assert.Contains("上海市大数据中心", (string?)items[0]!["warnings"]![0], StringComparison.Ordinal);
        Assert.Empty(items[1]!["warnings"]!.AsArray());
    }
}

public sealed class ImportMismatchOnSqlite(SqliteHost host) : ImportMismatchTests<SqliteHost>(host);

public sealed class ImportMismatchOnPostgres(PostgresHost host) : ImportMismatchTests<PostgresHost>(host);

/// <summary>A host whose upload policy is small enough to reach in a test.</summary>
public sealed class SmallUploadsHost : SqliteHost
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Jixiao:Uploads:MaxFileBytes"] = "40000",
        ["Jixiao:Uploads:DailyBytesPerUser"] = "50000",
    };
}

public sealed class UploadPolicyTests(SmallUploadsHost host) : ApiTestBase<SmallUploadsHost>(host)
{
    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_with_413_in_Chinese()
    {
        var problem = await Expect(HttpStatusCode.RequestEntityTooLarge, await Host.Client("school").Upload([("大文件.txt", new byte[40_001])]));

        Assert.Equal("上传内容过大", (string?)problem["title"]);
        Assert.Contains("大文件.txt", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_kind_the_readers_do_not_read_is_refused_with_415()
    {
        var problem = await Expect(HttpStatusCode.UnsupportedMediaType, await Host.Client("school").Upload([("程序.exe", new byte[100])]));

        Assert.Contains(".exe", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_beyond_the_daily_quota_are_refused_with_429_in_Chinese_and_other_people_still_upload()
    {
        var client = Host.Client("wangcheng");
        await Expect(HttpStatusCode.Accepted, await client.Upload([Uploading.Seed("002")]));

        var problem = await Expect(HttpStatusCode.TooManyRequests, await client.Upload([Uploading.Seed("003")]));

        Assert.Equal("超过上传配额", (string?)problem["title"]);
        Assert.Contains("24 小时", (string?)problem["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.Accepted, await Host.Client("admin").Upload([Uploading.Seed("003")]));
    }
}

/// <summary>Hosts with no import worker of their own: the tests play the workers, as other instances would.</summary>
public sealed class NoWorkerSqliteHost : SqliteHost
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jixiao:Imports:Workers"] = "0" };
}

public sealed class NoWorkerPostgresHost : PostgresHost
{
    protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?> { ["Jixiao:Imports:Workers"] = "0" };
}

public abstract class ImportLeaseTests<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    /// <summary>A worker as another instance would run it (its own lease owner).</summary>
    private ImportJobWorker Worker() => ActivatorUtilities.CreateInstance<ImportJobWorker>(Host.Factory.Services);

    private async Task<int> Queued(string person = "unit") =>
        (await Expect(HttpStatusCode.Accepted, await Host.Client(person).Upload([Uploading.Seed("000")]))).Id();

    /// <summary>What a worker killed half-way leaves behind: the job running under its lease, which nobody renews.</summary>
    private async Task Abandon(int job, int attempts)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var until = Host.Clock.GetUtcNow().AddSeconds(30);
        await db.ImportJobs.Where(j => j.Id == job).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running)
            .SetProperty(j => j.LeaseOwner, "killed-instance").SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, attempts));
    }

    private async Task<JsonNode> Job(int id) => await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/imports/jobs/{id}"));

    [Fact]
    public async Task A_job_left_running_by_a_killed_worker_waits_for_its_lease_and_is_then_read_by_another()
    {
        Host.SkipUnlessAvailable();
        var job = await Queued();
        await Abandon(job, attempts: 1);
        var worker = Worker();
        while (await worker.RunOnce(CancellationToken.None))
        {
            // Jobs of the class's other tests; ours is not among them while its lease holds.
        }
        Assert.Equal("Running", (string?)(await Job(job))["state"]);

        Host.Clock.Advance(TimeSpan.FromSeconds(31));
        while (await worker.RunOnce(CancellationToken.None)) { }

        var done = await Job(job);
        Assert.Equal("Done", (string?)done["state"]);
        Assert.NotEmpty(done.FormsOf());
    }

    [Fact]
    public async Task A_job_whose_worker_died_at_each_attempt_is_failed_with_a_reason_the_uploader_sees()
    {
        Host.SkipUnlessAvailable();
        var job = await Queued();
        await Abandon(job, attempts: 2);
        Host.Clock.Advance(TimeSpan.FromSeconds(31));

        while (await Worker().RunOnce(CancellationToken.None)) { }

        var failed = await Job(job);
        Assert.Equal(("Failed", "失败"), ((string?)failed["state"], (string?)failed["stateName"]));
        Assert.Contains("中断", (string?)failed["error"], StringComparison.Ordinal);
        var listed = await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync("/api/v1/imports/jobs"));
        Assert.Contains(listed.AsArray(), j => (int)j!["id"]! == job && (string?)j["state"] == "Failed");
    }

    [Fact]
    public async Task Finished_jobs_are_deleted_after_the_days_they_are_kept_and_running_ones_are_not()
    {
        Host.SkipUnlessAvailable();
        var worker = Worker();
        var finished = await Queued();
        while (await worker.RunOnce(CancellationToken.None)) { }
        var running = await Queued();
        await Abandon(running, attempts: 1);

        await using (var scope = Host.Factory.Services.CreateAsyncScope())
        {
            var longAgo = Host.Clock.GetUtcNow().AddDays(-31);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().ImportJobs.Where(j => j.Id == finished || j.Id == running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.CreatedAt, longAgo));
        }

        Assert.Equal(1, await worker.Purge(CancellationToken.None));

        await Expect(HttpStatusCode.NotFound, await Host.Client("unit").GetAsync($"/api/v1/imports/jobs/{finished}"));
        Assert.Equal("Running", (string?)(await Job(running))["state"]);
    }

    [Fact]
    public async Task Two_workers_racing_for_one_job_read_it_once()
    {
        Host.SkipUnlessAvailable();
        var (first, second) = (Worker(), Worker());
        while (await first.RunOnce(CancellationToken.None)) { }
        var job = await Queued();

        var claimed = await Task.WhenAll(first.RunOnce(CancellationToken.None), second.RunOnce(CancellationToken.None));

        Assert.Equal(1, claimed.Count(c => c));
        Assert.Equal("Done", (string?)(await Job(job))["state"]);
    }
}

public sealed class ImportLeasesOnSqlite(NoWorkerSqliteHost host) : ImportLeaseTests<NoWorkerSqliteHost>(host);

public sealed class ImportLeasesOnPostgres(NoWorkerPostgresHost host) : ImportLeaseTests<NoWorkerPostgresHost>(host);
