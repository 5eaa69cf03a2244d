using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Problems;

/// <summary>Why a request is refused; each kind has exactly one HTTP status (<see cref="Refusals.ToHttp"/>).</summary>
public enum RefusalKind
{
    /// <summary>Unknown, or outside the caller's subtree: the two are indistinguishable on purpose.</summary>
    NotFound,
    /// <summary>Visible, but the caller's role may not do this.</summary>
    Forbidden,
    /// <summary>The request itself is wrong.</summary>
    Invalid,
    /// <summary>The form is not in a state that allows this (locked, already approved …).</summary>
    WrongState,
    /// <summary>Someone saved in between; the extensions carry both versions.</summary>
    Conflict,
    /// <summary>Error-level findings without a written justification.</summary>
    JustificationMissing,
    /// <summary>An upload over the upload policy's size limits.</summary>
    TooLarge,
    /// <summary>An upload of a kind the upload policy does not accept.</summary>
    Unsupported,
    /// <summary>An upload over the uploader's daily quota.</summary>
    QuotaExceeded,
    /// <summary>Warnings the person must confirm having seen (a form naming another unit or year than the one chosen).</summary>
    WarningsUnconfirmed,
}

/// <summary>An expected failure: a small record with a Chinese title and detail, and optional data for the client.</summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail, IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Refusal NotFound(string what) => new(RefusalKind.NotFound, "未找到", $"{what}不存在或不在您的管辖范围内。");

    public static Refusal Forbidden(string detail) => new(RefusalKind.Forbidden, "无权操作", detail);

    public static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "请求无效", detail);

    public static Refusal WrongState(string detail) => new(RefusalKind.WrongState, "当前状态不允许此操作", detail);

    public static Refusal TooLarge(string detail) => new(RefusalKind.TooLarge, "上传内容过大", detail);

    public static Refusal Unsupported(string detail) => new(RefusalKind.Unsupported, "不支持的文件类型", detail);

    public static Refusal QuotaExceeded(string detail) => new(RefusalKind.QuotaExceeded, "超过上传配额", detail);
}

/// <summary>Either a value or a refusal.</summary>
public readonly struct Outcome<T>
{
    private Outcome(T? value, Refusal? refusal) { Value = value; Refusal = refusal; }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool Refused => Refusal is not null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static implicit operator Outcome<T>(T value) => new(value, null);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);
}

/// <summary>The one place refusals and bare status codes become HTTP problem responses.</summary>
public static class Refusals
{
    public static int Status(RefusalKind kind) => kind switch
    {
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.WrongState => StatusCodes.Status409Conflict,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.JustificationMissing => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        RefusalKind.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        RefusalKind.WarningsUnconfirmed => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>Chinese titles for the statuses the framework produces on its own (401 from authentication, 404 of routing …).</summary>
    public static string? TitleFor(int status) => status switch
    {
        400 => "请求无效",
        401 => "未登录",
        403 => "无权操作",
        404 => "未找到",
        405 => "不支持此请求方法",
        409 => "冲突",
        413 => "上传内容过大",
        415 => "不支持的内容类型",
        422 => "无法处理",
        429 => "请求过于频繁",
        500 => "服务器内部错误",
        503 => "服务暂时不可用",
        _ => null,
    };

    public static string? DetailFor(int status) => status switch
    {
        400 => "请求格式不正确：JSON 无法解析，或缺少必填字段。",
        401 => "请先登录，或在 Authorization 头中提供有效的 API 令牌。",
        403 => "您的角色不允许执行此操作。",
        404 => "请求的资源不存在或不在您的管辖范围内。",
        405 => "该地址不支持此请求方法。",
        413 => "请求内容超过服务器允许的大小，请减少文件数量或拆分较大的文件。",
        415 => "请求体须为 JSON，并带 Content-Type: application/json。",
        500 => "服务器处理请求时出错，请稍后再试或联系系统管理员。",
        _ => null,
    };

    public static ProblemHttpResult ToHttp(this Refusal refusal) =>
        TypedResults.Problem(
            statusCode: Status(refusal.Kind),
            title: refusal.Title,
            detail: refusal.Detail,
            extensions: refusal.Extensions?.ToDictionary(p => p.Key, p => p.Value));

    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, IResult> ok) =>
        outcome.Refusal is { } r ? r.ToHttp() : ok(outcome.Value!);
}
