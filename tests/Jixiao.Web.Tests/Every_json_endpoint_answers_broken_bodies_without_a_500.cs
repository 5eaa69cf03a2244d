using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jixiao.Web.Features.Contracts;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// Every endpoint of the API that takes a JSON body, found from the app's own routing (an endpoint added later is covered
/// without touching this test), gets its body broken at every property: wrong types, null, missing, numbers beyond int
/// and decimal (7.9e28, 1e309), negative and zero, ids of nothing and of another city's unit and form, text and lists
/// over any length; and its path ids of nothing, of another city's form, zero and negative. None may answer 500 (nor log
/// an unhandled exception, see LoggedErrors); every 400 is problem+json in Chinese.
/// </summary>
public sealed class Every_json_endpoint_answers_broken_bodies_without_a_500(SqliteHost host) : ApiTestBase<SqliteHost>(host)
{
    private sealed record Target(string Method, string Route, Type Body);

    /// <summary>Ids a body can name: a draft of LY's, a form of 乙市's unit, LY itself and 乙市's unit.</summary>
    private sealed record Ids(int Form, int OtherForm, int Unit, int OtherUnit);

    private static readonly string[] People = ["unit", "department", "finance", "admin", "evaluator"];

    private static readonly Regex RouteParameter = new(@"\{(?<name>\w+)(?<policy>:[^}]*)?\}");

    [Fact]
    public async Task No_broken_body_and_no_foreign_id_gets_a_500()
    {
        var targets = Targets();
        var ids = new Ids(await Draft("请求体模糊测试"), await Draft("乙市的表", "other-unit", "B-U"), Host.World.Id("LY"), Host.World.Id("B-U"));
        var failures = new List<string>();
        var sent = 0;
        // A wrong current password counts against the person's sign-in: that endpoint goes last.
        foreach (var target in targets.OrderBy(t => t.Route.EndsWith("/password", StringComparison.Ordinal)).ThenBy(t => t.Route, StringComparer.Ordinal).ThenBy(t => t.Method, StringComparer.Ordinal))
        {
            var schema = ContractSchema.Generate(target.Body, "request");
            var valid = Sample(schema, schema, "", ids, depth: 0) as JsonObject ?? new JsonObject();
            var person = await Choose(target, valid, ids);
            var requests = Mutations(valid, schema, ids).Select(m => (m.What, Url(target.Route, _ => null, ids), m.Body))
                .Concat(PathVariants(target.Route, ids).Select(p => (p.What, p.Url, (string?)valid.ToJsonString())));
            var statuses = new SortedDictionary<int, int>();
            foreach (var (what, url, body) in requests)
            {
                sent++;
                var (status, problem) = await Send(person, target.Method, url, body);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (problem is not null) failures.Add($"{target.Method} {url} as {person}, {what}: {problem}");
            }
            TestContext.Current.TestOutputHelper?.WriteLine($"{target.Method} {target.Route} as {person}: " + string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}")));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{targets.Count} endpoints, {sent} requests, {failures.Count} answered badly");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered badly:\n" + string.Join("\n", failures.Take(40)));
        Assert.True(targets.Count >= 40, $"only {targets.Count} endpoints with a JSON body found");
        Assert.True(sent >= 2_000, $"only {sent} requests sent");
    }

