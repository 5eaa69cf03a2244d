using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Jixiao.Web.Tests;

/// <summary>The checker the tests plug in: findings chosen per project name, none otherwise.</summary>
public sealed class ChosenFindings
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Finding>> byProject = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, int> failAfter = new(StringComparer.Ordinal);

    public void For(string project, params Finding[] findings) => byProject[project] = findings;

    /// <summary>The checker breaks on this project after <paramref name="calls"/> successful checks (a bad file half-way through an import).</summary>
    public void FailOn(string project, int calls) => failAfter[project] = calls;

    private readonly ConcurrentDictionary<string, Exception> failWith = new(StringComparer.Ordinal);

    /// <summary>Checking this project throws <paramref name="exception"/> (an injected failure of the machine: a full disk …).</summary>
    public void FailWith(string project, Exception exception) => failWith[project] = exception;

    private readonly ConcurrentDictionary<string, (TaskCompletionSource Entered, TaskCompletionSource Released)> holds = new(StringComparer.Ordinal);

    /// <summary>Checking this project waits until <c>Released</c> is completed: the request doing it keeps its turn meanwhile.</summary>
    public (Task Entered, TaskCompletionSource Released) HoldOn(string project)
    {
        var hold = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        holds[project] = hold;
        return (hold.Item1.Task, hold.Item2);
    }

    public IReadOnlyList<Finding> Check(PerformanceForm form)
    {
        if (form.Project is not null && holds.TryRemove(form.Project, out var hold))
        {
            hold.Entered.SetResult();
            hold.Released.Task.Wait();
        }
        if (form.Project is not null && failWith.TryGetValue(form.Project, out var failure)) throw failure;
        if (form.Project is not null && failAfter.TryGetValue(form.Project, out var left))
        {
            if (left <= 0) throw new InvalidOperationException($"checker failed on {form.Project}");
            failAfter[form.Project] = left - 1;
        }
        return form.Project is not null && byProject.TryGetValue(form.Project, out var findings) ? findings : [];
    }
}

/// <summary>The app over HTTP with its own database: a temporary SQLite file, or a fresh PostgreSQL database.</summary>
public sealed class JixiaoFactory(IReadOnlyDictionary<string, string?> settings, ChosenFindings checker, TimeProvider? clock = null, bool keysInDatabase = false) : WebApplicationFactory<Program>
{
    public ErrorRecordingLoggerProvider Errors { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        builder.ConfigureTestServices(services =>
        {
            // The server runs in the calling test's execution context, so what it logs is charged to that test (LoggedErrors).
            services.Configure<TestServerOptions>(o => o.PreserveExecutionContext = true);
            services.AddSingleton<FormCheck>((form, _) => checker.Check(form));
            if (clock is not null) services.AddSingleton(clock);
            if (!keysInDatabase) services.AddDataProtection().UseEphemeralDataProtectionProvider();
            // Hashing at the production work factor dominates test time on two cores; the scheme is the same.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    };

    public static async Task<JsonNode> Body(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static PerformanceForm Form(JsonNode node) => node.Deserialize<PerformanceForm>(Options)!;

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, object? body = null) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: Options) });
}

/// <summary>
/// One host per test class with a small world in it: two cities, departments and units, one person per role, each
/// with an API token. Subclasses choose the database.
/// </summary>
public abstract class TestHost : IAsyncLifetime
{
    public ChosenFindings Checker { get; } = new();

    /// <summary>Every timestamp the app writes comes from here: 09:30 Beijing time in the 2021 self-evaluation season, as UTC like every TimeProvider.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2021, 3, 15, 1, 30, 0, TimeSpan.Zero));

    public JixiaoFactory Factory { get; private set; } = null!;

    public World World { get; private set; } = null!;

    public abstract bool Available { get; }

    /// <summary>Records several tests of one class may share (each class has its own host and database).</summary>
    public ConcurrentDictionary<string, Task<object>> Shared { get; } = new(StringComparer.Ordinal);

    protected abstract Dictionary<string, string?> DatabaseSettings();

