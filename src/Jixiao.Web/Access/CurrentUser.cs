using System.Security.Claims;
using Jixiao.Data.Model;

namespace Jixiao.Web.Access;

/// <summary>The signed-in person as endpoints see them, read from the claims both schemes (cookie, API token) issue.</summary>
public sealed record CurrentUser(string Id, string Name, string ScopePath, IReadOnlySet<string> Roles, string? DisplayName = null, int? AgencyId = null)
{
    /// <summary>The third-party agency of an evaluator (<see cref="Data.Model.AppUser.AgencyId"/>).</summary>
    public const string AgencyClaim = "jixiao:agency";

    public const string ScopeClaim = "jixiao:scope";

    public const string DisplayNameClaim = "jixiao:display-name";

    /// <summary>A path no organisation has: a principal without a scope claim sees nothing (fails closed).</summary>
    public const string NothingPath = "//";

    /// <summary>Histories and the audit trail name the person (刘晓红), not the login (liuyang-clerk); the id identifies them.</summary>
    public Actor Actor => new(Id, string.IsNullOrWhiteSpace(DisplayName) ? Name : DisplayName);

    public bool Is(string role) => Roles.Contains(role);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return null;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null) return null;
        return new CurrentUser(
            id,
            principal.FindFirstValue(ClaimTypes.Name) ?? id,
            principal.FindFirstValue(ScopeClaim) ?? NothingPath,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            principal.FindFirstValue(DisplayNameClaim),
            int.TryParse(principal.FindFirstValue(AgencyClaim), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var agency) ? agency : null);
    }

    public static CurrentUser Require(ClaimsPrincipal principal) =>
        From(principal) ?? throw new InvalidOperationException("An endpoint that requires authorization ran without a user.");
}
