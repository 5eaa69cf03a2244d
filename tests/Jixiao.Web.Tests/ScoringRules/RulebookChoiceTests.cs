using System.Net;
using Jixiao.Core.Forms;
using Jixiao.Data;
using Jixiao.Data.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests.ScoringRules;

/// <summary>
/// Finance chooses another rulebook for a unit and a year: the preview shows old → new per form and saves nothing;
/// applying re-scores unpublished forms and records the rulebook on later versions; published forms keep their score
/// with the difference stored beside it.
/// </summary>
public abstract class A_rulebook_change_is_previewed_and_applied<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    /// <summary>
    /// A department-wide table that states no execution weight, so the rulebook's tree decides it: 10 under the national
    /// rules (9 points at 90%), none under Hunan's (湖南 2020 scores no execution row). Indicators give 88.5, so the
    /// total is 97.5 (优) nationally and 88.5 (良) in Hunan.
    /// </summary>
    private static PerformanceForm Department(string unit)
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.DepartmentSelfEvaluation, Year = 2020, Title = "部门整体支出绩效自评表", Unit = unit, Department = "甲市数据资源局",
            MoneyUnit = MoneyUnit.Yuan,
        };
        form.Funds.Add(new FundsRow { Label = "年度资金总额", Role = FundsRowRole.Total, Budget = 1_000_000m, Executed = 900_000m });
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "重点工作办结率", Target = "≥100%", Actual = "100%", Weight = 50m, StatedScore = 50m });
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "政务数据共享率", Target = "≥100%", Actual = "95%", Weight = 30m, StatedScore = 28.5m, Explanation = "部分数据尚未接入。" });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "服务对象满意度", Target = "≥90%", Actual = "95%", Weight = 10m, StatedScore = 10m });
        return form;
    }

    private async Task<FormFact> Fact(int id)
    {
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.FormFacts.AsNoTracking().SingleAsync(f => f.FormId == id);
    }

    private Task<HttpResponseMessage> Preview(string organisation, string rulebook) =>
        Host.Client("finance").Send(HttpMethod.Post, "/api/v1/rulebooks/choices/preview",
            new { organisationId = Host.World.Id(organisation), year = 2020, rulebookId = rulebook });

    private Task<HttpResponseMessage> Choose(string organisation, string rulebook, string? region = null) =>
        Host.Client("finance").Send(HttpMethod.Post, "/api/v1/rulebooks/choices",
            new { organisationId = Host.World.Id(organisation), year = 2020, rulebookId = rulebook, templateRegion = region });

    [Fact]
    public async Task The_preview_shows_each_forms_old_and_new_total_and_grade_and_changes_nothing()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("部门整体", "unit", "LY", Department("浏阳市数据资源中心"));
        var before = await Fact(id);

        var preview = await Expect(HttpStatusCode.OK, await Preview("LY", "hunan-2020"));

        var row = Assert.Single(preview["rows"]!["items"]!.AsArray(), r => (int)r!["formId"]! == id)!;
        Assert.Equal((97.5m, "优", 88.5m, "良"), ((decimal)row["oldTotal"]!, (string)row["oldGrade"]!, (decimal)row["newTotal"]!, (string)row["newGrade"]!));
        Assert.Equal(-9m, (decimal)row["difference"]!);
        Assert.True((bool)row["rescored"]!);
        Assert.True((int)preview["gradeChanged"]! >= 1);
        var after = await Fact(id);
        Assert.Equal((before.RulebookId, before.ComputedTotal), (after.RulebookId, after.ComputedTotal));
        Assert.Equal("national-2020", after.RulebookId);
    }

    [Fact]
    public async Task Applying_re_scores_a_submitted_form_and_its_next_version_records_the_rulebook()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("部门整体", "wangcheng", "WC", Department("长沙市望城区数据资源中心"));
        await Expect(HttpStatusCode.OK, await Submit("wangcheng", id));

        var choice = await Expect(HttpStatusCode.Created, await Choose("WC", "hunan-2020", "湖南"));

        Assert.Equal(1, (int)choice["rescored"]!);
        var fact = await Fact(id);
        Assert.Equal(("hunan-2020", 88.5m, "良", FormStatus.Submitted), (fact.RulebookId, fact.ComputedTotal, fact.ComputedGrade, fact.Status));
        await Expect(HttpStatusCode.OK, await Act("department", id, "return", new { reason = "请核对执行率。" }));
        await Expect(HttpStatusCode.OK, await Submit("wangcheng", id));
        var version = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/versions/2"));
        Assert.Equal("hunan-2020", (string?)version["rulebookId"]);
        var first = await Expect(HttpStatusCode.OK, await Host.Client("department").GetAsync($"/api/v1/forms/{id}/versions/1"));
        Assert.Equal("national-2020", (string?)first["rulebookId"]);
        var history = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync("/api/v1/rulebooks/choices?year=2020"));
        Assert.Contains(history["items"]!.AsArray(), c => (string?)c!["organisationName"] == "长沙市望城区数据资源中心" && (string?)c["templateRegion"] == "湖南");
    }

    [Fact]
    public async Task A_published_form_keeps_its_published_score_and_stores_the_difference()
    {
        Host.SkipUnlessAvailable();
        var id = await Draft("部门整体", "school", "YZ", Department("甲市第一中学"));
        await Expect(HttpStatusCode.OK, await Submit("school", id));
        await Expect(HttpStatusCode.OK, await Act("education", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "approve"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "publish"));

        var preview = await Expect(HttpStatusCode.OK, await Preview("YZ", "hunan-2020"));
        Assert.False((bool)Assert.Single(preview["rows"]!["items"]!.AsArray(), r => (int)r!["formId"]! == id)!["rescored"]!);
        var choice = await Expect(HttpStatusCode.Created, await Choose("YZ", "hunan-2020"));

        Assert.Equal(1, (int)choice["publishedKept"]!);
        var fact = await Fact(id);
        Assert.Equal(("national-2020", 97.5m, "优"), (fact.RulebookId, fact.ComputedTotal, fact.ComputedGrade));
        Assert.Equal(("hunan-2020", 88.5m, "良"), (fact.RescoredRulebookId!, fact.RescoredTotal!.Value, fact.RescoredGrade!));
        var audit = await Expect(HttpStatusCode.OK, await Host.Client("finance").GetAsync($"/api/v1/forms/{id}/audit"));
        Assert.Contains(audit["items"]!.AsArray(), a => (string?)a!["action"] == "rescore");
    }

    [Theory]
    [InlineData("atlantis-2020", null, "atlantis-2020")]
    [InlineData("hunan-2020", "火星", "火星")]
    public async Task A_choice_naming_an_unknown_rulebook_or_template_set_is_refused(string rulebook, string? region, string named)
    {
        Host.SkipUnlessAvailable();

        var problem = await Expect(HttpStatusCode.BadRequest, await Choose("LY", rulebook, region));

        Assert.Contains(named, (string?)problem["detail"], StringComparison.Ordinal);
        await Expect(HttpStatusCode.BadRequest, await Host.Client("finance").Send(HttpMethod.Post, "/api/v1/rulebooks/choices",
            new { organisationId = Host.World.Id("LY"), year = 1999, rulebookId = "hunan-2020" }));
    }
}

public sealed class A_rulebook_change_is_previewed_and_applied_on_Sqlite(SqliteHost host) : A_rulebook_change_is_previewed_and_applied<SqliteHost>(host);

public sealed class A_rulebook_change_is_previewed_and_applied_on_Postgres(PostgresHost host) : A_rulebook_change_is_previewed_and_applied<PostgresHost>(host);
