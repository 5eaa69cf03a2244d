using Microsoft.AspNetCore.Diagnostics;

namespace Jixiao.Web.Problems;

/// <summary>
/// A full disk is the operator's problem, not a bug and not the user's fault: the user reads 503 “存储空间不足”
/// (problem+json under /api), the operator finds it in the log, and nothing half-written was acknowledged.
/// </summary>
public sealed class DiskFull(IProblemDetailsService problems, ILogger<DiskFull> log) : IExceptionHandler
{
    public const string Title = "存储空间不足";

    public const string Detail = "服务器的存储空间已满，本次操作未保存。请稍后再试，并通知系统管理员清理磁盘。";

    // ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL on Windows, ENOSPC on Unix (which .NET reports as the bare errno).
    private static readonly int[] DiskFullResults = [unchecked((int)0x80070070), unchecked((int)0x80070027), 0x70, 0x27, 28];

    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException io && DiskFullResults.Contains(io.HResult)) return true;
            // SQLITE_FULL (13) and PostgreSQL's disk_full (53100) come wrapped by EF.
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }) return true;
            if (e is Npgsql.PostgresException { SqlState: "53100" }) return true;
        }
        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!Is(exception)) return false;
        log.LogError("存储空间不足，{Method} {Path} 未完成：{Reason}", http.Request.Method, http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = "60";
        if (http.Request.Path.StartsWithSegments("/api"))
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
            });
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{Title}</title></head><body><h1>{Title}</h1><p>{Detail}</p></body></html>",
            cancellationToken);
        return true;
    }
}
