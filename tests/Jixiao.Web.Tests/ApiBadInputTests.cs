using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests;

/// <summary>
/// Malformed, out-of-range and hostile request bodies: each is answered 400 (404 for what does not exist) as Chinese
/// problem+json naming the field, never 500 — and nothing is logged as an unhandled exception (LoggedErrors).
/// </summary>
public sealed class ApiBadInputTests(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    /// <summary>A request: where, and how to change a valid body (or a raw body when the change returns a string).</summary>
    public sealed record Case(string Name, string Method, string Url, Func<JsonObject, object?> Change, string? Where, HttpStatusCode Status = HttpStatusCode.BadRequest)
    {
        public override string ToString() => Name;
    }

    private static readonly string Long = new('长', 10_000);

    private static Func<JsonObject, object?> Set(string path, JsonNode? value) => body =>
    {
        var parts = path.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1]) node = part.EndsWith(']') ? node[part[..part.IndexOf('[')]]![int.Parse(part[(part.IndexOf('[') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[part]!;
        node.AsObject()[parts[^1]] = value;
        return body;
    };

    private static Func<JsonObject, object?> Remove(string path) => body => { body.Remove(path); return body; };

    private static Func<JsonObject, object?> Raw(string text) => _ => text;

    // Numbers JsonNode cannot hold as decimal are written into the text as they would arrive.
    private static Func<JsonObject, object?> Number(string path, string literal) => body =>
        Set(path, "__N__")(body) is JsonObject changed ? changed.ToJsonString().Replace("\"__N__\"", literal, StringComparison.Ordinal) : null;

    private const string Forms = "/api/v1/forms";
    private const string Form = "/api/v1/forms/{form}";

    private static readonly Case[] All =
    [
        new Case("not json", "POST", Forms, Raw("{ not json"), null),
        new Case("empty body", "POST", Forms, Raw(""), null),
        new Case("null body", "POST", Forms, Raw("null"), null),
        new Case("array body", "POST", Forms, Raw("[]"), null),
        new Case("string body", "POST", Forms, Raw("\"表单\""), null),
        new Case("truncated", "POST", Forms, body => body.ToJsonString()[..40], null),
        new Case("deep nesting", "POST", Forms, Raw("{\"form\":" + new string('[', 200) + new string(']', 200) + "}"), null),
        new Case("organisation as text", "POST", Forms, Set("organisationId", "abc"), "organisationId"),
        new Case("year -5", "POST", Forms, Set("fiscalYear", -5), "fiscalYear"),
        new Case("year over int", "POST", Forms, Number("fiscalYear", "99999999999"), "fiscalYear"),
        new Case("year 1e309", "POST", Forms, Number("fiscalYear", "1e309"), "fiscalYear"),
        new Case("form null", "POST", Forms, Set("form", null), "form"),
        new Case("form missing", "POST", Forms, Remove("form"), "form"),
        new Case("form is a number", "POST", Forms, Set("form", 5), "form"),
        new Case("kind 99", "POST", Forms, Set("form.kind", 99), "form.kind"),
        new Case("kind -1", "POST", Forms, Set("form.kind", -1), "form.kind"),
        new Case("kind unknown name", "POST", Forms, Set("form.kind", "Bogus"), "form.kind"),
        new Case("form year -5", "POST", Forms, Set("form.year", -5), "form.year"),
        new Case("form year 3000", "POST", Forms, Set("form.year", 3000), "form.year"),
        new Case("money unit 7", "POST", Forms, Set("form.moneyUnit", 7), "form.moneyUnit"),
        new Case("money unit dollar", "POST", Forms, Set("form.moneyUnit", "Dollar"), "form.moneyUnit"),
        new Case("funds null", "POST", Forms, Set("form.funds", null), "form.funds"),
        new Case("indicators null", "POST", Forms, Set("form.indicators", null), "form.indicators"),
        new Case("basic data null", "POST", Forms, Set("form.basicData", null), "form.basicData"),
        new Case("reading notes null", "POST", Forms, Set("form.readingNotes", null), "form.readingNotes"),
        new Case("funds with a null row", "POST", Forms, Set("form.funds", new JsonArray((JsonNode?)null)), "form.funds[0]"),
        new Case("indicators with a null row", "POST", Forms, Set("form.indicators", new JsonArray((JsonNode?)null)), "form.indicators[0]"),
        new Case("reading notes with null", "POST", Forms, Set("form.readingNotes", new JsonArray((JsonNode?)null)), "form.readingNotes[0]"),
        new Case("funds an object", "POST", Forms, Set("form.funds", new JsonObject()), "form.funds"),
        new Case("negative budget", "POST", Forms, Set("form.funds[0].budget", -1), "form.funds[0].budget"),
        new Case("budget 1e309", "POST", Forms, Number("form.funds[0].budget", "1e309"), "form.funds[0].budget"),
        new Case("budget 1e20", "POST", Forms, Number("form.funds[0].budget", "1e20"), "form.funds[0].budget"),
        new Case("executed decimal max", "POST", Forms, Number("form.funds[0].executed", "79228162514264337593543950335"), "form.funds[0].executed"),
        new Case("executed as words", "POST", Forms, Set("form.funds[0].executed", "很多"), "form.funds[0].executed"),
        new Case("negative transfer", "POST", Forms, Set("form.funds[0].transfer", -0.01m), "form.funds[0].transfer"),
        new Case("weight 7.9e28", "POST", Forms, Number("form.funds[0].weight", "7.9e28"), "form.funds[0].weight"),
        new Case("negative weight", "POST", Forms, Set("form.funds[0].weight", -3), "form.funds[0].weight"),
        new Case("score a million", "POST", Forms, Set("form.funds[0].statedScore", 1_000_000), "form.funds[0].statedScore"),
        new Case("rate decimals 99", "POST", Forms, Set("form.funds[0].statedRate.decimals", 99), "form.funds[0].statedRate.decimals"),
        new Case("rate decimals -1", "POST", Forms, Set("form.funds[0].statedRate.decimals", -1), "form.funds[0].statedRate.decimals"),
        new Case("rate fraction negative", "POST", Forms, Set("form.funds[0].statedRate.fraction", -0.5m), "form.funds[0].statedRate.fraction"),
        new Case("rate fraction 1e29", "POST", Forms, Number("form.funds[0].statedRate.fraction", "1e29"), "form.funds[0].statedRate.fraction"),
        new Case("funds role 42", "POST", Forms, Set("form.funds[0].role", 42), "form.funds[0].role"),
        new Case("funds label null", "POST", Forms, Set("form.funds[0].label", null), "form.funds[0].label"),
        new Case("funds label 10000 characters", "POST", Forms, Set("form.funds[0].label", Long), "form.funds[0].label"),
        new Case("monitoring months 13", "POST", Forms, Set("form.monitoringMonths", 13), "form.monitoringMonths"),
        new Case("monitoring months 0", "POST", Forms, Set("form.monitoringMonths", 0), "form.monitoringMonths"),
        new Case("title 10000 characters", "POST", Forms, Set("form.title", Long), "form.title"),
        new Case("project name 10000 characters", "POST", Forms, Set("form.project", Long), "form.project"),
        new Case("unit name 201 characters", "POST", Forms, Set("form.unit", new string('单', 201)), "form.unit"),
        new Case("grade 21 characters", "POST", Forms, Set("form.statedGrade", new string('优', 21)), "form.statedGrade"),
        new Case("filler 101 characters", "POST", Forms, Set("form.filler", new string('填', 101)), "form.filler"),
        new Case("report text over half a million", "POST", Forms, Set("form.text", new string('文', 500_001)), "form.text"),
        new Case("stated total 1e309", "POST", Forms, Number("form.statedTotal", "1e309"), "form.statedTotal"),
        new Case("weight total 7.9e28", "POST", Forms, Number("form.statedWeightTotal", "7.9e28"), "form.statedWeightTotal"),
        new Case("indicator weight 7.9e28", "POST", Forms, Number("form.indicators[0].weight", "7.9e28"), "form.indicators[0].weight"),
        new Case("indicator causes 64", "POST", Forms, Set("form.indicators[0].causes", 64), "form.indicators[0].causes"),
        new Case("indicator causes unknown name", "POST", Forms, Set("form.indicators[0].causes", "Funding, Nonsense"), "form.indicators[0].causes"),
        new Case("indicator likelihood 9", "POST", Forms, Set("form.indicators[0].likelihood", 9), "form.indicators[0].likelihood"),
        new Case("indicator name 10000 characters", "POST", Forms, Set("form.indicators[0].name", Long), "form.indicators[0].name"),
        new Case("indicator score negative", "POST", Forms, Set("form.indicators[0].statedScore", -1), "form.indicators[0].statedScore"),
        new Case("staffing negative", "POST", Forms, Set("form.staffing", new JsonObject { ["authorized"] = -1 }), "form.staffing.authorized"),
        new Case("staffing rate decimals 7", "POST", Forms, Set("form.staffing", new JsonObject { ["statedControlRate"] = new JsonObject { ["fraction"] = 1, ["decimals"] = 7 } }), "form.staffing.statedControlRate.decimals"),
        new Case("basic data depth -1", "POST", Forms, Set("form.basicData", new JsonArray(new JsonObject { ["label"] = "三公经费", ["depth"] = -1 })), "form.basicData[0].depth"),
        new Case("basic data negative budget", "POST", Forms, Set("form.basicData", new JsonArray(new JsonObject { ["label"] = "三公经费", ["budget"] = -5 })), "form.basicData[0].budget"),
        new Case("source row negative", "POST", Forms, Set("form.source", new JsonObject { ["row"] = -1 }), "form.source.row"),
        new Case("2001 funds rows", "POST", Forms, Set("form.funds", new JsonArray(Enumerable.Range(0, 2001).Select(_ => (JsonNode?)new JsonObject { ["label"] = "行" }).ToArray())), "form.funds"),

        new Case("save: revision as text", "PUT", Form, Set("revision", "x"), "revision"),
        new Case("save: revision 1e309", "PUT", Form, Number("revision", "1e309"), "revision"),
        new Case("save: kind 99", "PUT", Form, Set("form.kind", 99), "form.kind"),
        new Case("save: funds null", "PUT", Form, Set("form.funds", null), "form.funds"),
        new Case("save: negative budget", "PUT", Form, Set("form.funds[0].budget", -250000), "form.funds[0].budget"),
        new Case("save: unknown form", "PUT", "/api/v1/forms/999999", body => body, null, HttpStatusCode.NotFound),
        new Case("submit: justification null", "POST", Form + "/submit", body => new JsonObject { ["revision"] = 1, ["justifications"] = new JsonObject { ["E@x"] = null } }, "justifications"),
        new Case("submit: justifications a string", "POST", Form + "/submit", body => new JsonObject { ["revision"] = 1, ["justifications"] = "理由" }, "justifications"),
        new Case("return: reason 30000 characters", "POST", Form + "/return", body => new JsonObject { ["reason"] = new string('因', 30_000) }, "reason"),

        new Case("project: code 65 characters", "POST", "/api/v1/projects", body => Project(p => p["code"] = new string('A', 65)), "code"),
        new Case("project: name null", "POST", "/api/v1/projects", body => Project(p => p["name"] = null), "name"),
        new Case("project: negative budget", "POST", "/api/v1/projects", body => Project(p => p["budgetYuan"] = -1), "budgetYuan"),
        new Case("project: year 1e309", "POST", "/api/v1/projects", body => Project(p => p["fiscalYear"] = "__N__").ToJsonString().Replace("\"__N__\"", "1e309", StringComparison.Ordinal), "fiscalYear"),
        new Case("organisation: kind 99", "POST", "/api/v1/organisations", body => new JsonObject { ["parentId"] = 1, ["code"] = "X1", ["name"] = "新单位", ["kind"] = 99 }, "kind"),
        new Case("organisation: empty code", "POST", "/api/v1/organisations", body => new JsonObject { ["parentId"] = 1, ["code"] = "", ["name"] = "新单位", ["kind"] = "Unit" }, "code"),
        new Case("organisation: name 201 characters", "POST", "/api/v1/organisations", body => new JsonObject { ["parentId"] = 1, ["code"] = "X2", ["name"] = new string('名', 201), ["kind"] = "Unit" }, "name"),
        new Case("token: zero days", "POST", "/api/v1/tokens", body => new JsonObject { ["name"] = "对接", ["expiresInDays"] = 0 }, "expiresInDays"),
        new Case("token: name 101 characters", "POST", "/api/v1/tokens", body => new JsonObject { ["name"] = new string('令', 101) }, "name"),
        new Case("user: role null", "POST", "/api/v1/users", body => new JsonObject { ["userName"] = "new-user", ["displayName"] = "新人", ["password"] = "Xq-7-long-pass!", ["role"] = null, ["organisationId"] = 1 }, "role"),
        new Case("user: name 10000 characters", "POST", "/api/v1/users", body => new JsonObject { ["userName"] = Long, ["displayName"] = "新人", ["password"] = "Xq-7-long-pass!", ["role"] = "单位填报", ["organisationId"] = 1 }, "userName"),
        new Case("import: a null form", "POST", "/api/v1/imports", body => new JsonObject { ["organisationId"] = 1, ["forms"] = new JsonArray((JsonNode?)null) }, "forms[0]"),
        new Case("import: kind 99", "POST", "/api/v1/imports", body => new JsonObject { ["organisationId"] = 1, ["forms"] = new JsonArray(Set("kind", 99)(FormBody()) as JsonNode) }, "forms[0].kind"),
        new Case("import: year -5", "POST", "/api/v1/imports", body => new JsonObject { ["organisationId"] = 1, ["fiscalYear"] = -5, ["forms"] = new JsonArray(FormBody()) }, "fiscalYear"),
        new Case("list: page as words", "GET", "/api/v1/forms?page=abc", body => null, null),
        new Case("list: year 1e309", "GET", "/api/v1/forms?year=1e309", body => null, null),
    ];

    private static JsonObject FormBody() => JsonSerializer.SerializeToNode(Tests.Forms.Project("坏输入"), Json.Options)!.AsObject();

    private static JsonObject Project(Action<JsonObject> change)
    {
        var project = new JsonObject { ["organisationId"] = 1, ["fiscalYear"] = 2020, ["code"] = "P-BAD", ["name"] = "坏输入项目", ["budgetYuan"] = 1000 };
        change(project);
        return project;
    }

    public static TheoryData<string> Cases() => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_is_answered_in_chinese_with_where_and_never_500(string name)
    {
        var bad = All.Single(c => c.Name == name);
        var form = (int)await Host.Shared.GetOrAdd("form", async _ => await Draft("坏输入的目标"));
        var body = new JsonObject
        {
            ["organisationId"] = Host.World.Id("LY"), ["fiscalYear"] = 2020, ["revision"] = await Revision(form, "unit"),
            ["form"] = FormBody(),
        };
        var content = bad.Change(body) switch
        {
            null => null,
            string raw => raw,
            JsonNode node => node.ToJsonString(),
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
        var person = bad.Url.StartsWith("/api/v1/organisations", StringComparison.Ordinal) || bad.Url.StartsWith("/api/v1/users", StringComparison.Ordinal)
            ? "admin" : bad.Url.EndsWith("/return", StringComparison.Ordinal) ? "department" : "unit";
        var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Url.Replace("{form}", form.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            Content = content is null ? null : new StringContent(content, Encoding.UTF8, "application/json"),
        };

        var response = await Host.Client(person).SendAsync(request);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(bad.Status == response.StatusCode, $"expected {(int)bad.Status}, got {(int)response.StatusCode}: {text[..Math.Min(text.Length, 2000)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!;
        Assert.Matches("[\u4e00-\u9fff]", (string?)problem["title"]);
        var detail = (string?)problem["detail"] ?? "";
        Assert.Matches("[\u4e00-\u9fff]", detail);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        if (bad.Where is { } where) Assert.Contains("$." + where, detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_suite_sends_at_least_sixty_bad_requests() => Assert.True(All.Length >= 60, $"{All.Length} cases");
}
