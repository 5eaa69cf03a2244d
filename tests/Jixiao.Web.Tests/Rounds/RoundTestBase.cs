using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;

namespace Jixiao.Web.Tests.Rounds;

/// <summary>Projects, targets forms and rounds made through the API, as finance and the units would.</summary>
public abstract class RoundTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    protected static readonly Dictionary<string, string> FillerOf = new(StringComparer.Ordinal)
    {
        ["LY"] = "unit", ["WC"] = "wangcheng", ["YZ"] = "school", ["B-U"] = "other-unit",
    };

    protected async Task<int> Project(string organisation, int year, string name, string? code = null)
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client(FillerOf[organisation]).Send(HttpMethod.Post, "/api/v1/projects",
            new { organisationId = Host.World.Id(organisation), fiscalYear = year, code = code ?? Guid.NewGuid().ToString("N")[..12], name }));
        return (int)created["id"]!;
    }

    protected Task<HttpResponseMessage> OpenRound(string person, object request) =>
        Host.Client(person).Send(HttpMethod.Post, "/api/v1/rounds", request);

    protected async Task<int> Opened(string person, object request) =>
        (int)(await Expect(HttpStatusCode.Created, await OpenRound(person, request)))["id"]!;

    protected async Task<JsonArray> Items(string person, string url) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync(url)))["items"]!.AsArray();

    protected DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A targets form with three indicators whose weights add up to 100.</summary>
    protected static PerformanceForm Targets(string project, int year, string unit = "浏阳市数据资源中心", string firstTarget = "≥120台")
    {
        var form = new PerformanceForm
        {
            Kind = FormKind.Targets, Year = year, Title = "项目支出绩效目标申报表", Project = project, Unit = unit, MoneyUnit = MoneyUnit.Yuan,
            PlannedGoal = "保障政务云平台全年稳定运行，服务器数量和数据共享调用量达到年度目标。",
        };
        form.Indicators.Add(new IndicatorRow { Level1 = "产出指标", Level2 = "数量指标", Name = "运维服务器数量", Target = firstTarget, Weight = 50m });
        form.Indicators.Add(new IndicatorRow { Level1 = "效益指标", Level2 = "社会效益指标", Name = "数据共享调用次数", Target = "≥100万次", Weight = 30m });
        form.Indicators.Add(new IndicatorRow { Level1 = "满意度指标", Level2 = "服务对象满意度指标", Name = "服务对象满意度", Target = "≥90%", Weight = 20m });
        return form;
    }

    /// <summary>A targets form of the unit's project, submitted and approved by the department and by finance.</summary>
    protected async Task<int> ApprovedTargets(int projectId, PerformanceForm form, string filler = "unit", string organisation = "LY")
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id(organisation), fiscalYear = form.Year, projectId, form }));
        var id = (int)created["id"]!;
        await Expect(HttpStatusCode.OK, await Submit(filler, id));
        await Expect(HttpStatusCode.OK, await Act("department", id, "approve"));
        await Expect(HttpStatusCode.OK, await Grade("finance", id, "良", "指标基本细化量化，满意度目标依据需补充。"));
        await Expect(HttpStatusCode.OK, await Act("finance", id, "approve"));
        return id;
    }

    /// <summary>A targets form of the unit's project, submitted and approved by its department, waiting for finance.</summary>
    protected async Task<int> TargetsAtFinance(int projectId, PerformanceForm form, string filler = "unit", string organisation = "LY")
    {
        var created = await Expect(HttpStatusCode.Created, await Host.Client(filler).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = Host.World.Id(organisation), fiscalYear = form.Year, projectId, form }));
        var id = (int)created["id"]!;
        await Expect(HttpStatusCode.OK, await Submit(filler, id));
        await Expect(HttpStatusCode.OK, await Act("department", id, "approve"));
        return id;
    }

    protected Task<HttpResponseMessage> Grade(string person, int formId, string grade, string reasons) =>
        Host.Client(person).Send(HttpMethod.Post, $"/api/v1/forms/{formId}/grades", new { grade, reasons });

    protected Task<HttpResponseMessage> RequestAdjustment(string person, int formId, string reason, params (int Row, string Target)[] changes) =>
        Host.Client(person).Send(HttpMethod.Post, $"/api/v1/forms/{formId}/adjustments",
            new { reason, changes = changes.Select(c => new { row = c.Row, target = c.Target }).ToList() });

    protected async Task<int> StartForm(string person, int taskId) =>
        (int)(await Expect(HttpStatusCode.OK, await Host.Client(person).Send(HttpMethod.Post, $"/api/v1/tasks/{taskId}/form")))["formId"]!;
}
