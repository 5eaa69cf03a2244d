namespace Jixiao.Documents.Writers;

/// <summary>
/// The OpenXml packaging layer needs a seekable stream; HTTP responses and zip entries are not, so such an output gets
/// the document through a memory buffer.
/// </summary>
internal static class SeekableOutput
{
    public static void Buffered(Stream output, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }
}
