using System.Text.Json;

namespace Jixiao.Core.Templates;

/// <summary>Reads fields of a template or lexicon file, recording every problem with its JSON path instead of stopping at the first.</summary>
internal sealed class JsonFields(string file, List<TemplateError> errors)
{
    public static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public string File { get; } = file;

    public void Error(string path, string message) => errors.Add(new TemplateError(File, path, message));

    public JsonDocument? Parse(string json)
    {
        try
        {
            var doc = JsonDocument.Parse(json, Options);
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc;
            Error("$", "应为一个 JSON 对象");
            doc.Dispose();
            return null;
        }
        catch (JsonException e)
        {
            Error("$", $"不是有效的 JSON（第 {e.LineNumber + 1} 行第 {e.BytePositionInLine + 1} 个字节附近）");
            return null;
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", "缺少此项");
            return null;
        }
        if (v.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(v.GetString()))
        {
            Error($"{path}.{name}", "应为非空文字");
            return null;
        }
        return v.GetString();
    }

    public int? Integer(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", "缺少此项");
            return null;
        }
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i)) return i;
        Error($"{path}.{name}", "应为整数");
        return null;
    }

    public bool Bool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v)) return false;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        Error($"{path}.{name}", "应为 true 或 false");
        return false;
    }

    public List<string> Strings(JsonElement obj, string name, string path)
    {
        var list = new List<string>();
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return list;
        if (v.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", "应为文字列表");
            return list;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(item.GetString())) list.Add(item.GetString()!);
            else Error($"{path}.{name}[{i}]", "应为非空文字");
            i++;
        }
        return list;
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement obj, string name, string path, bool required = true)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) Error($"{path}.{name}", "缺少此项");
            yield break;
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            Error($"{path}.{name}", "应为列表");
            yield break;
        }
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            var p = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object) Error(p, "应为一个对象");
            else yield return (item, p);
        }
    }

    /// <summary>Words must be written the way keys are compared (<see cref="HeaderKey.Of"/>), or they never match.</summary>
    public void Normalised(IEnumerable<string> words, string path)
    {
        foreach (var w in words)
        {
            // Checked with a character after it: a word ending in a colon ("注:") is the start of a key, not a whole key.
            var plain = w.Replace("…", "", StringComparison.Ordinal);
            var key = HeaderKey.Of(plain + "x")[..^1];
            if (key != plain)
                Error(path, $"“{w}”应写成识别时比较的形式“{key}”（半角括号、简体、无空格、无结尾冒号）");
        }
    }
}
