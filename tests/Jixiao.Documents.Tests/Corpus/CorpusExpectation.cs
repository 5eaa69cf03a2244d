using System.Globalization;
using System.Text.Json;
using Jixiao.Documents.Grid;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Corpus;

/// <summary>
/// One fact a document states, as a second person recomputed it by hand. <see cref="Value"/> is null where the document
/// prints nothing. <see cref="Doubtful"/> marks a fact the document itself makes ambiguous (scrambled columns, digits of
/// two cells run together, OCR, a cell cut off): a reader may read it exactly or report a doubt, never another value silently.
/// </summary>
public sealed record ExpectedFact(JsonElement? Value, bool Doubtful, string? Reason)
{
    public static readonly ExpectedFact Absent = new(null, false, null);

    public bool HasValue => Value is { ValueKind: not JsonValueKind.Null };

    public string? Text => Value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => v.GetRawText(),
    };
}

public sealed record ExpectedFundsRow(string Label, IReadOnlyDictionary<string, ExpectedFact> Facts);

public sealed record ExpectedIndicatorRow(string? Level1, string? Level2, string? Name, IReadOnlyDictionary<string, ExpectedFact> Facts);

public sealed record ExpectedForm(
    string Kind,
    ExpectedFact Project,
    ExpectedFact Year,
    ExpectedFact MoneyUnit,
    IReadOnlyList<ExpectedFundsRow> Funds,
    IReadOnlyList<ExpectedIndicatorRow> Indicators,
    IReadOnlyDictionary<string, ExpectedFact> Totals);

