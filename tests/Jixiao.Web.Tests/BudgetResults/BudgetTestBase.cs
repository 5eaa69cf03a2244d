using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests.BudgetResults;

/// <summary>Evaluated projects of a chosen grade, submitted through the real workflow, and the budget API as finance.</summary>
public abstract class BudgetTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    /// <summary>
    /// A project self-evaluation whose numbers add up, with the first output row reaching <paramref name="share"/> of
    /// its target: 1 gives 98.62 (优), 0.5 gives 73.62 (中), 0 gives 48.62 (差). Budget 250,000 元.
    /// </summary>
    protected static PerformanceForm Graded(string project, decimal share, string unit = "浏阳市数据资源中心")
    {
        var form = Forms.Project(project, unit);
        var actual = decimal.Round(120m * share);
        var row = form.Indicators[0];
        row.Actual = actual.ToString(System.Globalization.CultureInfo.InvariantCulture) + "台";
        row.StatedScore = decimal.Round(50m * actual / 120m, 2, MidpointRounding.AwayFromZero);
        if (share < 1m) row.Explanation = "部分服务器采购延期到次年。";
        form.StatedTotal = 8.62m + row.StatedScore + 40m;
        return form;
    }

    /// <summary>A submitted (so evaluated) project self-evaluation of <paramref name="organisation"/>.</summary>
    protected async Task<int> Evaluated(string project, decimal share = 1m, string filler = "unit", string organisation = "LY", string unit = "浏阳市数据资源中心")
    {
        var id = await Draft(project, filler, organisation, Graded(project, share, unit));
        await Expect(HttpStatusCode.OK, await Submit(filler, id));
        return id;
    }

    protected Task<HttpResponseMessage> Decide(string person, int formId, object body) =>
        Host.Client(person).Send(HttpMethod.Post, $"/api/v1/budget/suggestions/{formId}/decisions", body);

    protected async Task<JsonNode> Suggestion(int formId, string person = "finance") =>
        await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/budget/suggestions/{formId}"));
}
