using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Audit;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string UserId, string UserName, string Action, string EntityType, string EntityId, string? Field, string? Before, string? After)
{
    public static AuditEntryDto From(AuditEntry a) => new(a.Id, a.At, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId, a.Field, a.Before, a.After);
}

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async Task<IResult> (AppDbContext db, string? entityType, string? entityId, string? userId, int? page, int? pageSize, CancellationToken ct) =>
        {
            var query = db.AuditEntries.AsNoTracking();
            if (entityType is not null) query = query.Where(a => a.EntityType == entityType);
            if (entityId is not null) query = query.Where(a => a.EntityId == entityId);
            if (userId is not null) query = query.Where(a => a.UserId == userId);
            var result = await query.OrderByDescending(a => a.Id).ToPageAsync(page, pageSize, ct);
            return TypedResults.Ok(result.Map(AuditEntryDto.From));
        }).WithTags("审计").WithSummary("审计记录（管辖范围内，最新在前，分页）");
    }
}
