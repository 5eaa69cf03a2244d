using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Jixiao.Tests;
using Jixiao.Web.Features.Contracts;
using Json.Schema;

namespace Jixiao.Web.Tests;

/// <summary>
/// docs/form-v1.schema.json is the published contract of a form on the API: it is what the code generates (set
/// JIXIAO_WRITE_SCHEMA=1 to rewrite it), real requests pass it, and what the API refuses it refuses too.
/// </summary>
public sealed class FormContractSchemaTests
{
    private static readonly string Committed = Path.Combine(RepoPaths.Root, "docs", "form-v1.schema.json");

    private const string Id = "https://jixiao.example/schemas/form-v1.schema.json";

    // Parsed once: the library registers a schema under its $id and refuses a second registration.
    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromText(File.ReadAllText(Committed)));

    private static JsonSchema Schema() => Parsed.Value;

    private static JsonObject Sample() => JsonSerializer.SerializeToNode(FormV1.From(Forms.Project("数据中心运维")), Json.Options)!.AsObject();

    private static bool Valid(JsonNode node) => Schema().Evaluate(JsonDocument.Parse(node.ToJsonString()).RootElement).IsValid;

    [Fact]
    public void The_committed_schema_is_the_generated_one()
    {
        var generated = ContractSchema.Text(typeof(FormV1), Id);
        if (Environment.GetEnvironmentVariable("JIXIAO_WRITE_SCHEMA") == "1") File.WriteAllText(Committed, generated);
        Assert.Equal(generated, File.ReadAllText(Committed));
    }

    [Fact]
    public void A_form_as_clients_send_it_passes_the_schema()
    {
        Assert.True(Valid(Sample()));
        var monitoring = Forms.Project("监控表");
        monitoring.Kind = FormKind.Monitoring;
        monitoring.MonitoringMonths = 6;
        monitoring.Indicators[0].Causes = DeviationCauses.Funding | DeviationCauses.Staff;
        monitoring.Indicators[0].Likelihood = CompletionLikelihood.Possible;
        monitoring.Staffing = new StaffingBlock { Authorized = 20, Actual = 19, StatedControlRate = new Percentage(0.95m, 2) };
        Assert.True(Valid(JsonSerializer.SerializeToNode(FormV1.From(monitoring), Json.Options)!));
    }

    [Theory]
    [InlineData("kind", "99")]
    [InlineData("kind", "\"Bogus\"")]
    [InlineData("year", "-5")]
    [InlineData("monitoringMonths", "13")]
    [InlineData("funds", "null")]
    [InlineData("indicators", "null")]
    public void What_the_api_refuses_the_schema_refuses(string field, string json)
    {
        var form = Sample();
        form[field] = JsonNode.Parse(json);
        Assert.False(Valid(form));
    }

    [Fact]
    public void A_title_longer_than_its_column_fails_the_schema()
    {
        var form = Sample();
        form["title"] = new string('长', 301);
        Assert.False(Valid(form));
    }

    [Theory]
    [InlineData("budget", "-1")]
    [InlineData("weight", "7.9e28")]
    [InlineData("role", "42")]
    public void A_funds_row_out_of_its_bounds_fails_the_schema(string field, string json)
    {
        var form = Sample();
        form["funds"]![0]![field] = JsonNode.Parse(json);
        Assert.False(Valid(form));
    }

    [Fact]
    public void A_stated_rate_printed_with_more_than_six_decimals_fails_the_schema()
    {
        var form = Sample();
        form["funds"]![0]!["statedRate"]!["decimals"] = 99;
        Assert.False(Valid(form));
    }
}
