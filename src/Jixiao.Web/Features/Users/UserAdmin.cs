using System.Security.Cryptography;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Features.Users;

/// <summary>
/// Managing people: the one place for the rules the user endpoints and the 用户管理 screen share. Only administrators,
/// only inside their own subtree (a user whose organisation lies outside it does not exist), and never so that no
/// administrator can sign in any more.
/// </summary>
public sealed class UserAdmin(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    private static readonly Refusal AdminsOnly = Refusal.Forbidden("只有“系统管理”角色可以管理用户。");

    public async Task<Outcome<Page<UserDto>>> List(CurrentUser admin, string? search, int? page, int? pageSize, CancellationToken ct)
    {
        if (!admin.Is(Roles.Administrator)) return AdminsOnly;
        // Users are scoped through their organisation, which the context filters.
        var query = db.Users.Where(u => db.Organisations.Any(o => o.Id == u.OrganisationId));
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }
        var now = clock.GetUtcNow();
        var rows = await query.OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.OrganisationId, u.LockoutEnd,
                Organisation = db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToPageAsync(page, pageSize, ct);
        return rows.Map(u => new UserDto(u.Id, u.UserName ?? "", u.DisplayName, u.OrganisationId, u.Roles, u.Organisation ?? "", u.LockoutEnd > now));
    }

    /// <summary>A new user; without a password in the request one is generated and returned once (<see cref="CreatedUser.Password"/>).</summary>
    public async Task<Outcome<CreatedUser>> Create(CurrentUser admin, CreateUserRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return Refusal.NotFound("组织");
        if (!admin.Is(Roles.Administrator)) return AdminsOnly;
        if (!Roles.All.Contains(request.Role)) return UnknownRole(request.Role);
        if (await AgencyProblem(request.Role, request.AgencyId, organisation, ct) is { } agencyProblem) return agencyProblem;
        var generated = string.IsNullOrEmpty(request.Password);
        var password = generated ? OneTimePassword() : request.Password!;
        var user = new AppUser
        {
            UserName = request.UserName.Trim(), DisplayName = request.DisplayName?.Trim() ?? "", OrganisationId = organisation.Id, LockoutEnabled = true,
            AgencyId = request.Role == Roles.Evaluator ? request.AgencyId : null,
        };
        // A user without their role, or without the audit entry, is never left behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return IdentityRefusal(created);
        await users.AddToRoleAsync(user, request.Role);
        db.Audit(admin.Actor, clock.GetUtcNow(), "create", "user", user.Id, organisation.Path, "用户", null, $"{user.UserName}（{request.Role}）");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new CreatedUser(new UserDto(user.Id, user.UserName ?? "", user.DisplayName, user.OrganisationId, [request.Role], organisation.Name, false, user.AgencyId),
            generated ? password : null);
    }

    /// <summary>Display name, role and organisation (the scope) at once; each change audited, the user's sessions renewed.</summary>
    public async Task<Outcome<UserDto>> Update(CurrentUser admin, string id, UpdateUserRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var user = await Find(id, ct);
        if (user is null) return Refusal.NotFound("用户");
        if (!admin.Is(Roles.Administrator)) return AdminsOnly;
        if (!Roles.All.Contains(request.Role)) return UnknownRole(request.Role);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, ct);
        if (organisation is null) return ContractValidation.FieldRefusal("$.organisationId", "所选组织不存在或不在您的管辖范围内。");
        // An evaluator edited without naming an agency keeps the one it has.
        var agencyId = request.Role == Roles.Evaluator ? request.AgencyId ?? user.AgencyId : request.AgencyId;
        if (await AgencyProblem(request.Role, agencyId, organisation, ct) is { } agencyProblem) return agencyProblem;
        var before = await users.GetRolesAsync(user);
        var losesAdmin = before.Contains(Roles.Administrator) && request.Role != Roles.Administrator;
        if (losesAdmin && user.Id == admin.Id)
            return ContractValidation.FieldRefusal("$.role", "不能取消自己的“系统管理”角色：请由另一位系统管理员操作，以免没有人能管理系统。");
        if (losesAdmin && await IsLastActiveAdministrator(user))
            return ContractValidation.FieldRefusal("$.role", "这是最后一个可以登录的系统管理员账户，不能取消其“系统管理”角色。");

        var now = clock.GetUtcNow();
        // Identity saves after each call; one transaction keeps role, scope and their audit entries together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var oldOrganisation = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var displayName = request.DisplayName?.Trim() ?? "";
        if (displayName != user.DisplayName)
        {
            db.Audit(admin.Actor, now, "update", "user", user.Id, organisation.Path, "显示名称", user.DisplayName, displayName);
            user.DisplayName = displayName;
        }
        if (organisation.Id != user.OrganisationId)
        {
            db.Audit(admin.Actor, now, "update", "user", user.Id, organisation.Path, "所属组织", oldOrganisation, organisation.Name);
            user.OrganisationId = organisation.Id;
        }
        if (agencyId != user.AgencyId)
        {
            db.Audit(admin.Actor, now, "update", "user", user.Id, organisation.Path, "第三方机构", user.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                agencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            user.AgencyId = agencyId;
        }
        if (before.Count != 1 || before[0] != request.Role)
        {
            db.Audit(admin.Actor, now, "update", "user", user.Id, organisation.Path, "角色", string.Join("、", before), request.Role);
            await users.RemoveFromRolesAsync(user, before);
            await users.AddToRoleAsync(user, request.Role);
        }
        // A new stamp ends the user's sessions at their next check, so the old role and scope do not outlive the change.
        await users.UpdateSecurityStampAsync(user);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new UserDto(user.Id, user.UserName ?? "", user.DisplayName, user.OrganisationId, [request.Role], organisation.Name, user.LockoutEnd > now, user.AgencyId);
    }

    /// <summary>Locks (until unlocked) or unlocks an account; a locked account's sessions and API tokens stop working.</summary>
    public async Task<Outcome<UserDto>> SetLocked(CurrentUser admin, string id, bool locked, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null) return Refusal.NotFound("用户");
        if (!admin.Is(Roles.Administrator)) return AdminsOnly;
        var roles = await users.GetRolesAsync(user);
        if (locked && user.Id == admin.Id) return Refusal.WrongState("不能锁定自己的账户。");
        if (locked && roles.Contains(Roles.Administrator) && await IsLastActiveAdministrator(user))
            return Refusal.WrongState("这是最后一个可以登录的系统管理员账户，不能锁定。");
        var now = clock.GetUtcNow();
        var organisationPath = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Path).SingleAsync(ct);
        var wasLocked = user.LockoutEnd > now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.LockoutEnabled = true;
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        if (wasLocked != locked)
        {
            db.Audit(admin.Actor, now, locked ? "lock" : "unlock", "user", user.Id, organisationPath, "状态", wasLocked ? "已锁定" : "正常", locked ? "已锁定" : "正常");
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        var organisation = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new UserDto(user.Id, user.UserName ?? "", user.DisplayName, user.OrganisationId, roles.ToList(), organisation, locked);
    }

    /// <summary>A new random password, returned once for the administrator to pass on; the user's sessions end.</summary>
    public async Task<Outcome<string>> ResetPassword(CurrentUser admin, string id, CancellationToken ct)
    {
        var user = await Find(id, ct);
        if (user is null) return Refusal.NotFound("用户");
        if (!admin.Is(Roles.Administrator)) return AdminsOnly;
        var password = OneTimePassword();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded) return IdentityRefusal(reset);
        var organisationPath = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Path).SingleAsync(ct);
        // The password itself is never written to the trail.
        db.Audit(admin.Actor, clock.GetUtcNow(), "reset-password", "user", user.Id, organisationPath, "密码", null, "已重置");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return password;
    }

    private Task<AppUser?> Find(string id, CancellationToken ct) =>
        db.Users.Where(u => u.Id == id && db.Organisations.Any(o => o.Id == u.OrganisationId)).SingleOrDefaultAsync(ct);

    /// <summary>Whether <paramref name="user"/> is the only administrator left who can sign in (across every subtree).</summary>
    private async Task<bool> IsLastActiveAdministrator(AppUser user)
    {
        var now = clock.GetUtcNow();
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        return !admins.Any(a => a.Id != user.Id && !(a.LockoutEnd > now));
    }

    /// <summary>
    /// An evaluator belongs to an agency and sits in the finance bureau whose registry holds it (its scope is then
    /// narrowed to the agency's tasks); nobody else belongs to an agency.
    /// </summary>
    private async Task<Refusal?> AgencyProblem(string role, int? agencyId, Organisation organisation, CancellationToken ct)
    {
        if (role != Roles.Evaluator)
            return agencyId is null ? null : ContractValidation.FieldRefusal("$.agencyId", $"只有“{Roles.Evaluator}”角色的用户属于第三方机构。");
        if (agencyId is null) return ContractValidation.FieldRefusal("$.agencyId", $"“{Roles.Evaluator}”角色的用户必须选择所属第三方机构。");
        var agency = await db.EvaluationAgencies.SingleOrDefaultAsync(a => a.Id == agencyId, ct);
        if (agency is null) return ContractValidation.FieldRefusal("$.agencyId", "所选第三方机构不存在或不在您的管辖范围内。");
        if (agency.OrganisationId != organisation.Id)
        {
            var bureau = await db.Organisations.IgnoreQueryFilters().Where(o => o.Id == agency.OrganisationId).Select(o => o.Name).SingleAsync(ct);
            return ContractValidation.FieldRefusal("$.organisationId", $"“{agency.Name}”登记在“{bureau}”，其评价人员的组织须为“{bureau}”。");
        }
        return null;
    }

    private static Refusal UnknownRole(string role) =>
        ContractValidation.FieldRefusal("$.role", $"未知的角色“{role}”，可选：{string.Join("、", Roles.All)}。");

    /// <summary>Identity's errors, each placed at its field by its code (the Chinese text is <see cref="ChineseIdentityErrors"/>).</summary>
    private static Refusal IdentityRefusal(IdentityResult result)
    {
        var errors = result.Errors.Select(e => new ContractError(
            e.Code.Contains("Password", StringComparison.Ordinal) || e.Code == nameof(IdentityErrorDescriber.InvalidToken) ? "$.password" : "$.userName",
            e.Description)).ToList();
        return new Refusal(RefusalKind.Invalid, "请求无效", string.Join("；", errors.Select(e => e.Message)), new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>14 characters from an alphabet without look-alikes (0/O, 1/l/I), with each kind the password policy asks for.</summary>
    public static string OneTimePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_!#%+=";
        const string all = upper + lower + digits + symbols;
        var chars = new char[14];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
