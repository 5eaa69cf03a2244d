using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Features.Account;

/// <summary>A person changes their own password (after an administrator's one-time password, say): the endpoint and the 我的账户 page.</summary>
public sealed class PasswordChange(UserManager<AppUser> users, AppDbContext db, TimeProvider clock)
{
    /// <summary>On success the security stamp is new, so every other session of the user ends at its next check.</summary>
    public async Task<Outcome<AppUser>> Change(CurrentUser who, ChangePasswordRequest request, CancellationToken ct)
    {
        if (ContractValidation.Validate(request) is { Count: > 0 } errors) return ContractValidation.Refusal(errors);
        var user = await users.FindByIdAsync(who.Id);
        if (user is null) return Refusal.NotFound("用户");
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            var fieldErrors = changed.Errors.Select(e => new ContractError(
                e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "$.currentPassword" : "$.newPassword", e.Description)).ToList();
            return new Refusal(RefusalKind.Invalid, "请求无效", string.Join("；", fieldErrors.Select(e => e.Message)),
                new Dictionary<string, object?> { ["errors"] = fieldErrors });
        }
        db.Audit(who.Actor, clock.GetUtcNow(), "change-password", "user", user.Id, who.ScopePath, "密码", null, "已修改");
        await db.SaveChangesAsync(ct);
        return user;
    }
}
