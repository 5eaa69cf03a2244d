using System.Security.Cryptography;
using Jixiao.Core.Forms;
using Jixiao.Data;
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
/// Demo mode: a fictional city (湘江市) with a finance bureau, three departments and their units, one account per role,
/// and generated project forms in every workflow state, all created through the real workflow so history, versions
/// and audit look as they would in use.
/// </summary>
public sealed partial class DemoData(AppDbContext db, UserManager<AppUser> users, FormService forms, DemoAccounts accounts)
{
    public const int Year = 2020;

    private sealed record Account(string UserName, string DisplayName, string Role, string OrganisationCode);

    private static readonly (string Code, string Name, OrganisationKind Kind, string? Parent)[] City =
    [
        ("XJCZ", "湘江市财政局", OrganisationKind.FinanceBureau, null),
        ("XJSJ", "湘江市数据资源局", OrganisationKind.Department, "XJCZ"),
        ("XJJY", "湘江市教育局", OrganisationKind.Department, "XJCZ"),
        ("XJWJ", "湘江市卫生健康委员会", OrganisationKind.Department, "XJCZ"),
        ("LYSJ", "浏阳市数据资源中心", OrganisationKind.Unit, "XJSJ"),
        ("WCSJ", "长沙市望城区数据资源中心", OrganisationKind.Unit, "XJSJ"),
        ("XJDSJ", "湘江市大数据中心", OrganisationKind.Unit, "XJSJ"),
        ("XJYZ", "湘江市第一中学", OrganisationKind.Unit, "XJJY"),
        ("XJJYXX", "湘江市教育信息中心", OrganisationKind.Unit, "XJJY"),
        ("XJJK", "湘江市疾病预防控制中心", OrganisationKind.Unit, "XJWJ"),
    ];

    private static readonly Account[] Accounts =
    [
        new("demo-admin", "演示系统管理员", Roles.Administrator, "XJCZ"),
        new("demo-finance", "演示财政审核员", Roles.FinanceReviewer, "XJCZ"),
        new("demo-department", "演示数据资源局审核员", Roles.DepartmentReviewer, "XJSJ"),
        new("demo-education", "演示教育局审核员", Roles.DepartmentReviewer, "XJJY"),
        new("demo-liuyang", "演示浏阳填报员", Roles.UnitFiller, "LYSJ"),
        new("demo-wangcheng", "演示望城填报员", Roles.UnitFiller, "WCSJ"),
        new("demo-school", "演示一中填报员", Roles.UnitFiller, "XJYZ"),
    ];

