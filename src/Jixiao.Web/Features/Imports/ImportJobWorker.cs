using System.Text.Json;
using Jixiao.Core.Checks;
using Jixiao.Data;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Imports;

/// <summary>The "Jixiao:Imports" section: how import jobs are worked.</summary>
public sealed class ImportJobOptions
{
    /// <summary>Jobs worked at once by this instance; 0 for an instance that only takes uploads and leaves the reading to others.</summary>
    public int Workers { get; set; } = 1;

    /// <summary>How often an idle worker looks for jobs other instances stored, and for leases that ran out.</summary>
    public double PollSeconds { get; set; } = 2;

    /// <summary>How long a claim holds without being renewed; a worker renews it before every file.</summary>
    public int LeaseSeconds { get; set; } = 90;

    /// <summary>Claims after which a job whose worker died again is failed instead of tried once more.</summary>
    public int MaxAttempts { get; set; } = 2;

    /// <summary>Days a finished job (its preview, its files' names and sizes) is kept before it is deleted.</summary>
    public int KeepDays { get; set; } = 30;
}

/// <summary>Wakes this instance's workers when a job is stored here, so nobody waits a poll interval for a local upload.</summary>
public sealed class ImportJobSignal
{
    private readonly SemaphoreSlim signal = new(0, int.MaxValue);

    public void Wake() => signal.Release();