    /// <summary>Settings a kind of host adds to the database's (a small upload quota, no import worker …).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    public void SkipUnlessAvailable() =>
        Assert.SkipUnless(Available, "JIXIAO_TEST_POSTGRES is not set: the PostgreSQL run of this test is skipped.");

    public async ValueTask InitializeAsync()
    {
        if (!Available) return;
        var settings = DatabaseSettings();
        foreach (var (key, value) in ExtraSettings) settings[key] = value;
        // The production start creates the root and the administrator; the world below builds on them.
        settings["Jixiao:AdminPassword"] = "Pw-admin-2026!";
        settings["Jixiao:RootCode"] = "CZ";
        settings["Jixiao:RootName"] = "甲市财政局";
        Factory = new JixiaoFactory(settings, Checker, Clock);
        World = await World.SeedAsync(Factory);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Factory is null) return;
        Factory.Errors.Stopping();
        await Factory.DisposeAsync();
        if (!Factory.Errors.Unattributed.IsEmpty)
        {
            var text = $"The app logged unhandled exceptions outside any test:\n{string.Join("\n---\n", Factory.Errors.Unattributed)}";
            // dotnet test prints only the type of an exception thrown by a class fixture's disposal; the diagnostic
            // message (xunit.runner.json) puts the entries themselves in the CI log.
            TestContext.Current.SendDiagnosticMessage(text);
            throw new InvalidOperationException(text);
        }
    }

    public HttpClient Client(string person)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", World.Tokens[person]);
        return client;
    }

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

public class SqliteHost : TestHost
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "jixiao-web-tests", Guid.NewGuid().ToString("N"));

    public override bool Available => true;

    protected override Dictionary<string, string?> DatabaseSettings() => new() { ["Jixiao:DataFolder"] = folder };

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}

public class PostgresHost : TestHost
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("JIXIAO_TEST_POSTGRES");

    private readonly string connectionString = Server is null ? "" :
        new NpgsqlConnectionStringBuilder(Server) { Database = "jixiao_web_" + Guid.NewGuid().ToString("N") }.ToString();

    public override bool Available => !string.IsNullOrWhiteSpace(Server);

    protected override Dictionary<string, string?> DatabaseSettings() => new() { ["ConnectionStrings:Postgres"] = connectionString };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!Available) return;
        NpgsqlConnection.ClearAllPools();
        // The server is a throwaway one (scripts/test.sh): a database left behind by a drop that failed on a loaded
        // machine costs nothing, so it is reported, not charged to the class's tests.
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException e)
        {
            TestContext.Current.SendDiagnosticMessage($"Dropping the test database failed (left behind): {e.Message}");
        }
    }
}

/// <summary>
/// 甲市 (finance bureau CZ → departments SJ, JY → units LY, WC under SJ and YZ under JY) and 乙市 (its own bureau,
/// department and unit). People: unit filler of LY, unit filler of YZ, reviewer of SJ, reviewer of JY, finance and
/// administrator of 甲市, a unit filler and finance reviewer of 乙市, and an evaluator of a third-party agency in 甲市's registry.
/// </summary>
public sealed class World
{
    public Dictionary<string, Organisation> Organisations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Passwords { get; } = new(StringComparer.Ordinal);

    public FiscalYear Year { get; private set; } = null!;

    public static readonly (string Person, string Role, string Organisation)[] People =
    [
        ("unit", Roles.UnitFiller, "LY"),
        ("wangcheng", Roles.UnitFiller, "WC"),
        ("school", Roles.UnitFiller, "YZ"),
        ("department", Roles.DepartmentReviewer, "SJ"),
        ("education", Roles.DepartmentReviewer, "JY"),
        ("finance", Roles.FinanceReviewer, "CZ"),
        ("admin", Roles.Administrator, "CZ"),
        ("other-unit", Roles.UnitFiller, "B-U"),
        ("other-finance", Roles.FinanceReviewer, "B-CZ"),
        ("evaluator", Roles.Evaluator, "CZ"),
    ];

    /// <summary>The evaluation agency in 甲市财政局's registry that "evaluator" works for (it has no task until a test gives it one).</summary>
    public EvaluationAgency Agency { get; private set; } = null!;

