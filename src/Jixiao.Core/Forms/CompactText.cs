using System.Buffers;

namespace Jixiao.Core.Forms;

/// <summary>Text with its white space taken out, as names and phrases are compared ("产出 指标" is "产出指标").</summary>
public static class CompactText
{
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create([.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(char.IsWhiteSpace)]);

    /// <summary>
    /// <paramref name="text"/> without white space; the same string when it has none (nearly every name), so the
    /// scorer and the notation, which compact every row's names and values on every save, allocate nothing for it.
    /// </summary>
    public static string Of(string text) =>
        text.AsSpan().ContainsAny(WhiteSpace) ? string.Concat(text.Where(c => !char.IsWhiteSpace(c))) : text;
}
