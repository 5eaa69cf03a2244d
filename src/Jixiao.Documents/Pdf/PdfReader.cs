using Jixiao.Core.Forms;
using Jixiao.Documents.Grid;
using Jixiao.Documents.Reading;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace Jixiao.Documents.Pdf;

/// <summary>
/// Reads a PDF page by page. Where ruling lines enclose a table, the lines give its rows and columns (a missing
/// border between two slots is a merged cell) and each word goes to the cell it sits in; a borderless run of lines
/// with wide gaps becomes a grid by gap-separated segments; the remaining lines are <see cref="TextBlock"/>s. All text is
/// NFKC-normalised. Sources carry the page number.
/// </summary>
public static class PdfReader
{
    public const string NotPdf = "文件已损坏或不是 PDF 文件，无法解析";
    public const string Encrypted = "PDF 文件已加密，请提供未加密的文件";
    public const string TooManyPages = "PDF 页数过多（超过 2000 页）";

    public static ReadDocument Read(Stream stream, string path)
    {
        var input = ReadInput.Seekable(stream, path);
        try
        {
            Span<byte> head = stackalloc byte[1024];
            var got = ReadInput.Peek(input, head);
            if (head[..got].IndexOf("%PDF-"u8) < 0) throw new DocumentReadException(path, NotPdf);

            using var document = PdfDocument.Open(input, new ParsingOptions { UseLenientParsing = true, ClipPaths = false });
            if (document.NumberOfPages > ReadLimits.MaxPdfPages) throw new DocumentReadException(path, TooManyPages);
            var blocks = new List<DocumentBlock>();
            foreach (var page in document.GetPages()) PdfPageLayout.Read(page, blocks);
            return new ReadDocument(path, blocks);
        }
        catch (DocumentReadException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new DocumentReadException(path, Encrypted, e);
        }
        catch (Exception e)
        {
            throw new DocumentReadException(path, NotPdf, e);
        }
        finally
        {
            if (!ReferenceEquals(input, stream)) input.Dispose();
        }
    }
}