    public static async Task<World> SeedAsync(JixiaoFactory factory)
    {
        var world = new World();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        Organisation Add(string code, string name, OrganisationKind kind, string? parent)
        {
            if (db.Organisations.SingleOrDefault(o => o.Code == code) is { } existing) return world.Organisations[code] = existing;
            var p = parent is null ? null : world.Organisations[parent];
            var o = new Organisation { Code = code, Name = name, Kind = kind, Parent = p, Path = Organisation.ChildPath(p?.Path, code) };
            world.Organisations[code] = o;
            db.Organisations.Add(o);
            return o;
        }
        Add("CZ", "甲市财政局", OrganisationKind.FinanceBureau, null);
        Add("SJ", "甲市数据资源局", OrganisationKind.Department, "CZ");
        Add("JY", "甲市教育局", OrganisationKind.Department, "CZ");
        Add("LY", "浏阳市数据资源中心", OrganisationKind.Unit, "SJ");
        Add("WC", "长沙市望城区数据资源中心", OrganisationKind.Unit, "SJ");
        Add("YZ", "甲市第一中学", OrganisationKind.Unit, "JY");
        Add("B-CZ", "乙市财政局", OrganisationKind.FinanceBureau, null);
        Add("B-D", "乙市大数据管理局", OrganisationKind.Department, "B-CZ");
        Add("B-U", "上海市大数据中心", OrganisationKind.Unit, "B-D");
        world.Year = new FiscalYear { Year = 2020 };
        db.FiscalYears.Add(world.Year);
        await db.SaveChangesAsync();
        world.Agency = new EvaluationAgency
        {
            Name = "甲市信达绩效评价事务所", CreditCode = CreditCodes.Complete("91430100MA4L0E101"), Contact = "周评", OrganisationId = world.Organisations["CZ"].Id,
            OrganisationPath = world.Organisations["CZ"].Path,
        };
        db.EvaluationAgencies.Add(world.Agency);
        await db.SaveChangesAsync();

        foreach (var (person, role, organisation) in People)
        {
            var password = $"Pw-{person}-2026!";
            var user = await users.FindByNameAsync(person);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = person, DisplayName = person, OrganisationId = world.Organisations[organisation].Id, LockoutEnabled = true,
                    AgencyId = role == Roles.Evaluator ? world.Agency.Id : null,
                };
                var created = await users.CreateAsync(user, password);
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(user, role);
            }
            var token = TokenSecrets.NewToken();
            db.ApiTokens.Add(new ApiToken { UserId = user.Id, Name = "测试", TokenHash = TokenSecrets.Hash(token) });
            world.Tokens[person] = token;
            world.Passwords[person] = password;
        }
        await db.SaveChangesAsync();
        return world;
    }

    public int Id(string organisation) => Organisations[organisation].Id;
}

public static class Forms
{
    /// <summary>A project self-evaluation whose numbers add up (funds 10 + indicators 90).</summary>
    public static PerformanceForm Project(string name, string unit = "浏阳市数据资源中心")
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.ProjectSelfEvaluation, Year = 2020, Title = "项目支出绩效自评表", Project = name,
            Department = "甲市数据资源局", Unit = unit, MoneyUnit = MoneyUnit.Yuan, StatedWeightTotal = 100m, StatedTotal = 98.62m,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 250000m, Executed = 215457.60m, Weight = 10m, StatedRate = new Percentage(0.8618m, 2), StatedScore = 8.62m });
        form.Funds.Add(new FundsRow { Label = "其中：当年财政拨款", Role = FundsRowRole.Part, Budget = 250000m, Executed = 215457.60m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "运维服务器数量", Target = "≥120台", Actual = "126台", Weight = 50m, StatedScore = 50m });
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "数据共享调用次数", Target = "≥100万次", Actual = "132万次", Weight = 30m, StatedScore = 30m });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "服务对象满意度", Target = "≥90%", Actual = "95%", Weight = 10m, StatedScore = 10m });
        return form;
    }
}
