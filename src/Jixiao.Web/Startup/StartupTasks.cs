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
        if (db.Database.IsSqlite()) EnsureWritable(Path.GetDirectoryName(Path.GetFullPath(
            new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource))!);
        try
        {
            await DatabaseSetup.MigrateAsync(db, cancellationToken);
        }
        catch (Exception e) when (Problems.DiskFull.Is(e))
        {
            throw new StartupRefusedException($"存储空间不足，无法创建或升级数据库，拒绝启动：{e.Message}。请清理磁盘后再启动。 Refusing to start: the disk is full.");
        }
        catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode is 8 or 10 or 14)
        {
            // SQLITE_READONLY, SQLITE_IOERR and SQLITE_CANTOPEN: the file itself (not only its folder) refuses us.
            throw new StartupRefusedException($"数据库文件无法读写，拒绝启动：{e.Message}。请检查 Jixiao:DataFolder 中的数据库文件（jixiao.db）是普通文件且可写。 Refusing to start: the database file is not writable.");
        }
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

    /// <summary>The SQLite folder must take new files (the database, its WAL); an operator reads why not, without a stack trace.</summary>
    private static void EnsureWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupRefusedException(
                $"数据文件夹“{folder}”不可写，拒绝启动：{e.Message}。请检查该文件夹存在且运行本程序的账户有写权限，或用 Jixiao:DataFolder 指定其他文件夹。" +
                $" Refusing to start: the data folder is not writable.");
        }
    }
}
