using Microsoft.AspNetCore.Identity;

namespace Jixiao.Data.Model;

/// <summary>A person; everything they see and change lies in the subtree of <see cref="Organisation"/>.</summary>
public sealed class AppUser : IdentityUser
{
    public int OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>Created by demo mode; a production start refuses a database that holds any.</summary>
    public bool IsDemo { get; set; }

    /// <summary>The third-party agency an evaluator (<see cref="Roles.Evaluator"/>) works for; null for everyone else.</summary>
    public int? AgencyId { get; set; }
}

/// <summary>The role names, as stored and as shown.</summary>
public static class Roles
{
    public const string UnitFiller = "单位填报";
    public const string DepartmentReviewer = "主管部门审核";
    public const string FinanceReviewer = "财政审核";
    public const string Administrator = "系统管理";

    /// <summary>A third-party agency's evaluator: sees only the projects assigned to the agency (<see cref="AppUser.AgencyId"/>).</summary>
    public const string Evaluator = "第三方评价";

    public static readonly IReadOnlyList<string> All = [UnitFiller, DepartmentReviewer, FinanceReviewer, Administrator, Evaluator];
}

/// <summary>The person a change is recorded against.</summary>
public sealed record Actor(string UserId, string UserName)
{
    public static readonly Actor System = new("system", "系统");
}
