using System.Net;
using Jixiao.Core.Checks;

namespace Jixiao.Web.Tests.BudgetResults;

/// <summary>What finance sees for an evaluated project: the grade, the rulebook's action and amount, and why.</summary>
public abstract class A_graded_project_shows_its_suggested_budget_action<THost>(THost host) : BudgetTestBase<THost>(host) where THost : TestHost
{
    [Fact]
    public async Task An_excellent_project_is_prioritised_with_its_whole_budget()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("优秀项目");

        var s = await Suggestion(id);

        Assert.Equal("优", (string?)s["grade"]);
        Assert.Equal("priority", (string?)s["suggestedAction"]);
        Assert.Equal("优先保障", (string?)s["suggestedActionName"]);
        Assert.Equal(250000m, (decimal)s["currentBudget"]!);
        Assert.Equal(250000m, (decimal)s["suggestedAmount"]!);
        Assert.Contains("优", (string?)s["reasons"]![0], StringComparison.Ordinal);
        Assert.False((bool)s["applied"]!);
    }

    [Fact]
    public async Task A_middle_grade_is_cut_to_the_rulebooks_share()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("中等项目", share: 0.5m);

        var s = await Suggestion(id);

        Assert.Equal("中", (string?)s["grade"]);
        Assert.Equal("cut", (string?)s["suggestedAction"]);
        Assert.Equal(0.9m, (decimal)s["share"]!);
        Assert.Equal(225000m, (decimal)s["suggestedAmount"]!);
    }

    [Fact]
    public async Task A_poor_grade_is_cancelled_or_suspended()
    {
        Host.SkipUnlessAvailable();
        var id = await Evaluated("较差项目", share: 0m);

        var s = await Suggestion(id);

        Assert.Equal("差", (string?)s["grade"]);
        Assert.Equal("cancel-or-suspend", (string?)s["suggestedAction"]);
        Assert.Equal(0m, (decimal)s["suggestedAmount"]!);
    }

    [Fact]
    public async Task A_finding_the_rulebook_names_makes_the_suggestion_stricter_and_says_why()
    {
        Host.SkipUnlessAvailable();
        Host.Checker.For("满分存疑项目", new Finding(CheckCodes.FullScoreDespiteMiss, Severity.Warning, "未达目标却满分", "full score", new FindingLocation("indicators", 1)));
        var id = await Evaluated("满分存疑项目");

        var s = await Suggestion(id);

        Assert.Equal("优", (string?)s["grade"]);
        Assert.Equal("maintain", (string?)s["suggestedAction"]);
        Assert.Contains(s["reasons"]!.AsArray(), r => ((string?)r)!.Contains(CheckCodes.FullScoreDespiteMiss, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_projects_own_budget_is_the_basis_when_it_was_entered()
    {
        Host.SkipUnlessAvailable();
        var project = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, code = "BUDGET-BASIS", name = "有预算的项目", budgetYuan = 300000.05m }));
        var created = await Expect(HttpStatusCode.Created, await Host.Client("unit").Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id("LY"), fiscalYear = 2020, projectId = (int)project["id"]!, form = Graded("有预算的项目", 0.5m) }));
        var id = (int)created["id"]!;
        await Expect(HttpStatusCode.OK, await Submit("unit", id));

        var s = await Suggestion(id);

        Assert.Equal(300000.05m, (decimal)s["currentBudget"]!);
        // 0.9 × 300,000.05 = 270,000.045: half a fen rounds away from zero.
        Assert.Equal(270000.05m, (decimal)s["suggestedAmount"]!);
    }

    [Fact]
    public async Task A_draft_has_no_result_to_apply_yet()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("尚未提交的项目", form: Graded("尚未提交的项目", 1m));

        var problem = await Expect(HttpStatusCode.Conflict, await Host.Client("finance").GetAsync($"/api/v1/budget/suggestions/{id}"));

        Assert.Contains("草稿", (string?)problem["detail"], StringComparison.Ordinal);
        var list = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/budget/suggestions?year=2020&pageSize=200"));
        Assert.DoesNotContain(list["items"]!.AsArray(), i => (int)i!["formId"]! == id);
    }
}

public sealed class A_graded_project_shows_its_suggested_budget_action_on_Sqlite(SqliteHost host) : A_graded_project_shows_its_suggested_budget_action<SqliteHost>(host);

public sealed class A_graded_project_shows_its_suggested_budget_action_on_Postgres(PostgresHost host) : A_graded_project_shows_its_suggested_budget_action<PostgresHost>(host);
