using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Jixiao.Web.Features.Contracts;

/// <summary>
/// The JSON Schema of a contract type, made from the type and the same annotations <see cref="ContractValidation"/>
/// checks. docs/form-v1.schema.json is this for <see cref="FormV1"/>; a test keeps the two equal.
/// </summary>
public static class ContractSchema
{
    /// <summary>The API's own reading of JSON (web defaults, enums by name), so the schema says what the endpoints accept.</summary>
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static JsonNode Generate(Type contract, string id)
    {
        var schema = Wire.GetJsonSchemaAsNode(contract, new JsonSchemaExporterOptions { TransformSchemaNode = Annotate });
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = id,
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            root[key] = value;
        }
        // A body is an object; the endpoints refuse a null one.
        root["type"] = "object";
        return root;
    }

    public static string Text(Type contract, string id) =>
        Generate(contract, id).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    private static JsonNode Annotate(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node) return schema;
        var type = context.TypeInfo.Type;
        if (type.IsEnum || Nullable.GetUnderlyingType(type) is { IsEnum: true }) Enumerate(Nullable.GetUnderlyingType(type) ?? type, node);
        if (context.PropertyInfo?.AttributeProvider is not ICustomAttributeProvider member) return node;

        var attributes = member.GetCustomAttributes(inherit: true);
        foreach (var attribute in attributes)
        {
            switch (attribute)
            {
                case DescriptionAttribute d:
                    node["description"] = d.Description;
                    break;
                case RequiredAttribute when node["type"] is JsonArray types:
                    var notNull = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
                    node["type"] = notNull.Count == 1 ? notNull[0] : new JsonArray(notNull.Select(t => (JsonNode)t).ToArray());
                    break;
                case MinLengthAttribute m:
                    node["minLength"] = m.Length;
                    break;
                case MaxLengthAttribute m:
                    node[IsArray(node) ? "maxItems" : "maxLength"] = m.Length;
                    break;
                case EachMaxLengthAttribute e when node["items"] is JsonObject items:
                    items["maxLength"] = e.Length;
                    break;
                case EachMaxLengthAttribute e when node["additionalProperties"] is JsonObject values:
                    values["maxLength"] = e.Length;
                    break;
                case RangeAttribute r:
                    node["minimum"] = JsonValue.Create(Convert.ToDecimal(r.Minimum, System.Globalization.CultureInfo.InvariantCulture));
                    node["maximum"] = JsonValue.Create(Convert.ToDecimal(r.Maximum, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        return node;
    }

    private static bool IsArray(JsonObject node) =>
        node["type"] is JsonValue v ? v.GetValue<string>() == "array" : node["type"] is JsonArray a && a.Any(t => t!.GetValue<string>() == "array");

    // Enums travel by name; a [Flags] enum as names joined by ", " ("Funding, Rules").
    private static void Enumerate(Type type, JsonObject node)
    {
        var names = Enum.GetNames(type);
        var nullable = node["type"] is JsonArray t && t.Any(x => x!.GetValue<string>() == "null")
                       || node["enum"] is JsonArray e && e.Any(x => x is null);
        node.Remove("enum");
        if (type.GetCustomAttribute<FlagsAttribute>() is not null)
        {
            var one = "(" + string.Join("|", names) + ")";
            node["type"] = nullable ? new JsonArray("string", "null") : "string";
            node["pattern"] = $"^{one}(, {one})*$";
            return;
        }
        var values = new JsonArray(names.Select(n => (JsonNode?)n).ToArray());
        if (nullable) values.Add(null);
        node["type"] = nullable ? new JsonArray("string", "null") : "string";
        node["enum"] = values;
    }
}
