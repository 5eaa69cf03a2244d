using Jixiao.Data;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Startup;

/// <summary>
/// <c>GET /healthz</c> for load balancers, systemd watchdogs and rolling upgrades: 200 “ok” when this instance can
/// reach its database, 503 otherwise. It says nothing else (no version, no connection details): anyone can ask.
/// An instance answers only after its migrations and start-up tasks have run, because Kestrel is started after them.
/// </summary>
public static class Health
{
    public const string Path = "/healthz";

    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, async (AppDbContext db, HttpContext context, CancellationToken ct) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return await db.Database.CanConnectAsync(ct)
                ? Results.Text("ok", "text/plain")
                : Results.Text("database unreachable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
}
