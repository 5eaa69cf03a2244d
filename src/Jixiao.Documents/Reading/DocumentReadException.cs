namespace Jixiao.Documents.Reading;

/// <summary>
/// A file that cannot be read (corrupt, encrypted, empty, too large, unsupported). The message is one Chinese line a
/// user can act on; the CLI prints it with the path and goes on with the other files.
/// </summary>
public sealed class DocumentReadException(string path, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Path { get; } = path;
}

/// <summary>Limits every reader enforces before it trusts a file (zip bombs, huge inputs).</summary>
public static class ReadLimits
{
    /// <summary>Largest file accepted, in bytes.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    /// <summary>Most entries a zip-based file (xlsx, docx) may have.</summary>
    public const int MaxZipEntries = 2_000;

    /// <summary>Most bytes a zip-based file may decompress to, all entries together.</summary>
    public const long MaxZipUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>Most pages a PDF may have; a year's forms of one unit fit in a few dozen.</summary>
    public const int MaxPdfPages = 2_000;
}