    public Task Wait(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

/// <summary>
/// Works import jobs stored in the database. A job is claimed with one conditional UPDATE (queued, or running with an
/// expired lease → running with this worker's lease), so with several instances on one database each job runs once.
/// The lease is renewed before every file; a worker that dies stops renewing it, and when it runs out another worker
/// (or this one after a restart) takes the job again — or, after <see cref="ImportJobOptions.MaxAttempts"/>, fails it
/// with a reason the uploader sees. A graceful stop hands the job back at once.
/// </summary>
public sealed class ImportJobWorker(
    IServiceScopeFactory scopes, ReaderProcess reader, FormCheck check, TimeProvider clock, ImportJobSignal signal,
    IOptions<ImportJobOptions> options, ILogger<ImportJobWorker> log) : BackgroundService
{
    /// <summary>Who holds a lease: this machine and process, and a fresh id so a restarted process is someone else.</summary>
    private readonly string owner = $"{(Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName)}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public const string Interrupted = "服务器在读取这些文件时多次中断，已停止尝试。请检查文件后重新上传；如仍失败，请联系管理员。";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(0, options.Value.Workers)).Select(_ => Loop(stoppingToken)));

    private async Task Loop(CancellationToken ct)
    {
        await Task.Yield();
        DateTimeOffset? purged = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await RunOnce(ct)) continue;
                if (purged is null || clock.GetUtcNow() - purged > TimeSpan.FromHours(1))
                {
                    await Purge(ct);
                    purged = clock.GetUtcNow();
                }
                await signal.Wait(TimeSpan.FromSeconds(options.Value.PollSeconds), ct);
            }
            // Stopping: a query cut off by the stop surfaces as the driver's own exception (a broken read, a disposed
            // provider), not only as a cancellation; it is the stop, not a failure to log.
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away for a moment, say: the loop must outlive it, or no job would ever run again.
                log.LogError(e, "The import worker failed; it tries again shortly");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), ct);
            }
        }
    }

    /// <summary>Claims and works one job; false when there was none to claim.</summary>
    public async Task<bool> RunOnce(CancellationToken ct)
    {
        if (await Claim(ct) is not { } id) return false;
        try
        {
            await Work(id, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: hand the job back so the next start (or another instance) takes it without waiting for the lease.
            await Update(id, s => s.SetProperty(j => j.State, ImportJobState.Queued).SetProperty(j => j.LeaseOwner, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null).SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);
            throw;
        }
        catch (Exception e)
        {
            log.LogError(e, "Import job {Job} failed", id);
            await Finish(id, ImportJobState.Failed, null, "识别时服务器内部出错（已记录），请稍后重试或联系管理员。", CancellationToken.None);
        }
        return true;
    }

    /// <summary>Deletes finished jobs older than <see cref="ImportJobOptions.KeepDays"/> (their files go with them); returns how many.</summary>
    public async Task<int> Purge(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var before = clock.GetUtcNow().AddDays(-options.Value.KeepDays);
        var old = db.ImportJobs.IgnoreQueryFilters().Where(j => j.CreatedAt < before
            && (j.State == ImportJobState.Done || j.State == ImportJobState.Failed || j.State == ImportJobState.Confirmed));
        await db.ImportJobFiles.Where(f => old.Any(j => j.Id == f.JobId)).ExecuteDeleteAsync(ct);
        return await old.ExecuteDeleteAsync(ct);
    }

    private async Task<int?> Claim(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var candidates = await db.ImportJobs.IgnoreQueryFilters()
            .Where(j => j.State == ImportJobState.Queued || (j.State == ImportJobState.Running && j.LeaseUntil < now))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.State, j.Attempts }).Take(10).ToListAsync(ct);
        foreach (var job in candidates)
        {
            var abandoned = db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == job.Id && j.State == ImportJobState.Running && j.LeaseUntil < now);
            if (job.State == ImportJobState.Running && job.Attempts >= options.Value.MaxAttempts)
            {
                if (await abandoned.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.Error, Interrupted)
                        .SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct) == 1)
                {
                    log.LogWarning("Import job {Job} was abandoned {Attempts} times and is failed", job.Id, job.Attempts);
                    await DropContent(db, job.Id, ct);
                }
                continue;
            }
            var until = now.AddSeconds(options.Value.LeaseSeconds);
            var claimed = await db.ImportJobs.IgnoreQueryFilters()
                .Where(j => j.Id == job.Id && (j.State == ImportJobState.Queued || (j.State == ImportJobState.Running && j.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.LeaseOwner, owner)
                    .SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.FilesDone, 0), ct);
            if (claimed == 1)
            {
                if (job.State == ImportJobState.Running) log.LogWarning("Import job {Job} was abandoned by its worker; taken again", job.Id);
                return job.Id;
            }
        }
        return null;
    }

    private async Task Work(int id, CancellationToken ct)
    {
        List<ImportJobFile> files;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            files = await db.ImportJobFiles.AsNoTracking().Where(f => f.JobId == id).OrderBy(f => f.Position).ToListAsync(ct);
        }
        var results = new List<ReadFile>();
        foreach (var file in files)
        {
            if (!await Renew(id, results.Count, ct))
            {
                log.LogWarning("Import job {Job}: the lease was lost; another worker has it", id);
                return;
            }
            results.Add(await Read(file, ct));
        }
        var json = JsonSerializer.Serialize(Checked(results), FormJson.Options);
        await Finish(id, ImportJobState.Done, json, null, ct);
    }

    private async Task<ReadFile> Read(ImportJobFile file, CancellationToken ct)
    {
        if (file.Content is null) return new ReadFile(file.Name, [], "文件内容已不在服务器上，请重新上传。");
        var reading = await reader.Read(file.Name, file.Content, ct);
        if (reading.Error is not null) return new ReadFile(file.Name, [], reading.Error);
        if (reading.Forms.Count == 0) return new ReadFile(file.Name, [], "文件中没有识别出绩效表或自评报告。");
        return new ReadFile(file.Name, reading.Forms.Select((f, i) => new FoundForm(file.Name, i, f, check(f))).ToList(), null);
    }

    /// <summary>
    /// Checks the forms of all files together, as the checker's set rules need: the same form uploaded twice, a report
    /// whose figures contradict its own tables. Each form's own findings are kept.
    /// </summary>
    public static IReadOnlyList<ReadFile> Checked(IReadOnlyList<ReadFile> files)
    {
        var all = files.SelectMany(f => f.Forms).ToList();
        if (all.Count < 2) return files;
        var results = Checker.Check(all.Select(f => new DocumentForm(f.File, f.Form)).ToList(), Core.Rulebooks.Rulebooks.Default);
        var byForm = all.Select((f, i) => (f, results[i].Findings)).ToDictionary(x => x.f, x => x.Findings);
        return files.Select(file => file with { Forms = file.Forms.Select(f => f with { Findings = byForm[f] }).ToList() }).ToList();
    }

    private Task<bool> Renew(int id, int filesDone, CancellationToken ct)
    {
        var until = clock.GetUtcNow().AddSeconds(options.Value.LeaseSeconds);
        return Update(id, s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.FilesDone, filesDone), ct);
    }

    private async Task Finish(int id, ImportJobState state, string? json, string? error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var finished = await Mine(db, id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.ResultJson, json)
            .SetProperty(j => j.Error, error).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.FilesDone, j => j.FilesTotal)
            .SetProperty(j => j.LeaseOwner, (string?)null).SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        if (finished != 1) return;
        // Which instance read which job: with several instances, an operator can see that each job ran once and where.
        log.LogInformation("Import job {Job} finished as {State} by {Owner}", id, state, owner);
        // The preview keeps what the person needs; the untrusted bytes need not stay in the database.
        await DropContent(db, id, ct);
    }

    private static Task DropContent(AppDbContext db, int id, CancellationToken ct) =>
        db.ImportJobFiles.Where(f => f.JobId == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Content, (byte[]?)null), ct);

    private IQueryable<ImportJob> Mine(AppDbContext db, int id) =>
        db.ImportJobs.IgnoreQueryFilters().Where(j => j.Id == id && j.State == ImportJobState.Running && j.LeaseOwner == owner);

    private async Task<bool> Update(int id, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportJob>> set, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await Mine(db, id).ExecuteUpdateAsync(set, ct) == 1;
    }
}
