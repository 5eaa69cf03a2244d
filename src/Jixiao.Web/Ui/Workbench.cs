using System.Security.Claims;
using Jixiao.Data;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Forms;
using Microsoft.AspNetCore.Components.Authorization;

namespace Jixiao.Web.Ui;

/// <summary>What one UI operation works with: a fresh, access-scoped context and the workflow services on it.</summary>
public sealed record UiScope(AppDbContext Db, FormService Forms, CurrentUser? User, IServiceProvider Services);

/// <summary>
/// Runs each UI operation in its own DI scope. An interactive circuit lives for minutes; one DbContext for the whole
/// circuit would serve stale rows and keep a failed save's tracked changes, so every load and save gets a new one,
/// narrowed to the signed-in user's subtree exactly as the HTTP pipeline narrows a request's.
/// </summary>
public sealed class Workbench(IServiceScopeFactory scopes, AuthenticationStateProvider authentication)
{
    public async Task<ClaimsPrincipal> Principal() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<T> Run<T>(Func<UiScope, Task<T>> work)
    {
        var principal = await Principal();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await AccessScope.ApplyAsync(db, principal);
        return await work(new UiScope(db, scope.ServiceProvider.GetRequiredService<FormService>(), CurrentUser.From(principal), scope.ServiceProvider));
    }

    /// <summary>As the anonymous public sees the data (published forms only), whoever is signed in.</summary>
    public static async Task<T> Public<T>(IServiceScopeFactory scopes, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Restrict(null, publishedOnly: true);
        return await work(db);
    }
}
