using System.Security.Cryptography;

namespace Jixiao.Web.Startup;

/// <summary>
/// Headers every answer carries: no MIME sniffing, no referrer to other sites, and a Content-Security-Policy — for
/// pages one that lets only our own scripts run (the import map Blazor writes inline carries a per-request nonce), for
/// everything under /api (JSON, files and the print HTML) one that runs no script at all. Set when the answer starts,
/// so answers written by the exception and status-code handlers carry them too.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "jixiao:csp-nonce";

    public const string ApiPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string PagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>The nonce of this request's page policy, for the few inline scripts the framework writes.</summary>
    public static string Nonce(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("UseSecurityHeaders must run before pages render.");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api") ? ApiPolicy : PagePolicy(nonce);
            return Task.CompletedTask;
        });
        return next(context);
    });
}
