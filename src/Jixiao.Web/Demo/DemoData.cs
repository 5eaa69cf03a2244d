using System.Globalization;
using System.Security.Cryptography;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Generation;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Demo;

/// <summary>The demo accounts of this run and their passwords, as printed at start.</summary>
public sealed class DemoAccounts
{
    /// <summary>One demo account as the login page lists it.</summary>
    public sealed record Entry(string UserName, string DisplayName, string Role, string Organisation, string Password);

    private readonly Dictionary<string, string> passwords = new(StringComparer.Ordinal);
    private readonly List<Entry> entries = [];

    public IReadOnlyDictionary<string, string> Passwords => passwords;

    public IReadOnlyList<Entry> Entries => entries;

    internal void Set(Entry entry)
    {
        passwords[entry.UserName] = entry.Password;
        entries.RemoveAll(e => e.UserName == entry.UserName);
        entries.Add(entry);
    }
}

/// <summary>
/// Demo mode: a fictional city generated with a fixed seed (<see cref="ProvinceGenerator"/>): a finance bureau, two
/// departments and their units with three years of every form kind, loaded through the app's own write path
/// (<see cref="ProvinceLoader"/>: the registered checker, facts, versions, transitions and audit), plus one account
/// per role whose passwords are printed at start. No third-party document is copied into the demo.
/// </summary>
public sealed class DemoData(AppDbContext db, UserManager<AppUser> users, FormService forms, DemoAccounts accounts, FormCheck check, TimeProvider clock)
{
    /// <summary>The demo's last fiscal year (its deadlines count from the spring after it).</summary>
    public const int Year = 2020;

    /// <summary>The seed of the demo city: the same city on every start and in every test.</summary>
    public const int Seed = 2020;

    /// <summary>Small enough to start in seconds, large enough for rankings and a review queue worth a look.</summary>
    public const int Units = 16;

    public const int Departments = 2;

    /// <summary>The generated city the demo loads.</summary>
    public static ProvinceGenerator City() => new(Seed, Units, Year, departmentsWanted: Departments);

    /// <summary>A demo account: its role and where it sits (the root, department <c>n</c>, unit <c>n</c> of the generated city).</summary>
    private sealed record Account(string UserName, string Role, OrganisationKind Kind, int Index);

    // The account names stay those of the earlier demo (scripts and bookmarks use them); each sits in the generated city:
    // the school and its education bureau, and two units of the other department with their reviewer.
    private static readonly Account[] Accounts =
    [
        new("demo-admin", Roles.Administrator, OrganisationKind.FinanceBureau, 0),
        new("demo-finance", Roles.FinanceReviewer, OrganisationKind.FinanceBureau, 0),
        new("demo-department", Roles.DepartmentReviewer, OrganisationKind.Department, 1),
        new("demo-education", Roles.DepartmentReviewer, OrganisationKind.Department, 0),
        new("demo-liuyang", Roles.UnitFiller, OrganisationKind.Unit, 1),
        new("demo-wangcheng", Roles.UnitFiller, OrganisationKind.Unit, 3),
        new("demo-school", Roles.UnitFiller, OrganisationKind.Unit, 0),
        // The evaluator works for the agency in the finance bureau's registry (its scope is the agency's tasks).
        new("demo-evaluator", Roles.Evaluator, OrganisationKind.FinanceBureau, 0),
    ];

    /// <summary>The demo's third-party agency: fictional, with a credit code whose check character is right.</summary>
    private static EvaluationAgency DemoAgency(Organisation bureau) => new()
    {
        Name = "信达绩效评价咨询有限公司",
        CreditCode = CreditCodes.Complete("91430100MA4L8X2Q0"),
        Contact = "周文清",
        Phone = "0731-8888 6601",
        Qualifications = "财政部门预算绩效管理第三方机构库入库机构；具有工程咨询、会计师事务所执业资质",
        OrganisationId = bureau.Id,
        OrganisationPath = bureau.Path,
        Experts =
        [
            new EvaluationExpert { Name = "顾明远", Field = "财政管理", Title = "高级会计师", OrganisationPath = bureau.Path },
            new EvaluationExpert { Name = "沈若兰", Field = "信息化工程", Title = "正高级工程师", OrganisationPath = bureau.Path },
        ],
    };

