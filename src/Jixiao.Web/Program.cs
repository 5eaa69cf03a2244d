using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web;
using Jixiao.Web.Access;
using Jixiao.Web.Components;
using Jixiao.Web.Demo;
using Jixiao.Web.Features.Account;
using Jixiao.Web.Features.Audit;
using Jixiao.Web.Features.Downloads;
using Jixiao.Web.Features.Findings;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Imports;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Projects;
using Jixiao.Web.Features.Tokens;
using Jixiao.Web.Features.Users;
using Jixiao.Web.Problems;
using Jixiao.Web.Startup;
using Jixiao.Web.Ui;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

// --demo is a switch, not a setting: left in, the command-line configuration would take the next argument as its value
// (so "--demo --urls X" lost the address, and "--demo --Jixiao:DataFolder=..." the folder).
var demo = args.Contains("--demo", StringComparer.Ordinal);
args = args.Where(a => a != "--demo").ToArray();
var builder = WebApplication.CreateBuilder(args);
if (demo) builder.Configuration["Jixiao:Demo"] = "true";

var options = builder.Configuration.GetSection("Jixiao").Get<JixiaoOptions>() ?? new JixiaoOptions();
builder.Services.Configure<JixiaoOptions>(builder.Configuration.GetSection("Jixiao"));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddJixiaoDatabase(options.Database(builder.Configuration.GetConnectionString("Postgres")));

builder.Services.AddSingleton<FormCheck>(form => Checker.Check(form, Jixiao.Core.Rulebooks.Rulebooks.Default));

builder.Services.AddScoped<FormService>();
builder.Services.AddScoped<Jixiao.Web.Features.Imports.ImportService>();
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
    o.SlidingExpiration = true;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    // An API client gets a status code, never a redirect to the login page.
    o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
    o.Events.OnValidatePrincipal = ValidateStampWhenDue;
});
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    // PerformanceForm's blocks are get-only lists: fill them rather than fail.
    o.SerializerOptions.PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate;
});
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
{
    var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
    // Framework-made problems carry English titles; users read Chinese.
    if (!HasChinese(context.ProblemDetails.Title)) context.ProblemDetails.Title = Refusals.TitleFor(status) ?? context.ProblemDetails.Title;
    if (!HasChinese(context.ProblemDetails.Detail)) context.ProblemDetails.Detail = Refusals.DetailFor(status) ?? context.ProblemDetails.Detail;
});
builder.Services.AddOpenApi();
builder.Services.AddHttpContextAccessor();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddJixiaoUi(builder.Configuration);
builder.Services.AddAdmission(options);

var app = builder.Build();

app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api =>
{
    // Malformed bodies surface as BadHttpRequestException in Development; they are the client's error, not ours.
    api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : 500 });
    api.UseStatusCodePages();
});
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages =>
{
    if (!app.Environment.IsDevelopment()) pages.UseExceptionHandler("/Error", createScopeForErrors: true);
    pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
});
// Routing after the error pages: a re-executed request (/not-found, /Error) must be routed afresh, and the routing
// WebApplication adds on its own runs first, before them, so those pages came out empty.
app.UseRouting();
if (!app.Environment.IsDevelopment()) app.UseHsts();
// Before authentication: decrypting the cookie is work too, and it waits its turn like the rest.
app.UseRateLimiter();

app.UseJixiaoUiCulture();
app.UseAuthentication();
app.UseAuthorization();
app.UseAccessScope();
app.UseAntiforgery();

app.MapOpenApi();
var api = app.MapGroup("/api/v1").RequireAuthorization();
api.MapOrganisationEndpoints();
api.MapProjectEndpoints();
api.MapFormEndpoints();
api.MapFindingEndpoints();
api.MapImportEndpoints();
api.MapAuditEndpoints();
api.MapTokenEndpoints();
api.MapUserEndpoints();
api.MapDownloadEndpoints();
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

// Identity's validator re-reads the user's security stamp only once per ValidationInterval, but resolving it builds
// SignInManager, UserManager and their store on every request; the same time check first spares that.
static Task ValidateStampWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
{
    var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
    var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
    return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
        ? Task.CompletedTask
        : SecurityStampValidator.ValidatePrincipalAsync(context);
}

static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

public partial class Program;
