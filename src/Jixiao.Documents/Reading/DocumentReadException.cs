namespace Jixiao.Documents.Reading;

/// <summary>
/// A file that cannot be read (corrupt, encrypted, empty, too large, unsupported). The message is one Chinese line a
/// user can act on; the CLI prints it with the path and goes on with the other files. A file refused for exceeding one
/// of the <see cref="ReadLimits"/> says which in <see cref="Limit"/>, so callers and tests decide by the record, not by
/// the wording.
/// </summary>
public sealed class DocumentReadException(string path, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public DocumentReadException(string path, ReadLimit limit, string message, Exception? inner = null)
        : this(path, message, inner) => Limit = limit;

    public string Path { get; } = path;

    /// <summary>The budget the file went over, or null when it was refused for another reason (damaged, encrypted …).</summary>
    public ReadLimit? Limit { get; }
}