    /// <summary>The organisation code of each demo account in the generated city.</summary>
    public static IReadOnlyDictionary<string, string> AccountOrganisations { get; } = AccountPlaces();

    private static Dictionary<string, string> AccountPlaces()
    {
        var city = City().Organisations.ToList();
        return Accounts.ToDictionary(a => a.UserName, a => city.Where(o => o.Kind == a.Kind).ElementAt(a.Index).Code, StringComparer.Ordinal);
    }

    /// <summary>Loads the city on the first demo start; on every demo start sets fresh passwords and prints them.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        if (!await db.Organisations.AnyAsync(ct)) await SeedAsync(ct);
        Console.WriteLine();
        Console.WriteLine("演示模式：以下账户只存在于演示数据库中（密码每次启动重新生成）");
        foreach (var account in Accounts)
        {
            var user = await users.FindByNameAsync(account.UserName) ?? throw new InvalidOperationException($"Demo account {account.UserName} is missing.");
            var password = NewPassword();
            await users.RemovePasswordAsync(user);
            await users.AddPasswordAsync(user, password);
            var code = AccountOrganisations[account.UserName];
            var organisation = await db.Organisations.Where(o => o.Code == code).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
            accounts.Set(new DemoAccounts.Entry(account.UserName, user.DisplayName, account.Role, organisation, password));
            Console.WriteLine($"  {account.Role,-8} {account.UserName,-16} {password}");
        }
        Console.WriteLine();
    }

    private static string NewPassword() => "Demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)) + "X7";

    private async Task SeedAsync(CancellationToken ct)
    {
        // The same checker and rulebook as every save (Program registers FormCheck; FormService scores by its rulebook).
        var settings = new LoadSettings(form => check(form), Core.Rulebooks.Rulebooks.Default, clock) { Demo = true };
        await ProvinceLoader.LoadAsync(db, City(), settings, ct);
        var bureau = await db.Organisations.Where(o => o.Kind == OrganisationKind.FinanceBureau).OrderBy(o => o.Id).FirstAsync(ct);
        var agency = DemoAgency(bureau);
        agency.CreatedAt = clock.GetUtcNow();
        db.EvaluationAgencies.Add(agency);
        await db.SaveChangesAsync(ct);
        await AssignDemoTaskAsync(agency, ct);
        foreach (var account in Accounts)
        {
            var code = AccountOrganisations[account.UserName];
            var organisation = await db.Organisations.SingleAsync(o => o.Code == code, ct);
            var user = new AppUser
            {
                UserName = account.UserName,
                DisplayName = "演示" + account.Role + "（" + organisation.Name + "）",
                OrganisationId = organisation.Id,
                IsDemo = true,
                LockoutEnabled = true,
                AgencyId = account.Role == Roles.Evaluator ? agency.Id : null,
            };
            var result = await users.CreateAsync(user, NewPassword());
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }
    }

    /// <summary>The agency's first task: the largest budget project of the demo's last year, so the evaluator has work on its home.</summary>
    private async Task AssignDemoTaskAsync(EvaluationAgency agency, CancellationToken ct)
    {
        var project = await db.Projects.Include(p => p.Organisation).Include(p => p.FiscalYear)
            .Where(p => p.FiscalYear!.Year == Year && p.BudgetYuan != null).ToListAsync(ct);
        if (project.OrderByDescending(p => p.BudgetYuan).ThenBy(p => p.Id).FirstOrDefault() is not { } largest) return;
        db.EvaluationAssignments.Add(new EvaluationAssignment
        {
            AgencyId = agency.Id, ProjectId = largest.Id, OrganisationId = largest.OrganisationId, OrganisationPath = largest.Organisation!.Path, Year = Year,
            ProjectName = largest.Name, UnitName = largest.Organisation.Name, ExpertIds = $"[{agency.Experts[0].Id.ToString(CultureInfo.InvariantCulture)}]",
            Note = "财政重点评价：请按评分表逐项评分并附扣分原因。", AssignedAt = clock.GetUtcNow(), AssignedBy = "演示数据",
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The seam for the readers: attaches each form to the unit named in it (else the first unit) as a draft; project and
    /// monitoring tables are linked to the unit's budget project of that name, created when new.
    /// </summary>
    public async Task<IReadOnlyList<int>> AddFormsAsync(IReadOnlyList<PerformanceForm> found, CancellationToken ct)
    {
        var units = await db.Organisations.Where(o => o.Kind == OrganisationKind.Unit).OrderBy(o => o.Id).ToListAsync(ct);
        if (units.Count == 0) throw new InvalidOperationException("The demo city has no units yet.");
        var importer = await users.Users.Where(u => u.IsDemo).FirstAsync(ct);
        var ids = new List<int>();
        foreach (var form in found)
        {
            var unit = units.FirstOrDefault(u => form.Unit is not null && form.Unit.Contains(u.Name, StringComparison.Ordinal)) ?? units[0];
            var filler = new CurrentUser(importer.Id, importer.UserName ?? "", unit.Path, new HashSet<string> { Roles.UnitFiller });
            var year = form.Year ?? Year;
            int? projectId = form.Kind is FormKind.ProjectSelfEvaluation or FormKind.Monitoring && !string.IsNullOrWhiteSpace(form.Project)
                ? (await ProjectFor(unit, year, form, ct)).Id
                : null;
            var created = await forms.Create(filler, new CreateFormRequest(unit.Id, year, projectId, FormV1.From(form)), ct);
            // Published documents print the same table more than once; like duplicates from before the one-form rule,
            // the later copy becomes the current form and the earlier one is kept, superseded.
            if (created.Refusal?.Extensions?.ContainsKey("existingFormId") == true)
                created = await forms.Create(filler, new CreateFormRequest(unit.Id, year, projectId, FormV1.From(form), NewVersion: true), ct);
            if (created.Refusal is { } refusal) throw new InvalidOperationException(refusal.Detail);
            ids.Add(created.Value!.Id);
        }
        return ids;
    }

    /// <summary>The budget project a recognised project or monitoring table reports on, by name (spacing ignored), created when new.</summary>
    private async Task<BudgetProject> ProjectFor(Organisation unit, int year, PerformanceForm form, CancellationToken ct)
    {
        var name = form.Project!.Trim();
        var fiscalYear = await db.FiscalYears.SingleOrDefaultAsync(y => y.Year == year, ct);
        if (fiscalYear is null)
        {
            fiscalYear = new FiscalYear { Year = year };
            db.FiscalYears.Add(fiscalYear);
            await db.SaveChangesAsync(ct);
        }
        var existing = await db.Projects.Where(p => p.OrganisationId == unit.Id && p.FiscalYearId == fiscalYear.Id).ToListAsync(ct);
        if (existing.FirstOrDefault(p => Compact(p.Name) == Compact(name)) is { } known) return known;
        var total = form.Funds.FirstOrDefault(f => f.Role == FundsRowRole.Total)?.Budget;
        var project = new BudgetProject
        {
            Code = $"{year.ToString(CultureInfo.InvariantCulture)}-{unit.Code}-D{(existing.Count + 1).ToString("00", CultureInfo.InvariantCulture)}",
            Name = name,
            OrganisationId = unit.Id,
            FiscalYearId = fiscalYear.Id,
            BudgetYuan = total is { } budget ? (form.MoneyUnit ?? MoneyUnit.Yuan).ToYuan(budget) : null,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project;
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
