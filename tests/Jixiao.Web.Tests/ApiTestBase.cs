using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests;

/// <summary>Helpers to drive forms through the API as the people of <see cref="World"/>.</summary>
public abstract class ApiTestBase<THost>(THost host) : IClassFixture<THost> where THost : TestHost
{
    protected THost Host => host;

    protected static async Task<JsonNode> Expect(HttpStatusCode status, HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private static readonly Regex AntiforgeryField = new("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");

    /// <summary>Signs in through the login page as a browser does, leaving the cookie in <paramref name="browser"/>.</summary>
    protected static async Task<HttpResponseMessage> LogIn(HttpClient browser, string user, string password)
    {
        var page = await browser.GetStringAsync("/login");
        Assert.Contains("登录", page, StringComparison.Ordinal);
        var token = AntiforgeryField.Match(page).Groups[1].Value;
        return await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = token,
        }));
    }

    protected async Task<int> Draft(string project, string person = "unit", string organisation = "LY", PerformanceForm? form = null)
    {
        var response = await host.Client(person).Send(HttpMethod.Post, "/api/v1/forms",
            new { organisationId = host.World.Id(organisation), fiscalYear = 2020, form = form ?? Forms.Project(project) });
        return (int)(await Expect(HttpStatusCode.Created, response))["id"]!;
    }

    protected async Task<JsonNode> Read(string person, int id) =>
        await Expect(HttpStatusCode.OK, await host.Client(person).GetAsync($"/api/v1/forms/{id}"));

    protected async Task<int> Revision(int id, string person = "admin") => (int)(await Read(person, id))["revision"]!;

    protected Task<HttpResponseMessage> Act(string person, int id, string action, object? body = null) =>
        host.Client(person).Send(HttpMethod.Post, $"/api/v1/forms/{id}/{action}", body ?? new { });

    protected async Task<HttpResponseMessage> Submit(string person, int id, Dictionary<string, string>? justifications = null) =>
        await Act(person, id, "submit", new { revision = await Revision(id, person), justifications });

    protected async Task<HttpResponseMessage> Save(string person, int id, PerformanceForm form, int? revision = null) =>
        await host.Client(person).Send(HttpMethod.Put, $"/api/v1/forms/{id}", new { revision = revision ?? await Revision(id, person), form });

    /// <summary>A form of LY's (or <paramref name="organisation"/>'s) brought to <paramref name="status"/> through the real workflow.</summary>
    protected async Task<int> FormIn(FormStatus status, string project, string filler = "unit", string organisation = "LY", string reviewer = "department", string finance = "finance")
    {
        var id = await Draft(project, filler, organisation);
        if (status == FormStatus.Draft) return id;
        await Expect(HttpStatusCode.OK, await Submit(filler, id));
        if (status == FormStatus.Submitted) return id;
        if (status == FormStatus.Returned)
        {
            await Expect(HttpStatusCode.OK, await Act(reviewer, id, "return", new { reason = "请补充满意度调查依据。" }));
            return id;
        }
        await Expect(HttpStatusCode.OK, await Act(reviewer, id, "approve"));
        if (status == FormStatus.DepartmentApproved) return id;
        await Expect(HttpStatusCode.OK, await Act(finance, id, "approve"));
        if (status == FormStatus.FinanceApproved) return id;
        await Expect(HttpStatusCode.OK, await Act(finance, id, "publish"));
        return id;
    }
}
