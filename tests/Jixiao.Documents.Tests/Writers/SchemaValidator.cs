using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>
/// Validates JSON against the subset of JSON Schema 2020-12 that docs/open-data.schema.json uses: type, const, enum,
/// properties, required, additionalProperties: false, items, anyOf, local $ref into $defs, pattern, minimum,
/// minLength. A keyword outside that subset is reported as an error, so the schema cannot silently outgrow the check.
/// </summary>
internal sealed class SchemaValidator(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "title", "description", "type", "const", "enum", "properties", "required",
        "additionalProperties", "items", "anyOf", "$ref", "pattern", "minimum", "minLength",
    ];

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
            if (!Known.Contains(keyword.Name)) errors.Add($"{path}: schema keyword '{keyword.Name}' is not supported by the test validator");

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            if (!name.StartsWith("#/$defs/", StringComparison.Ordinal)) { errors.Add($"{path}: only local $defs references are supported"); return; }
            Check(root.GetProperty("$defs").GetProperty(name["#/$defs/".Length..]), value, path, errors);
        }
        if (schema.TryGetProperty("anyOf", out var anyOf))
        {
            if (!anyOf.EnumerateArray().Any(option => { var e = new List<string>(); Check(option, value, path, e); return e.Count == 0; }))
                errors.Add($"{path}: matches none of anyOf");
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!types.Any(t => IsType(value, t))) errors.Add($"{path}: expected {string.Join("|", types)}, got {value.ValueKind}");
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: expected {constant.GetRawText()}");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value.GetRawText()} is not one of {options.GetRawText()}");
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
                errors.Add($"{path}: '{text}' does not match {pattern.GetString()}");
            if (schema.TryGetProperty("minLength", out var minLength) && new StringInfo(text).LengthInTextElements < minLength.GetInt32())
                errors.Add($"{path}: shorter than {minLength.GetInt32()}");
        }
        if (value.ValueKind == JsonValueKind.Number && schema.TryGetProperty("minimum", out var minimum) && value.GetDecimal() < minimum.GetDecimal())
            errors.Add($"{path}: below {minimum.GetDecimal()}");
        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            if (schema.TryGetProperty("required", out var required))
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: missing '{name}'");
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                    Check(propertySchema, property.Value, path + "." + property.Name, errors);
                else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False)
                    errors.Add($"{path}: unexpected property '{property.Name}'");
            }
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{i++}]", errors);
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.GetDecimal() == decimal.Truncate(value.GetDecimal()),
        _ => false,
    };
}
