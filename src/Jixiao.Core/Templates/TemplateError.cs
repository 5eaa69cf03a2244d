namespace Jixiao.Core.Templates;

/// <summary>One thing wrong with a template or lexicon file: which file, where in it (JSON path) and what, in Chinese.</summary>
public sealed record TemplateError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}：{Path}：{Message}";
}

/// <summary>A built-in or added template file that does not validate; carries every error found.</summary>
public sealed class TemplateException(IReadOnlyList<TemplateError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<TemplateError> Errors { get; } = errors;
}
