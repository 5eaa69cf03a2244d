using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jixiao.Core.Checks;
using Jixiao.Core.Forms;

namespace Jixiao.Data.Forms;

/// <summary>The JSON of version snapshots: readable Chinese, enums by name, lists filled into the form's get-only lists.</summary>
public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // PerformanceForm exposes its blocks as get-only lists; they are filled, not replaced.
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(PerformanceForm form) => JsonSerializer.Serialize(form, Options);

    public static PerformanceForm Deserialize(string json) =>
        JsonSerializer.Deserialize<PerformanceForm>(json, Options) ?? throw new JsonException("表单快照为空。");

    public static string SerializeFindings(IReadOnlyList<Finding> findings) => JsonSerializer.Serialize(findings, Options);

    public static IReadOnlyList<Finding> DeserializeFindings(string json) =>
        JsonSerializer.Deserialize<List<Finding>>(json, Options) ?? [];
}
