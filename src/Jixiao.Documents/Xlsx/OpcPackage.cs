using System.IO.Compression;
using System.Xml;

namespace Jixiao.Documents.Xlsx;

/// <summary>
/// Just enough of Open Packaging Conventions to find parts: the package's main part and a part's relationships,
/// with targets resolved against the source part and looked up case-insensitively (OPC part names are).
/// </summary>
internal sealed class OpcPackage(ZipArchive zip)
{
    private readonly Dictionary<string, ZipArchiveEntry> entries = Index(zip);

    public readonly record struct Relationship(string Id, string Type, string Target);

    /// <summary>The part the package's officeDocument relationship points at, or null when there is none.</summary>
    public string? MainPart() =>
        RelationshipsOf("_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;

    /// <summary>Every target of an officeDocument relationship (a broken package may have more than one).</summary>
    public IEnumerable<string> MainParts() =>
        RelationshipsOf("_rels/.rels", "").Where(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Select(r => r.Target);

    /// <summary>Every zip entry named <paramref name="partName"/>, ignoring case and a leading slash (duplicates included).</summary>
    public IEnumerable<ZipArchiveEntry> EntriesNamed(string partName) =>
        zip.Entries.Where(e => e.FullName.TrimStart('/').Equals(partName, StringComparison.OrdinalIgnoreCase));

    public List<Relationship> Relationships(string partName)
    {
        var slash = partName.LastIndexOf('/');
        var folder = slash < 0 ? "" : partName[..(slash + 1)];
        var file = partName[(slash + 1)..];
        return RelationshipsOf(folder + "_rels/" + file + ".rels", folder);
    }

    public Stream? Open(string partName) => entries.TryGetValue(partName, out var entry) ? entry.Open() : null;

    private List<Relationship> RelationshipsOf(string relsName, string baseFolder)
    {
        var result = new List<Relationship>();
        if (Open(relsName) is not { } stream) return result;
        using var reader = XmlReader.Create(stream, XlsxReader.XmlSettings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
            if (reader.GetAttribute("TargetMode") == "External") continue;
            var target = reader.GetAttribute("Target");
            if (target is null) continue;
            result.Add(new Relationship(reader.GetAttribute("Id") ?? "", reader.GetAttribute("Type") ?? "", Resolve(baseFolder, target)));
        }

        return result;
    }

    private static string Resolve(string baseFolder, string target)
    {
        target = Uri.UnescapeDataString(target.Replace('\\', '/'));
        var parts = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : baseFolder + target).Split('/'))
        {
            if (segment is "" or ".") continue;
            if (segment == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    private static Dictionary<string, ZipArchiveEntry> Index(ZipArchive zip)
    {
        var index = new Dictionary<string, ZipArchiveEntry>(zip.Entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries) index.TryAdd(entry.FullName.TrimStart('/'), entry);
        return index;
    }
}
