using Jixiao.Web.Features.Analytics;
using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Core.Templates;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Documents.Templates;
using Jixiao.Web;
using Jixiao.Web.Access;
using Jixiao.Web.Components;
using Jixiao.Web.Demo;
using Jixiao.Web.Features.Account;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Features.Downloads;
using Jixiao.Web.Features.ExecutionImports;
using Jixiao.Web.Features.Findings;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Projects;
using Jixiao.Web.Features.BudgetResults;
using Jixiao.Web.Features.ScoringRules;
using Jixiao.Web.Features.Rounds;
using Jixiao.Web.Features.TargetReview;
using Jixiao.Web.Features.NextYear;
using Jixiao.Web.Features.Tokens;
using Jixiao.Web.Features.Uploads;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Problems;
using Jixiao.Web.Startup;
using Jixiao.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;

// Jixiao:TemplatesFolder as an environment variable: how the server passes its checked folder to the reader children.
const string TemplatesFolderVariable = "Jixiao__TemplatesFolder";

// The child that reads one untrusted upload (Features/Uploads/ReaderProcess): no server, no configuration.
if (args is [ReaderProcess.Command, ..])
{
    // It reads with the server's templates: the server hands its checked folder down in the environment.
    if (Environment.GetEnvironmentVariable(TemplatesFolderVariable) is { Length: > 0 } childTemplates) TemplateRegistry.Use(TemplateFolder.Load(childTemplates));
    Environment.ExitCode = ReaderProcess.RunChild(args, Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error);
    return;
}

// --demo is a switch, not a setting: left in, the command-line configuration would take the next argument as its value
// (so "--demo --urls X" lost the address, and "--demo --Jixiao:DataFolder=..." the folder).
var demo = args.Contains("--demo", StringComparer.Ordinal);
args = args.Where(a => a != "--demo").ToArray();
// Settings are read once, at the start (docs/operations.md). Reloading appsettings.json on a change watches the whole
// content root with a FileSystemWatcher, and the SQLite database lives there by default (data/): every write of every
// save woke the watcher (4–10 % of a save's processor time side by side; docs/benchmarks.md, "The save's processor
// time: a watcher woken by every write …").
var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
if (demo) builder.Configuration["Jixiao:Demo"] = "true";

// A bureau's layout templates (Jixiao:TemplatesFolder) join the built-in ones for reading, printing and the editor; a
// file that does not validate stops the start with its errors in Chinese rather than reading forms half-understood.
if (builder.Configuration["Jixiao:TemplatesFolder"] is { Length: > 0 } templatesFolder)
{
    var folder = Path.Combine(builder.Environment.ContentRootPath, templatesFolder);
    try
    {
        TemplateRegistry.Use(TemplateFolder.Load(folder));
        Environment.SetEnvironmentVariable(TemplatesFolderVariable, folder);
    }
    catch (TemplateException e)
    {
        foreach (var error in e.Errors) Console.Error.WriteLine(error);
        Console.Error.WriteLine($"Jixiao:TemplatesFolder（{folder}）中的模板有 {e.Errors.Count} 处错误，系统未启动。");
        Environment.ExitCode = 2;
        return;
    }
}

