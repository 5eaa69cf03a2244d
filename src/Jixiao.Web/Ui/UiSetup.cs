using System.Globalization;
using Jixiao.Data.Forms;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Ui;

/// <summary>What the screens add to the composition root: their services, the language switch, the portal's JSON download.</summary>
public static class UiSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddJixiaoUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Workbench>();
        // Pages are Chinese: without this every character of text written through Razor goes out as &#x...; (three
        // times the bytes, and unreadable to anything that searches the HTML).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        var deadlines = configuration.GetSection("Jixiao:Deadlines").Get<DeadlineOptions>() ?? new DeadlineOptions();
        if (configuration.GetValue<bool>("Jixiao:Demo")) deadlines.Today ??= new DateOnly(Demo.DemoData.Year + 1, 3, 15);
        services.AddSingleton(deadlines);
        return services;
    }

    /// <summary>Chinese unless the visitor chose English with the switch (a cookie); the browser's language is not asked.</summary>
    public static IApplicationBuilder UseJixiaoUiCulture(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions { DefaultRequestCulture = new RequestCulture("zh-CN"), SupportedCultures = Cultures, SupportedUICultures = Cultures };
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return app.UseRequestLocalization(options);
    }

    public static void MapJixiaoUiEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext context) =>
        {
            var culture = Cultures.FirstOrDefault(c => c.Name == name) ?? Cultures[0];
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.MaxValue, IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

        // The portal's download: a published form as the same JSON the versions store, for anyone, signed in or not.
        app.MapGet("/portal/forms/{id:int}.json", async (int id, IServiceScopeFactory scopes, CancellationToken ct) =>
        {
            var json = await Workbench.Public(scopes, async db =>
            {
                var record = await db.Forms.SingleOrDefaultAsync(f => f.Id == id && f.Status == FormStatus.Published, ct);
                return record is null ? null : FormJson.Serialize(FormRows.ToForm(record));
            });
            return json is null
                ? Results.NotFound()
                : Results.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", $"jixiao-form-{id}.json");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
