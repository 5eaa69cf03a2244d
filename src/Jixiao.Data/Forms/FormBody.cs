using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Forms;
using Microsoft.Extensions.Caching.Memory;

namespace Jixiao.Data.Forms;

/// <summary>
/// A form's stored JSON (<see cref="Model.FormRecord.Body"/> and every <see cref="Model.FormVersion.FormJson"/>):
/// <see cref="PerformanceForm"/> in <see cref="FormJson"/>'s serialisation, in the storage shape numbered
/// <see cref="CurrentVersion"/>. A stored document of an older shape is upgraded in memory on reading
/// (<see cref="FormBodyUpgrade"/>); nothing reads stored JSON any other way.
/// </summary>
public static class FormBody
{
    /// <summary>
    /// The shape written now. 1: snapshots from before this number existed (reading notes as sentences, or typed
    /// doubts); 2: reading doubts only as records, template id, version and extra cells kept.
    /// </summary>
    public const int CurrentVersion = 2;

    public static string Serialize(PerformanceForm form) => FormJson.Serialize(form);

    /// <summary>The form stored as <paramref name="json"/> in shape <paramref name="schemaVersion"/>.</summary>
    public static PerformanceForm Read(string json, int schemaVersion)
    {
        if (schemaVersion > CurrentVersion)
            throw new InvalidOperationException($"表单以第 {schemaVersion} 版存储格式保存，本程序只认识到第 {CurrentVersion} 版。请升级程序后再打开。");
        if (schemaVersion == CurrentVersion) return FormJson.Deserialize(json);
        var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("表单存储内容不是 JSON 对象。");
        return FormBodyUpgrade.Upgrade(node, schemaVersion).Deserialize<PerformanceForm>(FormJson.Options)
               ?? throw new JsonException("表单存储内容为空。");
    }

    /// <summary>
    /// <see cref="Read(string, int)"/> for a caller that only looks at the form: the same stored text gives the same
    /// object to every caller, so nobody may change it (take <see cref="PerformanceForm.ShallowCopy"/> to set a header).
    /// </summary>
    /// <remarks>
    /// A save parsed the same bodies again and again: the form's stored body for the audit's diff, the related forms'
    /// (a self-evaluation's targets on every save of it), and the body just written for the response, which is the next
    /// save's stored body. Those parses were a fifteenth of the app's processor time a save (docs/benchmarks.md, "The save
    /// without a context's start-up …"). Keyed by the text itself, so a changed body can never find an old form; bounded
    /// to the forms being worked on at once.
    /// </remarks>
    public static PerformanceForm ReadShared(string json, int schemaVersion)
    {
        var key = (schemaVersion, json);
        if (Parsed.TryGetValue(key, out PerformanceForm? form)) return form!;
        form = Read(json, schemaVersion);
        using var entry = Parsed.CreateEntry(key);
        entry.Size = 1;
        entry.Value = form;
        return form;
    }

    /// <summary>
    /// Has <see cref="ReadShared"/> give <paramref name="form"/> for <paramref name="json"/>, its serialisation in the
    /// current shape (<see cref="Serialize"/>), instead of parsing the text again: for a writer whose form nobody changes
    /// after writing it. A save's answer shows the body it just wrote, a text no reader has parsed yet (a fortieth of the
    /// save's processor time, perf).
    /// </summary>
    public static void Share(string json, PerformanceForm form)
    {
        using var entry = Parsed.CreateEntry((CurrentVersion, json));
        entry.Size = 1;
        entry.Value = form;
    }

    /// <summary><see cref="ReadShared"/>'s forms with their texts, the least recently used dropped beyond 1,024 (the app's memory at 10,000 units: docs/benchmarks.md).</summary>
    private static readonly MemoryCache Parsed = new(new MemoryCacheOptions { SizeLimit = 1024 });

    /// <summary>A submitted version's form, whatever shape it was stored in.</summary>
    public static PerformanceForm Read(Model.FormVersion version) => Read(version.FormJson, version.SchemaVersion);
}

/// <summary>
/// Upgrades of stored form JSON, one pure function per step from shape n to n+1, applied in order. A new shape adds a
/// step here and a test on a stored sample of the shape before it; stored rows are never rewritten to upgrade them.
/// </summary>
public static class FormBodyUpgrade
{
    private static readonly Func<JsonObject, JsonObject>[] Steps = [From1To2];

    public static JsonObject Upgrade(JsonObject body, int fromVersion)
    {
        if (fromVersion < 1) throw new ArgumentOutOfRangeException(nameof(fromVersion), fromVersion, "Stored shapes start at 1.");
        for (var v = fromVersion; v < FormBody.CurrentVersion; v++) body = Steps[v - 1](body);
        return body;
    }

    /// <summary>
    /// 1 → 2: reading notes stored as sentences ("readingNotes": ["第5行：…"]) become form-scope doubts, so nothing a
    /// reader once said about a form is lost; a snapshot that already has typed doubts keeps them and loses the notes.
    /// </summary>
    public static JsonObject From1To2(JsonObject body)
    {
        var upgraded = (JsonObject)body.DeepClone();
        if (upgraded["readingNotes"] is JsonArray notes)
        {
            if (upgraded["readingDoubts"] is not JsonArray { Count: > 0 })
            {
                var doubts = new JsonArray();
                foreach (var note in notes)
                    if (note?.GetValueKind() == JsonValueKind.String && note.GetValue<string>() is { } text && !string.IsNullOrWhiteSpace(text))
                        doubts.Add(JsonSerializer.SerializeToNode(ReadingDoubt.Legacy(text), FormJson.Options));
                upgraded["readingDoubts"] = doubts;
            }
            upgraded.Remove("readingNotes");
        }
        return upgraded;
    }
}
