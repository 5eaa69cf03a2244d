using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// A save asks for the rulebook finance chose and the budget system's figures only where some exist (the year's and the
/// project's markers, kept by the choice and the import): made after the form was created, both still reach its saves.
/// </summary>
public abstract class Saves_see_rulebook_choices_and_execution_figures_made_after_the_form<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    private async Task<FormFact> Fact(int id)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.FormFacts.AsNoTracking().SingleAsync(f => f.FormId == id);
    }

    private Task<HttpResponseMessage> Choose(string organisation, int year, string rulebook) =>
        Host.Client("finance").Send(HttpMethod.Post, "/api/v1/rulebooks/choices",
            new { organisationId = Host.World.Id(organisation), year, rulebookId = rulebook });

    private async Task<List<JsonNode>> Findings(int form) =>
        (await Expect(HttpStatusCode.OK, await Host.Client("unit").GetAsync($"/api/v1/forms/{form}/findings"))).AsArray().Select(n => n!).ToList();

    [Fact]
    public async Task A_draft_saved_after_finance_chose_a_rulebook_keeps_the_chosen_rulebook()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("标记项目甲");
        Assert.Equal("national-2020", (await Fact(id)).RulebookId);
        await Expect(HttpStatusCode.Created, await Choose("LY", 2020, "hunan-2020"));

        await Expect(HttpStatusCode.OK, await Save("unit", id, Forms.Project("标记项目甲")));

        Assert.Equal("hunan-2020", (await Fact(id)).RulebookId);
    }

    [Fact]
    public async Task A_choice_for_a_year_that_has_no_forms_yet_scores_the_first_draft_of_that_year()
    {
        Host.SkipUnlessAvailable();
        await Expect(HttpStatusCode.Created, await Choose("LY", 2027, "hunan-2020"));

        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2027, form = Forms.Project("标记项目乙") }));
        var id = (int)created["id"]!;
        await Expect(HttpStatusCode.OK, await Save("unit", id, Forms.Project("标记项目乙")));

        Assert.Equal("hunan-2020", (await Fact(id)).RulebookId);
    }

    [Fact]
    public async Task A_self_evaluation_saved_after_an_import_is_held_against_its_figures_and_one_of_another_project_is_not()
    {
        Host.SkipUnlessAvailable();
        var code = "MK" + Guid.NewGuid().ToString("N")[..10];
        var name = "标记执行" + code[^4..];
        var project = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code, name })))["id"]!;
        var other = (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code = code + "X", name = name + "乙" })))["id"]!;
        async Task<int> FormFor(int projectId, string projectName) =>
            (int)(await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
                new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, projectId, form = Forms.Project(projectName) })))["id"]!;
        var evaluation = await FormFor(project, name);
        var unimported = await FormFor(other, name + "乙");
        // Saved once before the import: the project was read without figures.
        await Expect(HttpStatusCode.OK, await Save("unit", evaluation, Forms.Project(name)));
        var import = (int)(await Expect(HttpStatusCode.Created, await Host.Client("finance").Preview("执行.csv", ExecutionExports.Csv([(code, name, 250000m, 10000m)]))))["id"]!;
        await Expect(HttpStatusCode.OK, await Host.Client("finance").PostAsync($"/api/v1/execution-imports/{import}/apply", null));

        // The unit types its own figures back over the imported ones.
        await Expect(HttpStatusCode.OK, await Save("unit", evaluation, Forms.Project(name)));
        await Expect(HttpStatusCode.OK, await Save("unit", unimported, Forms.Project(name + "乙")));

        Assert.Contains(await Findings(evaluation), f => (string?)f["code"] == CheckCodes.ExecutionFigureMismatch);
        Assert.DoesNotContain(await Findings(unimported), f => (string?)f["code"] == CheckCodes.ExecutionFigureMismatch);
    }
}

public sealed class Saves_see_rulebook_choices_and_execution_figures_made_after_the_form_on_Sqlite(SqliteHost host)
    : Saves_see_rulebook_choices_and_execution_figures_made_after_the_form<SqliteHost>(host);

public sealed class Saves_see_rulebook_choices_and_execution_figures_made_after_the_form_on_Postgres(PostgresHost host)
    : Saves_see_rulebook_choices_and_execution_figures_made_after_the_form<PostgresHost>(host);
