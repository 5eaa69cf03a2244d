namespace Jixiao.Documents.Reading;

/// <summary>Which budget of <see cref="ReadLimits"/> a file went over.</summary>
public enum ReadLimit
{
    FileBytes,
    ZipEntries,
    /// <summary>Bytes after decompression: all zip entries of an xlsx/docx together, or all content streams of a PDF.</summary>
    DecompressedBytes,
    XmlDepth,
    Rows,
    Columns,
    /// <summary>Cells of the whole file, or positions (rows × columns) of one table once laid out.</summary>
    Cells,
    /// <summary>Merged areas (xlsx merges, docx/html spans).</summary>
    Merges,
    Pages,
    /// <summary>Characters of text in the whole file.</summary>
    TextCharacters,
    /// <summary>Ruling lines and other drawn paths on one PDF page.</summary>
    Drawings,
    Time,
}

/// <summary>
/// The budgets every reader enforces before it trusts a file: the one place to set them. Everything an uploaded file
/// can make a reader allocate or loop over is counted against one of these, so a small hostile file (a zip or flate
/// bomb, a row number of 2³¹, a span of 2³¹, 200,000 nested elements) is refused with a
/// <see cref="DocumentReadException"/> naming the limit instead of exhausting memory, time or the stack. The defaults
/// are an order of magnitude above the largest real budget documents (a year's forms of a unit, a county's budget
/// export) and keep any one file under roughly half a gigabyte.
/// </summary>
public sealed record ReadLimits
{
    public static ReadLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>Most entries a zip-based file (xlsx, docx) may have.</summary>
    public int MaxZipEntries { get; init; } = 2_000;

    /// <summary>Most bytes a file may decompress to: zip entries together, or a PDF's non-image streams together.</summary>
    public long MaxDecompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>
    /// Deepest XML element nesting in a part that is read (a docx body nests tables in cells in content controls: a few
    /// dozen levels). Deeper parts are refused before any DOM is built: recursive parsers overflow the stack, which no
    /// catch can stop.
    /// </summary>
    public int MaxXmlDepth { get; init; } = 256;

    /// <summary>
    /// Deepest nesting of a web page's elements that need an end tag (p, td, li … are not counted: sloppy real pages
    /// leave thousands open). The HTML parser slows down quadratically on pathological nesting.
    /// </summary>
    public int MaxHtmlDepth { get; init; } = 4_000;

    /// <summary>Most rows of one table or sheet (the row number, not only the rows present).</summary>
    public int MaxRows { get; init; } = 1_048_576;

    /// <summary>Most columns of one table: a cell's column plus its span. Excel's own limit.</summary>
    public int MaxColumns { get; init; } = 16_384;

    /// <summary>Most non-blank cells in the whole file.</summary>
    public int MaxCells { get; init; } = 1_000_000;

    /// <summary>
    /// Most positions of one table as the recogniser lays it out: rows that hold cells × the table's width. A sparse
    /// sheet with one cell far to the right must not become a dense array of millions of empty strings.
    /// </summary>
    public long MaxTablePositions { get; init; } = 4_000_000;

    /// <summary>Most merged areas (cells spanning more than one position) in the whole file.</summary>
    public int MaxMerges { get; init; } = 200_000;

    /// <summary>Most pages of a PDF; a year's forms of one unit fit in a few dozen.</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Most characters of text in the whole file once decoded (the largest real document has about 30,000).</summary>
    public long MaxTextCharacters { get; init; } = 5_000_000;

    /// <summary>Most drawn path pieces on one PDF page (a ruled form page has a few hundred).</summary>
    public int MaxDrawingsPerPage { get; init; } = 10_000;

    /// <summary>Most positions (rows × columns) of one ruled table found on a PDF page; a form page has a few hundred.</summary>
    public int MaxPageTablePositions { get; init; } = 100_000;

    /// <summary>Longest time a file may take to read; checked between rows, pages and parts.</summary>
    public TimeSpan MaxTime { get; init; } = TimeSpan.FromSeconds(30);
}
