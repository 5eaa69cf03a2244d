using System.Globalization;
using Jixiao.Data;
using Jixiao.Documents.Reading;
using Jixiao.Web.Access;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Uploads;

/// <summary>
/// The one policy every upload path obeys (the "Jixiao:Uploads" section): how big a file and an upload may be, which
/// kinds are accepted, how much one person may upload per day, and the budget of the reader process that opens the
/// files. The import page and API and rectification evidence use it; libraries and budget exports must too.
/// </summary>
public sealed class UploadPolicy
{
    /// <summary>Largest single file, in bytes. The readers refuse more than <see cref="ReadLimits.MaxFileBytes"/> anyway.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Most files in one upload.</summary>
    public int MaxFiles { get; set; } = 20;

    /// <summary>Bytes one person may upload in 24 hours (all upload paths together); 0 switches the quota off.</summary>
    public long DailyBytesPerUser { get; set; } = 200L * 1024 * 1024;

    /// <summary>Read uploads in a child process of their own, so a file that crashes a reader ends only that process.</summary>
    public bool ReadInChildProcess { get; set; } = true;

    /// <summary>Seconds the reader may spend on one file before it is stopped.</summary>
    public int ReadSeconds { get; set; } = 30;

    /// <summary>Managed heap the reader process may use, in MB (the GC's hard limit; beyond it the file is refused).</summary>
    public int ReaderMemoryMegabytes { get; set; } = 1024;

    /// <summary>The kinds accepted, by extension; the reader decides by the bytes, so a renamed file gains nothing.</summary>
    public static IReadOnlyList<string> Kinds => DocumentReader.Extensions;

    /// <summary>
    /// The largest request body an upload may have: every file at its maximum, but never more than a day's quota, plus
    /// the multipart framing. A bigger body is cut off while it arrives, before it fills the server's disk.
    /// </summary>
    public long MaxRequestBytes => Math.Min(MaxFiles * MaxFileBytes, DailyBytesPerUser > 0 ? DailyBytesPerUser : long.MaxValue) + 1024 * 1024;

    public static string Megabytes(long bytes) => (bytes / (1024m * 1024m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}

/// <summary>A file offered for upload: its name and size, before its bytes are kept anywhere.</summary>
public sealed record OfferedFile(string Name, long Size);

/// <summary>Admits or refuses an upload by <see cref="UploadPolicy"/>, counting the uploader's bytes of the last 24 hours.</summary>
public sealed class UploadGate(AppDbContext db, IOptions<UploadPolicy> options, TimeProvider clock)
{
    public UploadPolicy Policy => options.Value;

    /// <summary>
    /// Reads a multipart upload cut off at <paramref name="maxBytes"/> (by default the policy's whole-request limit):
    /// the server's default body limit is smaller than an upload the policy allows, and the policy's is the one that
    /// counts. <paramref name="expected"/> says what to send, for the refusal of a request that is not multipart.
    /// </summary>
    public async Task<Outcome<IFormCollection>> ReadForm(HttpRequest request, string expected, CancellationToken ct, long? maxBytes = null)
    {
        var max = maxBytes ?? Policy.MaxRequestBytes;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = max;
        if (!request.HasFormContentType) return Refusal.Unsupported($"请以 multipart/form-data 上传{expected}。");
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = max }));
        try
        {
            return Outcome<IFormCollection>.Ok(await request.ReadFormAsync(ct));
        }
        catch (InvalidDataException)
        {
            return Refusal.TooLarge($"上传内容超过 {UploadPolicy.Megabytes(max)} 的上限，或格式不正确。");
        }
    }

    /// <summary>
    /// Admits files to be read as forms, or, with <paramref name="kinds"/> (extensions with the dot), files of those kinds
    /// kept as they are (rectification evidence).
    /// </summary>
    public async Task<Refusal?> Admit(CurrentUser user, IReadOnlyList<OfferedFile> files, CancellationToken ct, IReadOnlyList<string>? kinds = null)
    {
        var policy = Policy;
        if (files.Count == 0) return Refusal.Invalid("没有收到文件，请选择要上传的文件。");
        if (files.Count > policy.MaxFiles) return Refusal.Invalid($"一次最多上传 {policy.MaxFiles} 个文件，本次有 {files.Count} 个。");
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file.Name).ToLowerInvariant();
            if (kinds is not null && !kinds.Contains(extension, StringComparer.Ordinal))
                return Refusal.Unsupported($"“{file.Name}”的类型“{extension}”不受支持。请上传 {string.Join("、", kinds.Select(k => k.TrimStart('.')))} 文件。");
            if (kinds is null && !DocumentReader.Accepts(file.Name))
                return Refusal.Unsupported($"“{file.Name}”的类型“{extension}”不受支持。请上传 xlsx、docx、pdf、txt 或 html 文件（旧版 .doc/.xls 请先另存为新格式）。");
            if (file.Size > policy.MaxFileBytes)
                return Refusal.TooLarge($"“{file.Name}”有 {UploadPolicy.Megabytes(file.Size)}，超过每个文件 {UploadPolicy.Megabytes(policy.MaxFileBytes)} 的上限。");
            if (file.Size == 0) return Refusal.Invalid($"“{file.Name}”是空文件。");
        }
        if (policy.DailyBytesPerUser <= 0) return null;
        var since = clock.GetUtcNow().AddDays(-1);
        var used = (await db.ImportJobs.IgnoreQueryFilters().Where(j => j.UserId == user.Id && j.CreatedAt > since)
            .SelectMany(j => j.Files).SumAsync(f => (long?)f.Size, ct) ?? 0)
            + (await db.ExecutionImports.IgnoreQueryFilters().Where(i => i.CreatedById == user.Id && i.CreatedAt > since).SumAsync(i => (long?)i.FileSize, ct) ?? 0)
            + (await db.RectificationEvidence.IgnoreQueryFilters().Where(x => x.UserId == user.Id && x.At > since).SumAsync(x => (long?)x.Size, ct) ?? 0);
        var offered = files.Sum(f => f.Size);
        return used + offered > policy.DailyBytesPerUser
            ? Refusal.QuotaExceeded($"24 小时内每人最多上传 {UploadPolicy.Megabytes(policy.DailyBytesPerUser)}，已上传 {UploadPolicy.Megabytes(used)}，本次 {UploadPolicy.Megabytes(offered)}。请稍后再试，或请管理员调整上传配额。")
            : null;
    }
}
