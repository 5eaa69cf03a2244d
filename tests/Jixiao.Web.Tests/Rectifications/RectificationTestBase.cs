using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.Rectifications;

/// <summary>Submitted forms, items raised on them and evidence uploaded, all through the API as the people of the world would.</summary>
public abstract class RectificationTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    protected static readonly Dictionary<string, string> FillerOf = new(StringComparer.Ordinal)
    {
        ["LY"] = "unit", ["WC"] = "wangcheng", ["YZ"] = "school", ["B-U"] = "other-unit",
    };

    protected DateOnly Today => DateOnly.FromDateTime(Host.Clock.GetUtcNow().UtcDateTime);

    protected static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A project self-evaluation of <paramref name="organisation"/>, submitted by its filler.</summary>
    protected async Task<int> SubmittedForm(string organisation, string project) =>
        await FormIn(FormStatus.Submitted, project, FillerOf[organisation], organisation);

    protected Task<HttpResponseMessage> RaiseOn(string reviewer, int formId, string what = "满意度调查依据不足，请补充调查问卷和统计表。", DateOnly? deadline = null,
        string source = "Comment", int? transitionId = null, int? findingPosition = null) =>
        Host.Client(reviewer).Send(HttpMethod.Post, "/api/v1/rectifications",
            new { formId, source, what, deadline = Date(deadline ?? Today.AddDays(30)), transitionId, findingPosition });

    protected async Task<int> Raised(string reviewer, int formId, string what = "满意度调查依据不足，请补充调查问卷和统计表。", DateOnly? deadline = null) =>
        (int)(await Expect(HttpStatusCode.Created, await RaiseOn(reviewer, formId, what, deadline)))["id"]!;

    protected Task<HttpResponseMessage> Step(string person, int item, string step, string? note = null) =>
        Host.Client(person).Send(HttpMethod.Post, $"/api/v1/rectifications/{item}/{step}", new { note });

    protected Task<HttpResponseMessage> Upload(string person, int item, string name, byte[] content)
    {
        var body = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        body.Add(file, "files", name);
        return Host.Client(person).PostAsync($"/api/v1/rectifications/{item}/evidence", body);
    }

    protected static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    protected async Task<JsonNode> Item(string person, int item) =>
        await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync($"/api/v1/rectifications/{item}"));

    protected async Task<JsonArray> Items(string person, string url) =>
        (await Expect(HttpStatusCode.OK, await Host.Client(person).GetAsync(url)))["items"]!.AsArray();
}
