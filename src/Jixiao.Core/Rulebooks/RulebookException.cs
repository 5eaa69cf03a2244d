namespace Jixiao.Core.Rulebooks;

/// <summary>A rulebook that cannot be used, with the path of the offending field (e.g. grades[1].min).</summary>
public sealed class RulebookException : Exception
{
    public RulebookException(string source, string field, string chinese, string english, Exception? inner = null)
        : base($"规则文件 {source} 的字段 {field}：{chinese} / Rulebook {source}, field {field}: {english}", inner)
    {
        Source = source;
        Field = field;
        ChineseMessage = chinese;
    }

    /// <summary>The rulebook's name or file.</summary>
    public new string Source { get; }

    /// <summary>The JSON path of the field, e.g. grades[1].min ("$" for the document as a whole).</summary>
    public string Field { get; }

    /// <summary>The Chinese half of the message, for the UI.</summary>
    public string ChineseMessage { get; }
}
