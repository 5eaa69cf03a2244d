using System.Text.Json;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>docs/check-output.schema.json documents what the command prints: every key it requires is there.</summary>
public sealed class OutputSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "check-output.schema.json"))).RootElement;

    private static string[] Required(string definition) =>
        Schema.GetProperty("$defs").GetProperty(definition).GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static void HasKeys(JsonElement element, string definition)
    {
        var keys = element.EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.All(Required(definition), k => Assert.Contains(k, keys));
        Assert.All(keys, k => Assert.True(Schema.GetProperty("$defs").GetProperty(definition).GetProperty("properties").TryGetProperty(k, out _), $"{definition}.{k} is not documented"));
    }

    [Fact]
    public void Every_key_the_seeds_produce_is_documented_and_every_documented_key_is_produced()
    {
        var output = CliRun.Run("check", RepoPaths.Seeds, "--format", "json").Json;
        var forms = 0;
        foreach (var file in output.GetProperty("files").EnumerateArray())
        {
            HasKeys(file, "file");
            foreach (var form in file.GetProperty("forms").EnumerateArray())
            {
                forms++;
                HasKeys(form, "form");
                foreach (var funds in form.GetProperty("funds").EnumerateArray()) HasKeys(funds, "funds");
                foreach (var row in form.GetProperty("indicators").EnumerateArray())
                {
                    HasKeys(row, "indicator");
                    if (row.GetProperty("source").ValueKind == JsonValueKind.Object) HasKeys(row.GetProperty("source"), "source");
                }
            }
        }
        Assert.Equal(14, forms);
    }
}
