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

    public static PerformanceForm Deserialize(string json)
    {
        var form = JsonSerializer.Deserialize<PerformanceForm>(json, Options) ?? throw new JsonException("表单快照为空。");
        // Snapshots taken before doubts were typed carry "readingNotes" as sentences: kept as form-scope doubts.
        if (form.ReadingDoubts.Count == 0 && json.Contains("\"readingNotes\"", StringComparison.Ordinal)
            && JsonSerializer.Deserialize<LegacyNotes>(json, Options)?.ReadingNotes is { } notes)
            form.ReadingDoubts.AddRange(notes.Where(n => !string.IsNullOrWhiteSpace(n)).Select(ReadingDoubt.Legacy));
        return form;
    }

    private sealed record LegacyNotes(List<string>? ReadingNotes);

    /// <summary>The doubts of a form for its ReadingNotes column; null when there are none.</summary>
    public static string? SerializeDoubts(IReadOnlyList<ReadingDoubt> doubts) =>
        doubts.Count == 0 ? null : JsonSerializer.Serialize(doubts, Options);

    /// <summary>
    /// The doubts stored in a ReadingNotes column: a JSON array of records, or (stored before doubts were typed) plain
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
