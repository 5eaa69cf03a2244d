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

    /// <summary>JSON of the current shape; stored JSON is read through <see cref="FormBody.Read(string, int)"/>, which upgrades older shapes.</summary>
    public static PerformanceForm Deserialize(string json) =>
        JsonSerializer.Deserialize<PerformanceForm>(json, Options) ?? throw new JsonException("表单快照为空。");

    /// <summary>
    /// The doubts stored in the ReadingNotes column of forms from before bodies (<see cref="LegacyForms"/>): a JSON array of records, or (stored before doubts were typed) plain
    /// notes one a line, each kept as a form-scope doubt so nothing stored is lost.
    /// </summary>
    public static IReadOnlyList<ReadingDoubt> DeserializeDoubts(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored)) return [];
        if (stored.TrimStart().StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<List<ReadingDoubt>>(stored, Options) ?? [];
            }
            catch (JsonException)
            {
                // A plain note that happens to start with '[' is still a note.
            }
        }
        return [.. stored.Split('\n').Where(n => !string.IsNullOrWhiteSpace(n)).Select(ReadingDoubt.Legacy)];
    }

    public static string SerializeFindings(IReadOnlyList<Finding> findings) => JsonSerializer.Serialize(findings, Options);

    public static IReadOnlyList<Finding> DeserializeFindings(string json) =>
        JsonSerializer.Deserialize<List<Finding>>(json, Options) ?? [];
}
