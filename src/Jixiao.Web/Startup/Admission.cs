using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Jixiao.Web.Startup;

/// <summary>
/// First come, first served: at most <see cref="JixiaoOptions.ConcurrentRequests"/> requests are worked on at once, the
/// rest wait in arrival order, and beyond <see cref="JixiaoOptions.QueuedRequests"/> waiting a request is refused with 503.
/// Letting every request in at once makes them share the processors and the database, and a request whose database
/// answer has arrived queues behind newly arrived ones: under 50 connections the slowest twentieth waited twice as long
/// as the typical request. Taken in turn, every request waits about the same (docs/benchmarks.md, web section).
/// Not counted: Blazor circuits (their websocket stays open for the whole visit) and endpoints marked
/// <c>DisableRateLimiting()</c> — downloads (chromium renders PDFs for seconds) and imports (uploads as slow as the
/// uploader's line) would hold a turn that short requests need.
/// </summary>
public static class Admission
{
    public static IServiceCollection AddAdmission(this IServiceCollection services, JixiaoOptions options) =>
        services.AddRateLimiter(o =>
        {
            if (options.ConcurrentRequests <= 0) return;
            var turns = new ConcurrencyLimiterOptions
            {
                PermitLimit = options.ConcurrentRequests,
                QueueLimit = Math.Max(0, options.QueuedRequests),
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsCircuit(context)
                ? RateLimitPartition.GetNoLimiter("circuits")
                : RateLimitPartition.GetConcurrencyLimiter("requests", _ => turns));
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.OnRejected = (context, ct) => Refuse(context.HttpContext, options.QueuedRequests);
        });

    private static bool IsCircuit(HttpContext context) =>
        context.WebSockets.IsWebSocketRequest || context.Request.Path.StartsWithSegments("/_blazor");

    private static async ValueTask Refuse(HttpContext context, int queued)
    {
        const string title = "服务器繁忙";
        var detail = $"服务器正在处理的请求已满，另有 {queued} 个请求在排队。您的请求未被处理，请稍后重试。";
        context.Response.Headers.RetryAfter = "5";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = detail },
            });
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(title + "：" + detail);
    }
}