/// <summary>One expectation file: the document it describes (relative to the corpus folder), its forms, and the printed grid.</summary>
public sealed record CorpusExpectation(
    string File,
    string Document,
    string Notes,
    IReadOnlyList<ExpectedForm> Forms,
    IReadOnlyList<DocumentBlock>? Grid)
{
    public const string FundsFacts = "initialBudget budget executed forecast weight rate score";
    public const string IndicatorFacts = "target actual midYear weight score";
    public const string TotalFacts = "statedTotal statedWeightTotal";

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Jixiao.Documents.Tests", "Corpus", "Expectations");

    public string DocumentPath => Path.Combine(RepoPaths.Corpus, Document);

    public string Name => Path.GetFileName(Document);

    public static IReadOnlyList<CorpusExpectation> LoadAll() =>
        [.. Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(Load)];

    /// <summary>Reads one file; anything malformed throws with the file and the place named.</summary>
    public static CorpusExpectation Load(string path) => Parse(System.IO.File.ReadAllText(path), Path.GetFileName(path));

    public static CorpusExpectation Parse(string text, string where)
    {
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var document = RequiredString(root, "document", where);
        var forms = root.GetProperty("forms").EnumerateArray().Select((f, i) => ReadForm(f, $"{where} forms[{i}]")).ToList();
        var grid = root.TryGetProperty("grid", out var g) ? ReadGrid(g, where) : null;
        return new CorpusExpectation(where, document, RequiredString(root, "notes", where), forms, grid);
    }

    private static ExpectedForm ReadForm(JsonElement form, string where)
    {
        var formDoubt = Doubt(form);
        var funds = Array(form, "funds").Select((r, i) =>
        {
            var rowDoubt = Doubt(r) ?? formDoubt;
            return new ExpectedFundsRow(RequiredString(r, "label", $"{where} funds[{i}]"), Facts(r, FundsFacts, rowDoubt, $"{where} funds[{i}]"));
        }).ToList();
        var indicators = Array(form, "indicators").Select((r, i) =>
        {
            var rowDoubt = Doubt(r) ?? formDoubt;
            return new ExpectedIndicatorRow(OptionalString(r, "level1"), OptionalString(r, "level2"), OptionalString(r, "name"),
                Facts(r, IndicatorFacts, rowDoubt, $"{where} indicators[{i}]"));
        }).ToList();
        return new ExpectedForm(
            RequiredString(form, "kind", where),
            Fact(form, "project", formDoubt, where),
            Fact(form, "year", formDoubt, where),
            Fact(form, "moneyUnit", formDoubt, where),
            funds,
            indicators,
            Facts(form, TotalFacts, formDoubt, where));
    }

    private static IReadOnlyDictionary<string, ExpectedFact> Facts(JsonElement row, string names, string? rowDoubt, string where) =>
        names.Split(' ').ToDictionary(n => n, n => Fact(row, n, rowDoubt, where));

    private static ExpectedFact Fact(JsonElement row, string name, string? rowDoubt, string where)
    {
        if (!row.TryGetProperty(name, out var value)) return rowDoubt is null ? ExpectedFact.Absent : new ExpectedFact(null, true, rowDoubt);
        if (value.ValueKind == JsonValueKind.Object)
        {
            if (!value.TryGetProperty("value", out var inner))
                throw new InvalidDataException($"{where}: {name} is an object without \"value\"");
            var doubtful = value.TryGetProperty("doubtful", out var d) && d.GetBoolean();
            var reason = OptionalString(value, "reason");
            if (doubtful && string.IsNullOrWhiteSpace(reason)) throw new InvalidDataException($"{where}: {name} is doubtful without a reason");
            return new ExpectedFact(inner.Clone(), doubtful || rowDoubt is not null, reason ?? rowDoubt);
        }

        if (value.ValueKind is not (JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number))
            throw new InvalidDataException($"{where}: {name} must be a number, a string, null or {{\"value\", \"doubtful\", \"reason\"}}");
        return new ExpectedFact(value.Clone(), rowDoubt is not null, rowDoubt);
    }

    /// <summary>The reason of a row or form marked <c>"doubtful": true</c> as a whole, or null.</summary>
    private static string? Doubt(JsonElement element)
    {
        if (!element.TryGetProperty("doubtful", out var d) || !d.GetBoolean()) return null;
        return OptionalString(element, "reason") ?? throw new InvalidDataException("a row marked doubtful needs a reason");
    }

    /// <summary>
    /// The printed grid: blocks in reading order, each <c>{"text": "…"}</c> (a line above or between tables) or
    /// <c>{"rows": [[cell, …], …]}</c> where a cell is a string or <c>{"text", "rowSpan", "colSpan"}</c>. Positions are
    /// found as in HTML: a cell takes the next column not covered by a span from above.
    /// </summary>
    private static List<DocumentBlock> ReadGrid(JsonElement grid, string where)
    {
        var blocks = new List<DocumentBlock>();
        foreach (var block in grid.EnumerateArray())
        {
            if (block.TryGetProperty("text", out var text))
            {
                blocks.Add(new TextBlock(text.GetString() ?? ""));
                continue;
            }

            var cells = new List<Cell>();
            var covered = new HashSet<(int Row, int Column)>();
            var r = 0;
            foreach (var row in block.GetProperty("rows").EnumerateArray())
            {
                var c = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    while (covered.Contains((r, c))) c++;
                    var (content, rowSpan, colSpan) = cell.ValueKind == JsonValueKind.String
                        ? (cell.GetString() ?? "", 1, 1)
                        : (RequiredString(cell, "text", $"{where} grid"), Int(cell, "rowSpan"), Int(cell, "colSpan"));
                    for (var dr = 0; dr < rowSpan; dr++)
                    for (var dc = 0; dc < colSpan; dc++)
                        if (!covered.Add((r + dr, c + dc)))
                            throw new InvalidDataException($"{where} grid: cells overlap at row {r + dr + 1}, column {c + dc + 1}");
                    if (content.Length > 0 || rowSpan > 1 || colSpan > 1) cells.Add(new Cell(r, c, content, rowSpan, colSpan));
                    c += colSpan;
                }

                r++;
            }

            blocks.Add(new CellGrid(cells));
        }

        return blocks;
    }

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) ? v.GetInt32() : 1;

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    private static string RequiredString(JsonElement element, string name, string where) =>
        OptionalString(element, name) ?? throw new InvalidDataException($"{where}: \"{name}\" is missing");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}
