using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Startup;

/// <summary>
/// Runs once before the server starts (called from Program, so a refusal ends the process with its message and
/// nothing else): migrates the database, makes sure the roles exist, and then either seeds the demo city or makes
/// sure the administrator exists.
/// </summary>
public sealed class StartupTasks(IServiceProvider services, IOptions<JixiaoOptions> options, ILogger<StartupTasks> log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Demo && string.IsNullOrWhiteSpace(settings.AdminPassword))
            throw new StartupRefusedException(
                "未配置管理员密码，拒绝启动。请设置 Jixiao:AdminPassword（环境变量 Jixiao__AdminPassword），或用 --demo 启动演示模式。" +
                " Refusing to start: set Jixiao:AdminPassword, or start with --demo.");

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        // Forms from before one-form-per-unit-project-kind-year-period: duplicates are kept, the older marked superseded.
        var superseded = await Jixiao.Data.Forms.FormIdentity.AssignMissingKeysAsync(db, cancellationToken);
        if (superseded > 0) log.LogWarning("Marked {Count} duplicate forms as superseded by their newest copy", superseded);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        if (settings.Demo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(cancellationToken);
            return;
        }

        if (await db.Users.AnyAsync(u => u.IsDemo, cancellationToken))
            throw new StartupRefusedException("数据库中有演示账户，不能用于正式运行。请使用新的数据库，或以 --demo 启动。 The database holds demo accounts.");

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(settings.AdminUser) is not null) return;

        var root = await db.Organisations.Where(o => o.ParentId == null).OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (root is null)
        {
            root = new Organisation { Code = settings.RootCode, Name = settings.RootName, Kind = OrganisationKind.FinanceBureau, Path = Organisation.ChildPath(null, settings.RootCode) };
            db.Organisations.Add(root);
            await db.SaveChangesAsync(cancellationToken);
        }
        var admin = new AppUser { UserName = settings.AdminUser, DisplayName = "系统管理员", OrganisationId = root.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(admin, settings.AdminPassword!);
        if (!created.Succeeded)
            throw new StartupRefusedException("管理员密码不符合要求：" + string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Administrator);
        db.Audit(Actor.System, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), "create", "user", admin.Id, root.Path, "用户", null, $"{admin.UserName}（{Roles.Administrator}）");
        await db.SaveChangesAsync(cancellationToken);
        log.LogInformation("Created administrator {User} at {Organisation}", admin.UserName, root.Name);
    }
}
