using System.Reflection;
using Jixiao.Web.Features.Forms;
using Jixiao.Web.Features.Imports;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Tests;

/// <summary>
/// The access scope (a user's organisation subtree) is applied to the request's DbContext by middleware. An interactive
/// component lives in a circuit whose services never pass that middleware, so a DbContext or a service built on it,
/// injected there, would see every unit's forms. Only statically rendered pages may inject them; interactive screens go
/// through <see cref="Jixiao.Web.Ui.Workbench"/>, which scopes each operation itself.
/// </summary>
public sealed class ComponentDataAccessTests
{
    private static readonly Type[] DataServices = [typeof(DbContext), typeof(FormService), typeof(ImportService), typeof(ImportJobs), typeof(Jixiao.Web.Features.Uploads.UploadGate), typeof(Jixiao.Web.Features.Rounds.RoundService),
        typeof(Jixiao.Web.Features.BudgetResults.BudgetService), typeof(Jixiao.Web.Features.ScoringRules.RulebookChoiceService),
        typeof(Jixiao.Web.Features.Rectifications.RectificationService), typeof(Jixiao.Web.Features.SpotChecks.SpotCheckService),
        typeof(Jixiao.Web.Features.TargetReview.TargetReviewService), typeof(Jixiao.Web.Features.NextYear.NextYearService)];

    [Fact]
    public void Only_statically_rendered_pages_inject_the_database_or_the_services_on_it()
    {
        var offenders = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => InjectsData(t) && !IsStaticPage(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_rule_recognises_an_interactive_screen_that_reads_forms_through_the_workbench()
    {
        var editor = typeof(Program).Assembly.GetType("Jixiao.Web.Components.Forms.FormEditor")!;
        var print = typeof(Program).Assembly.GetType("Jixiao.Web.Components.Forms.PrintForm")!;

        Assert.False(IsStaticPage(editor));
        Assert.False(InjectsData(editor));
        Assert.True(IsStaticPage(print));
        Assert.True(InjectsData(print));
    }

    private static bool InjectsData(Type component) =>
        component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.IsDefined(typeof(InjectAttribute)))
            .Any(p => DataServices.Any(d => d.IsAssignableFrom(p.PropertyType)));

    // A child component can end up inside an interactive page, so only a routable page without a render mode is static.
    private static bool IsStaticPage(Type component) =>
        component.IsDefined(typeof(RouteAttribute)) && !component.GetCustomAttributes().Any(a => a is RenderModeAttribute);
}
