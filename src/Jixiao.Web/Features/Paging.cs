using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features;

/// <summary>
/// One page of a list: every list endpoint pages (?page=1&amp;pageSize=50, at most 200 a page). <paramref name="MoreThanTotal"/>:
/// the list was counted only up to <paramref name="Total"/> and goes on beyond it (<see cref="Paging.ToBoundedPageAsync"/>).
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total, bool MoreThanTotal = false);

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>The page number (1 or more) and size (1 to <see cref="MaxPageSize"/>, 50 unless asked) a request gets.</summary>
    public static (int Number, int Size) Bounds(int? page, int? pageSize) => (Math.Max(page ?? 1, 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));

    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? pageSize, CancellationToken ct)
    {
        var (number, size) = Bounds(page, pageSize);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, total);
    }

    /// <summary>
    /// A page whose count stops <paramref name="counted"/> items past the page's start, as a search engine's does: an exact
    /// count of a common word reads every match, while the reader needs only the page and whether more follow.
    /// </summary>
    public static async Task<Page<T>> ToBoundedPageAsync<T>(this IQueryable<T> query, int? page, int? pageSize, int counted, CancellationToken ct)
    {
        var (number, size) = Bounds(page, pageSize);
        var bound = (int)Math.Min((long)(number - 1) * size + counted, int.MaxValue - 1);
        var total = await query.Take(bound + 1).CountAsync(ct);
        var items = await query.Skip((int)Math.Min((long)(number - 1) * size, int.MaxValue)).Take(size).ToListAsync(ct);
        return new Page<T>(items, number, size, Math.Min(total, bound), total > bound);
    }

    public static Page<TOut> Map<TIn, TOut>(this Page<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.PageNumber, page.PageSize, page.Total, page.MoreThanTotal);
}