    /// <summary>Seeds the city on the first demo start; on every demo start sets fresh passwords and prints them.</summary>
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
            var organisation = await db.Organisations.Where(o => o.Code == account.OrganisationCode).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
            accounts.Set(new DemoAccounts.Entry(account.UserName, account.DisplayName, account.Role, organisation, password));
            Console.WriteLine($"  {account.Role,-8} {account.UserName,-16} {password}");
        }
        Console.WriteLine();
    }

    private static string NewPassword() => "Demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)) + "X7";

    private async Task SeedAsync(CancellationToken ct)
    {
        var byCode = new Dictionary<string, Organisation>(StringComparer.Ordinal);
        foreach (var (code, name, kind, parent) in City)
        {
            var parentOrg = parent is null ? null : byCode[parent];
            var organisation = new Organisation { Code = code, Name = name, Kind = kind, Parent = parentOrg, Path = Organisation.ChildPath(parentOrg?.Path, code) };
            byCode[code] = organisation;
            db.Organisations.Add(organisation);
        }
        db.FiscalYears.Add(new FiscalYear { Year = Year, Closed = false });
        await db.SaveChangesAsync(ct);

        var people = new Dictionary<string, CurrentUser>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            var organisation = byCode[account.OrganisationCode];
            var user = new AppUser { UserName = account.UserName, DisplayName = account.DisplayName, OrganisationId = organisation.Id, IsDemo = true, LockoutEnabled = true };
            var result = await users.CreateAsync(user, NewPassword());
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
            people[account.UserName] = new CurrentUser(user.Id, account.UserName, organisation.Path, new HashSet<string> { account.Role });
        }

        var generator = new Random(Year);
        var plan = new (string Unit, string Filler, string Project, FormStatus Target)[]
        {
            ("LYSJ", "demo-liuyang", "政务云平台运维服务", FormStatus.Published),
            ("LYSJ", "demo-liuyang", "数据共享交换平台建设", FormStatus.FinanceApproved),
            ("LYSJ", "demo-liuyang", "电子证照系统升级", FormStatus.Draft),
            ("WCSJ", "demo-wangcheng", "城市运行管理平台运营", FormStatus.DepartmentApproved),
            ("WCSJ", "demo-wangcheng", "网络安全等级保护测评", FormStatus.Returned),
            ("XJYZ", "demo-school", "智慧校园建设", FormStatus.Submitted),
        };
        var number = 0;
        foreach (var (unit, filler, project, target) in plan)
        {
            number++;
            var organisation = byCode[unit];
            var department = byCode[City.Single(c => c.Code == unit).Parent!];
            var budget = Math.Round((decimal)generator.Next(2_000, 30_000) * 100m, 2);
            var projectRecord = new BudgetProject
            {
                Code = $"{Year}-{unit}-{number:00}",
                Name = project,
                OrganisationId = organisation.Id,
                FiscalYearId = (await db.FiscalYears.SingleAsync(y => y.Year == Year, ct)).Id,
                BudgetYuan = budget,
            };
            db.Projects.Add(projectRecord);
            await db.SaveChangesAsync(ct);
            var form = ProjectForm(project, department.Name, organisation.Name, budget, generator);
            await Advance(form, organisation.Id, projectRecord.Id, people[filler], department.Code == "XJSJ" ? people["demo-department"] : people["demo-education"], people["demo-finance"], target, ct);
        }
        await ImportSeedDocumentsAsync(people, ct);
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

    private async Task Advance(PerformanceForm form, int organisationId, int projectId, CurrentUser filler, CurrentUser department, CurrentUser finance, FormStatus target, CancellationToken ct)
    {
        var record = Unwrap(await forms.Create(filler, new CreateFormRequest(organisationId, Year, projectId, FormV1.From(form)), ct));
        await MoveTo(record, filler, department, finance, target, ct);
    }

    /// <summary>Moves a draft through the real workflow until it reaches <paramref name="target"/>.</summary>
    private async Task MoveTo(FormRecord record, CurrentUser filler, CurrentUser department, CurrentUser finance, FormStatus target, CancellationToken ct)
    {
        if (target == FormStatus.Draft) return;
        record = Unwrap(await forms.Submit(filler, record.Id, new SubmitRequest(record.Revision, Justify(record)), ct));
        if (target == FormStatus.Submitted) return;
        if (target == FormStatus.Returned)
        {
            Unwrap(await forms.Return(department, record.Id, "满意度指标缺少调查依据，请补充问卷统计结果后重新提交。", ct));
            return;
        }
        record = Unwrap(await forms.Approve(department, record.Id, "同意。", ct));
        if (target == FormStatus.DepartmentApproved) return;
        record = Unwrap(await forms.Approve(finance, record.Id, "复核通过。", ct));
        if (target == FormStatus.FinanceApproved) return;
        Unwrap(await forms.Publish(finance, record.Id, ct));
    }

    private static Dictionary<string, string> Justify(FormRecord record) =>
        record.Findings.Where(f => f.Severity == Core.Checks.Severity.Error)
            .ToDictionary(f => FindingDto.KeyOf(f.ToFinding()), _ => "演示数据：按原表填报，已向主管部门说明。");

    private static FormRecord Unwrap(Problems.Outcome<FormRecord> outcome) =>
        outcome.Refusal is { } r ? throw new InvalidOperationException(r.Detail) : outcome.Value!;

    /// <summary>A project self-evaluation with the default weights (10/50/30/10) and numbers that add up.</summary>
    private PerformanceForm ProjectForm(string project, string department, string unit, decimal budget, Random generator)
    {
        var executed = Math.Round(budget * (0.82m + generator.Next(0, 18) / 100m) + generator.Next(0, 100) / 100m, 2);
        if (executed > budget) executed = budget;
        var rate = Percentage.Ratio(executed, budget)!.Value;
        var fundsScore = Math.Round(10m * executed / budget, 2, MidpointRounding.AwayFromZero);
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation,
            Year = Year,
            Title = "项目支出绩效自评表",
            Project = project,
            Department = department,
            Unit = unit,
            MoneyUnit = MoneyUnit.Yuan,
            PlannedGoal = $"保障{project}按计划实施，全年完成建设与运维任务，提升政务数据服务能力。",
            ActualGoal = $"{project}已按计划实施，主要指标均已完成，部分支出因采购周期顺延至次年。",
            Filler = "李明",
            Head = "王强",
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, InitialBudget = budget, Budget = budget, Executed = executed, Weight = 10m, StatedRate = rate, StatedScore = fundsScore });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, InitialBudget = budget, Budget = budget, Executed = executed });
        form.Funds.Add(new FundsRow { Label = "上年结转资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 0m, Executed = 0m });
        form.Funds.Add(new FundsRow { Label = "其他资金", Role = FundsRowRole.Part, InitialBudget = 0m, Budget = 0m, Executed = 0m });

        var servers = generator.Next(80, 200);
        (string L1, string L2, string Name, string Target, string Actual, decimal Weight)[] rows =
        [
            ("产出指标", "数量指标", "运维服务器数量", $"≥{servers}台", $"{servers + generator.Next(0, 12)}台", 15m),
            ("产出指标", "质量指标", "系统可用率", "≥99.9%", "99.95%", 15m),
            ("产出指标", "时效指标", "故障响应时间", "≤30分钟", $"{generator.Next(10, 30)}分钟", 10m),
            ("产出指标", "成本指标", "项目成本控制", "≤预算数", "控制在预算内", 10m),
            ("效益指标", "社会效益指标", "数据共享调用次数", "≥100万次", $"{generator.Next(100, 180)}万次", 15m),
            ("效益指标", "可持续影响指标", "平台持续稳定运行", "长期", "持续稳定运行", 15m),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", $"{generator.Next(90, 99)}%", 10m),
        ];
        foreach (var (l1, l2, name, targetValue, actual, weight) in rows)
            form.Indicators.Add(new IndicatorRow { Level1 = l1, Level2 = l2, Name = name, Target = targetValue, Actual = actual, Weight = weight, StatedScore = weight });
        form.StatedWeightTotal = 100m;
        form.StatedTotal = fundsScore + 90m;
        form.StatedGrade = form.StatedTotal >= 90m ? "优" : "良";
        return form;
    }
}
