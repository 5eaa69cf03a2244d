using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Data.Model;

namespace Jixiao.Web.Tests.SpotChecks;

/// <summary>Submitted self-evaluations and samples drawn from them through the API.</summary>
public abstract class SpotCheckTestBase<THost>(THost host) : ApiTestBase<THost>(host) where THost : TestHost
{
    protected static readonly Dictionary<string, string> FillerOf = new(StringComparer.Ordinal)
    {
        ["LY"] = "unit", ["WC"] = "wangcheng", ["YZ"] = "school", ["B-U"] = "other-unit",
    };

    /// <summary>A project self-evaluation of the unit, submitted; <paramref name="grade"/> is the grade it claims.</summary>
    protected async Task<int> Submitted(string organisation, string project, string? grade = null)
    {
        var form = Forms.Project(project);
        form.StatedGrade = grade;
        var id = await Draft(project, FillerOf[organisation], organisation, form);
        await Expect(HttpStatusCode.OK, await Submit(FillerOf[organisation], id));
        return id;
    }

    protected Task<HttpResponseMessage> DrawAs(string person, object request) =>
        Host.Client(person).Send(HttpMethod.Post, "/api/v1/spot-checks", request);

    protected async Task<JsonNode> Drawn(string person, object request) =>
        await Expect(HttpStatusCode.Created, await DrawAs(person, request));

    protected static List<int> FormIds(JsonNode drawn) => drawn["entries"]!.AsArray().Select(e => (int)e!["formId"]!).ToList();

    protected Task<HttpResponseMessage> RecheckAs(string person, int check, int entry, object scores, string? note = null) =>
        Host.Client(person).Send(HttpMethod.Put, $"/api/v1/spot-checks/{check}/entries/{entry}", new { scores, note });

    protected static FormStatus[] SubmittedStates => [FormStatus.Submitted];
}
