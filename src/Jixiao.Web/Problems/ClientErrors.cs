using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Jixiao.Web.Problems;

/// <summary>
/// Turns the framework's <see cref="BadHttpRequestException"/> — a body that is not JSON, a number no decimal holds
/// (1e309), an enum name that does not exist, a missing body, a body too large — into a Chinese problem saying what
/// and where (the JSON path). These are the client's mistakes, so they are answered, not logged as errors. Every
/// other exception stays a 500 that is logged.
/// </summary>
public sealed class ClientErrors(IProblemDetailsService problems, Microsoft.Extensions.Options.IOptions<Startup.JixiaoOptions> options) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !http.Request.Path.StartsWithSegments("/api")) return false;
        var (title, detail, path) = Describe(http, bad);
        http.Response.StatusCode = bad.StatusCode;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = bad.StatusCode, Title = title, Detail = detail };
        if (path is not null) problem.Extensions["path"] = path;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private (string Title, string Detail, string? Path) Describe(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
            return ("请求体过大", TooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? options.Value.MaxRequestBytes), null);
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return ("不支持的内容类型", "请求体须为 JSON，并带 Content-Type: application/json。", null);
        if (bad.InnerException is JsonException json)
        {
            var line = json.LineNumber is { } n ? $"第 {n + 1} 行" : "";
            return json.Path is null or "$"
                ? ("请求无效", $"请求体{line}处无法按 JSON 读取：格式错误或内容不完整。", json.Path)
                : ("请求无效", $"请求体{line}的 {json.Path} 无法读取：JSON 格式错误，或值的类型不符、超出数值范围（如 1e309），或不是可选值之一。", json.Path);
        }
        return (Refusals.TitleFor(bad.StatusCode) ?? "请求无效",
            "请求缺少必需的内容（请求体为空或为 null），或网址中的参数格式不正确。", null);
    }

    public static string TooLarge(long? limit) =>
        limit is { } bytes ? $"请求体超过允许的大小（上限 {bytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} 字节）。" : "请求体超过允许的大小。";
}