var options = builder.Configuration.GetSection("Jixiao").Get<JixiaoOptions>() ?? new JixiaoOptions();
builder.Services.Configure<JixiaoOptions>(builder.Configuration.GetSection("Jixiao"));
builder.Services.Configure<Jixiao.Web.Features.Analytics.RankingOptions>(builder.Configuration.GetSection("Jixiao:Rankings"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<SessionChecks>();
builder.Services.AddJixiaoDatabase(options.Database(builder.Configuration.GetConnectionString("Postgres")));

builder.Services.AddSingleton<FormCheck>((form, rulebook) => Checker.Check(form, rulebook ?? Jixiao.Core.Rulebooks.Rulebooks.Default));

builder.Services.AddScoped<FormService>();
builder.Services.AddScoped<UserAdmin>();
builder.Services.AddScoped<OrganisationAdmin>();
builder.Services.AddScoped<ProjectAdmin>();
builder.Services.AddScoped<TokenService>();
builder.Services.AddScoped<PasswordChange>();
builder.Services.AddScoped<Jixiao.Web.Features.Imports.ImportService>();
builder.Services.Configure<UploadPolicy>(builder.Configuration.GetSection("Jixiao:Uploads"));
builder.Services.Configure<ImportJobOptions>(builder.Configuration.GetSection("Jixiao:Imports"));
builder.Services.AddScoped<UploadGate>();
builder.Services.AddScoped<ImportJobs>();
builder.Services.AddSingleton<ReaderProcess>();
builder.Services.AddSingleton<ImportJobSignal>();
builder.Services.AddHostedService<ImportJobWorker>();
builder.Services.AddHostedService<Jixiao.Web.Features.Facts.FactRederivationWorker>();
builder.Services.AddScoped<RoundService>();
builder.Services.AddScoped<Jixiao.Web.Features.BudgetResults.BudgetService>();
builder.Services.AddScoped<Jixiao.Web.Features.ScoringRules.RulebookChoiceService>();
builder.Services.AddScoped<Jixiao.Web.Features.Rectifications.RectificationService>();
builder.Services.AddScoped<Jixiao.Web.Features.SpotChecks.SpotCheckService>();
builder.Services.AddScoped<Jixiao.Web.Features.TargetReview.TargetReviewService>();
builder.Services.AddScoped<Jixiao.Web.Features.NextYear.NextYearService>();
builder.Services.AddScoped<Jixiao.Web.Features.Library.StandardIndicators>();
builder.Services.AddScoped<ExecutionImportService>();
builder.Services.AddScoped<Jixiao.Web.Features.Evaluators.EvaluatorRegistry>();
builder.Services.Configure<Jixiao.Web.Features.Evaluators.EvaluatorQualityOptions>(builder.Configuration.GetSection("Jixiao:EvaluatorQuality"));
builder.Services.Configure<ReminderOptions>(builder.Configuration.GetSection("Jixiao:Reminders"));
builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Jixiao:Smtp"));
builder.Services.AddHostedService<ReminderWorker>();
builder.Services.AddScoped<DemoData>();
builder.Services.AddSingleton<DemoAccounts>();
builder.Services.AddSingleton<StartupTasks>();
builder.Services.AddSingleton<PdfRenderers>();

// Keys live in the database so every instance behind a load balancer can read every other's cookies.
builder.Services.AddDataProtection().SetApplicationName("Jixiao").PersistKeysToDbContext<AppDbContext>();

builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = false;
    })
    .AddRoles<IdentityRole>()
    .AddErrorDescriber<ChineseIdentityErrors>()
    .AddPasswordValidator<CommonPasswords>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddSignInManager()
    .AddClaimsPrincipalFactory<JixiaoClaimsFactory>()
    .AddDefaultTokenProviders();

const string SchemeSelector = "cookie-or-token";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = SchemeSelector;
        o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
    })
    .AddPolicyScheme(SchemeSelector, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
        context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? ApiTokenHandler.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null)
    .AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/login";
    o.AccessDeniedPath = "/access-denied";
    o.Cookie.Name = "jixiao";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    // Behind HTTPS (directly, or a proxy saying so in X-Forwarded-Proto) the cookie is Secure; with Jixiao:Https always.
    o.Cookie.SecurePolicy = options.Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    // An API client gets a status code, never a redirect to the login page.
    o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
    o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionChecks>().ValidateAsync(context);
});
// A session ends within this interval after its user's security stamp changes (lockout, password change).
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(options.SessionCheckSeconds));
builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = options.Https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);
if (options.ForwardedHeaders)
    builder.Services.Configure<ForwardedHeadersOptions>(o =>
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = (options.KnownProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Contains("*", StringComparer.Ordinal))
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        }
        else foreach (var proxy in proxies) o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    });
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    // Jixiao:Https is an explicit promise that the host is served over HTTPS only, whatever its name.
    o.ExcludedHosts.Clear();
});
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    // Framework-made problems carry English titles; users read Chinese.
    if (!HasChinese(context.ProblemDetails.Title)) context.ProblemDetails.Title = Refusals.TitleFor(status) ?? context.ProblemDetails.Title;
    if (!HasChinese(context.ProblemDetails.Detail)) context.ProblemDetails.Detail = Refusals.DetailFor(status) ?? context.ProblemDetails.Detail;
});
// A body the binder cannot read throws in every environment, so ClientErrors can say what and where in Chinese.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddExceptionHandler<ClientErrors>();
builder.Services.AddExceptionHandler<DiskFull>();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxRequestBytes);
builder.Services.AddOpenApi(o => o.AddFormKinds());
builder.Services.AddHttpContextAccessor();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddJixiaoUi(builder.Configuration);
builder.Services.AddAdmission(options);