    /// <summary>POST, PUT and PATCH endpoints under /api/v1 that read a JSON body, from the routing table.</summary>
    private List<Target> Targets() =>
    [
        .. Host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT" or "PATCH")
                .Select(m => (Method: m, Endpoint: e)))
            .Select(x => (x.Method, x.Endpoint, Accepts: x.Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>()
                .FirstOrDefault(a => a.RequestType is not null && a.ContentTypes.Any(c => c.Contains("json", StringComparison.Ordinal)))))
            .Where(x => x.Accepts is not null)
            .Select(x => new Target(x.Method, x.Endpoint.RoutePattern.RawText!, x.Accepts!.RequestType!)),
    ];

    /// <summary>
    /// Whoever of the people gets furthest with the valid body — accepted, else a conflict (it reached the data), else a
    /// refused body, else not found — so that the broken bodies reach past the role checks; the administrator otherwise.
    /// </summary>
    private async Task<string> Choose(Target target, JsonObject valid, Ids ids)
    {
        var best = (Person: "admin", Rank: int.MaxValue);
        foreach (var person in People)
        {
            var response = await Host.Client(person).SendAsync(Request(target.Method, Url(target.Route, _ => null, ids), valid.ToJsonString()));
            var rank = (int)response.StatusCode switch
            {
                < 300 => 0,
                409 => 1,
                400 or 422 => 2,
                404 => 3,
                _ => int.MaxValue,
            };
            if (rank < best.Rank) best = (person, rank);
        }
        return best.Person;
    }

    private async Task<(int Status, string? Problem)> Send(string person, string method, string url, string? body)
    {
        var response = await Host.Client(person).SendAsync(Request(method, url, body));
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status >= 500) return (status, $"{status}: {Cut(text)}");
        if (response.StatusCode != HttpStatusCode.BadRequest) return (status, null);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return (status, $"400 as {response.Content.Headers.ContentType?.MediaType}: {Cut(text)}");
        var problem = JsonNode.Parse(text);
        var words = $"{problem?["title"]} {problem?["detail"]}";
        return (status, Regex.IsMatch(words, "[\u4e00-\u9fff]") && !text.Contains("   at ", StringComparison.Ordinal) ? null : $"400 without a Chinese message: {Cut(text)}");
    }

    private static string Cut(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private static HttpRequestMessage Request(string method, string url, string? body) => new(new HttpMethod(method), url)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };

    /// <summary>The route with its parameters filled: ids are the LY draft unless <paramref name="id"/> says otherwise.</summary>
    private static string Url(string route, Func<string, string?> id, Ids ids) => RouteParameter.Replace(route, m =>
    {
        var name = m.Groups["name"].Value;
        var isInt = m.Groups["policy"].Value.Contains("int", StringComparison.Ordinal);
        return name switch
        {
            "year" => "2020",
            "format" => "csv",
            _ when isInt => id(name) ?? ids.Form.ToString(CultureInfo.InvariantCulture),
            _ => id(name) ?? "no-such-id",
        };
    });

    private static IEnumerable<(string What, string Url)> PathVariants(string route, Ids ids)
    {
        foreach (Match m in RouteParameter.Matches(route))
        {
            var name = m.Groups["name"].Value;
            if (name is "year" or "format") continue;
            foreach (var value in new[] { "999999", ids.OtherForm.ToString(CultureInfo.InvariantCulture), "0", "-1", "2147483647" })
                yield return ($"path {name} = {value}", Url(route, n => n == name ? value : null, ids));
        }
    }

    /// <summary>A body the schema allows, with ids that exist where a name says what they are.</summary>
    private static JsonNode? Sample(JsonNode root, JsonNode schema, string name, Ids ids, int depth)
    {
        if (schema["$ref"] is JsonValue reference) schema = Resolve(root, reference.GetValue<string>());
        var types = Types(schema);
        if (schema["enum"] is JsonArray choices) return choices.FirstOrDefault(c => c is not null)?.DeepClone();
        var lower = name.ToLowerInvariant();
        if (types.Contains("object") && depth < 6)
        {
            var body = new JsonObject();
            if (schema["properties"] is JsonObject properties)
                foreach (var (key, property) in properties)
                    body[key] = Sample(root, property!, key, ids, depth + 1);
            return body;
        }
        if (types.Contains("array"))
            return schema["items"] is JsonNode items && depth < 6 ? new JsonArray(Sample(root, items, name.TrimEnd('s'), ids, depth + 1)) : new JsonArray();
        if (types.Contains("integer") || types.Contains("number"))
        {
            if (lower.EndsWith("year", StringComparison.Ordinal)) return 2020;
            if (lower is "organisationid" or "unitid") return ids.Unit;
            if (lower.EndsWith("id", StringComparison.Ordinal) || lower == "ids" || lower == "formid") return ids.Form;
            if (schema["minimum"] is JsonValue min && min.GetValue<decimal>() > 1) return min.DeepClone();
            return 1;
        }
        if (types.Contains("boolean")) return false;
        if (types.Contains("string"))
        {
            if ((string?)schema["format"] == "date") return "2021-06-30";
            if ((string?)schema["format"] == "date-time") return "2021-03-15T01:30:00Z";
            if (schema["pattern"] is JsonValue && lower.Contains("cause", StringComparison.Ordinal)) return null;
            return lower.Contains("password", StringComparison.Ordinal) ? "Xq-7-long-pass!" : "模糊测试";
        }
        return null;
    }

    private static JsonNode Resolve(JsonNode root, string pointer)
    {
        var node = root;
        foreach (var part in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            node = node[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)]!;
        return node;
    }

    private static HashSet<string> Types(JsonNode schema) => schema["type"] switch
    {
        JsonArray many => [.. many.Select(t => (string)t!)],
        JsonValue one => [(string)one!],
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    // Literals JsonNode cannot hold are spliced into the text as a client would send them.
    private const string Literal = "\"__LITERAL__\"";

    private static readonly string[] HugeNumbers = ["7.9e28", "1e309", "-1e309", "79228162514264337593543950336", "2147483648", "-2147483649", "1" + new string('0', 400)];

    /// <summary>The valid body broken one way at a time: whole-body breakage, then each property (two levels deep, and the first item of each list).</summary>
    private static IEnumerable<(string What, string? Body)> Mutations(JsonObject valid, JsonNode schema, Ids ids)
    {
        yield return ("no body", null);
        yield return ("empty body", "");
        yield return ("not json", "{ \"a\": ");
        yield return ("null body", "null");
        yield return ("array body", "[]");
        yield return ("number body", "5");
        yield return ("deep nesting", new string('[', 5_000) + new string(']', 5_000));
        yield return ("unknown property", Changed(valid, b => b["不存在的字段"] = new string('字', 1_000)));
        foreach (var (path, node) in Leaves(valid, "", depth: 0))
        {
            yield return ($"{path} missing", Changed(valid, b => Parent(b, path, out var key).Remove(key)));
            yield return ($"{path} null", Changed(valid, b => Parent(b, path, out var key)[key] = null));
            yield return ($"{path} an object", Changed(valid, b => Parent(b, path, out var key)[key] = new JsonObject()));
            yield return ($"{path} a list", Changed(valid, b => Parent(b, path, out var key)[key] = new JsonArray()));
            switch (node)
            {
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number:
                    foreach (var literal in HugeNumbers)
                        yield return ($"{path} {literal[..Math.Min(literal.Length, 12)]}", Changed(valid, b => Parent(b, path, out var key)[key] = "__LITERAL__").Replace(Literal, literal, StringComparison.Ordinal));
                    foreach (var number in new decimal[] { -1, 0, 999_999, 1.5m, ids.OtherForm, ids.OtherUnit })
                        yield return ($"{path} {number}", Changed(valid, b => Parent(b, path, out var key)[key] = number));
                    yield return ($"{path} as words", Changed(valid, b => Parent(b, path, out var key)[key] = "很多"));
                    yield return ($"{path} true", Changed(valid, b => Parent(b, path, out var key)[key] = true));
                    break;
                case JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String:
                    foreach (var text in new[] { "", " ", new string('长', 10_000), "\u0000", "=HYPERLINK(\"http://x\",\"y\")", "2021-02-30", "0001-01-01", "9999-12-31", "Bogus", "９６" })
                        yield return ($"{path} \"{text[..Math.Min(text.Length, 12)]}\"", Changed(valid, b => Parent(b, path, out var key)[key] = text));
                    yield return ($"{path} 99", Changed(valid, b => Parent(b, path, out var key)[key] = 99));
                    yield return ($"{path} -1", Changed(valid, b => Parent(b, path, out var key)[key] = -1));
                    break;
                case JsonValue v when v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False:
                    yield return ($"{path} \"yes\"", Changed(valid, b => Parent(b, path, out var key)[key] = "yes"));
                    yield return ($"{path} 2", Changed(valid, b => Parent(b, path, out var key)[key] = 2));
                    break;
                case JsonArray list:
                    yield return ($"{path} [null]", Changed(valid, b => Parent(b, path, out var key)[key] = new JsonArray((JsonNode?)null)));
                    yield return ($"{path} a string", Changed(valid, b => Parent(b, path, out var key)[key] = "列表"));
                    var item = list.FirstOrDefault()?.ToJsonString() ?? "1";
                    yield return ($"{path} 5,000 items", Changed(valid, b => Parent(b, path, out var key)[key] = "__LITERAL__")
                        .Replace(Literal, "[" + string.Join(",", Enumerable.Repeat(item, 5_000)) + "]", StringComparison.Ordinal));
                    break;
            }
        }
    }

    /// <summary>Each property's path ("a.b", "a[0].c") and value, to <paramref name="depth"/> 2 below the body.</summary>
    private static IEnumerable<(string Path, JsonNode? Node)> Leaves(JsonNode node, string path, int depth)
    {
        if (node is JsonObject obj)
            foreach (var (key, value) in obj)
            {
                var at = path.Length == 0 ? key : $"{path}.{key}";
                yield return (at, value);
                if (depth < 2 && value is not null)
                    foreach (var inner in Leaves(value, at, depth + 1)) yield return inner;
            }
        else if (node is JsonArray { Count: > 0 } list && list[0] is JsonObject first && depth < 2)
            foreach (var inner in Leaves(first, path + "[0]", depth + 1)) yield return inner;
    }

    private static string Changed(JsonObject valid, Action<JsonObject> change)
    {
        var copy = (JsonObject)valid.DeepClone();
        change(copy);
        return copy.ToJsonString();
    }

    /// <summary>The object holding the property at <paramref name="path"/>, and the property's name.</summary>
    private static JsonObject Parent(JsonObject body, string path, out string key)
    {
        var parts = path.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
            node = part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!;
        key = parts[^1];
        if (key.EndsWith("[0]", StringComparison.Ordinal)) throw new InvalidOperationException(path);
        return node.AsObject();
    }
}