var app = builder.Build();

if (options.ForwardedHeaders) app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (options.Https)
{
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
{
    // Malformed bodies surface as BadHttpRequestException in Development; they are the client's error, not ours.
    api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
    api.UseStatusCodePages();
    // Kestrel enforces the same limit while reading; a declared length over it is refused before any reading.
    api.Use((context, next) => context.Request.ContentLength > options.MaxRequestBytes
        ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge)
        : next(context));
});
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
{
    if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/Error", createScopeForErrors: true);
    pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
    // A form post the binder cannot read (a missing antiforgery token …) is the client's error: its status code, not a logged 500.
    pages.Use(async (context, next) =>
    {
        try { await next(context); }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            context.Response.StatusCode = bad.StatusCode;
        }
    });
});
// Routing after the error pages: a re-executed request (/not-found, /Error) must be routed afresh, and the routing
// WebApplication adds on its own runs first, before them, so those pages came out empty.
app.UseRouting();
// Before authentication: decrypting the cookie is work too, and it waits its turn like the rest.
app.UseRateLimiter();

app.UseJixiaoUiCulture();
app.UseAuthentication();
app.UseAuthorization();
app.UseAccessScope();
app.UseAntiforgery();

app.MapOpenApi();
app.MapHealth();
var api = app.MapGroup("/api/v1").RequireAuthorization().ValidateRequestContracts().LimitEvaluators();
api.MapOrganisationEndpoints();
api.MapProjectEndpoints();
api.MapFormEndpoints();
api.MapAnalyticsEndpoints();
api.MapFindingEndpoints();
api.MapImportEndpoints();
api.MapAuditEndpoints();
api.MapTokenEndpoints();
api.MapUserEndpoints();
api.MapPasswordEndpoint();
api.MapDownloadEndpoints();
api.MapRoundEndpoints();
api.MapBudgetEndpoints();
api.MapRulebookChoiceEndpoints();
Jixiao.Web.Features.Rectifications.RectificationEndpoints.MapRectificationEndpoints(api);
Jixiao.Web.Features.SpotChecks.SpotCheckEndpoints.MapSpotCheckEndpoints(api);
api.MapTargetReviewEndpoints();
api.MapNextYearEndpoints();
Jixiao.Web.Features.Library.LibraryEndpoints.MapLibraryEndpoints(api);
api.MapExecutionImportEndpoints();
Jixiao.Web.Features.Evaluators.EvaluatorEndpoints.MapEvaluatorEndpoints(api);
app.MapAccountEndpoints();
app.MapJixiaoUiEndpoints();

app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

// An in-process test host (WebApplicationFactory) must see the refusal itself; an operator sees only the message.
var underTestHost = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.GetType().Name == "TestServer";
try
{
    await app.Services.GetRequiredService<StartupTasks>().RunAsync(CancellationToken.None);
    await app.RunAsync();
}
catch (StartupRefusedException refused) when (!underTestHost)
{
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 2;
}

static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = status;
    else context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

public partial class Program;
