using Jixiao.Core.Forms;

namespace Jixiao.Core.Templates;

/// <summary>
/// The role lexicon and the templates: the built-in files embedded in Jixiao.Core (Templates/*.json) plus, optionally,
/// a bureau's own files from a folder. Everything is validated at load; a registry that loaded is sound.
/// </summary>
public sealed class TemplateRegistry
{
    private static readonly Lazy<TemplateRegistry> BuiltInRegistry = new(() => Load([]));

    private TemplateRegistry(RoleLexicon lexicon, IReadOnlyList<FormTemplate> templates)
    {
        Lexicon = lexicon;
        Templates = templates;
    }

    /// <summary>The templates shipped with Jixiao.</summary>
    public static TemplateRegistry BuiltIn => BuiltInRegistry.Value;

    private static TemplateRegistry? _process;
    private static readonly AsyncLocal<TemplateRegistry?> Scoped = new();

    /// <summary>
    /// The registry the recogniser and the writers use when a caller passes none: the built-in one, or the built-in
    /// templates plus a bureau's folder, set once at startup (<see cref="Use"/>: the web app's Jixiao:TemplatesFolder) or
    /// for one command (<see cref="UseWhile"/>: the command line's --templates).
    /// </summary>
    public static TemplateRegistry Current => Scoped.Value ?? Volatile.Read(ref _process) ?? BuiltIn;

    /// <summary>Makes <paramref name="registry"/> the process's registry (a server's startup, before any request).</summary>
    public static void Use(TemplateRegistry registry) => Volatile.Write(ref _process, registry);

    /// <summary>Makes <paramref name="registry"/> current for this flow of execution until the result is disposed.</summary>
    public static IDisposable UseWhile(TemplateRegistry registry)
    {
        var previous = Scoped.Value;
        Scoped.Value = registry;
        return new Restore(previous);
    }

    private sealed class Restore(TemplateRegistry? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }

    public RoleLexicon Lexicon { get; }

    public IReadOnlyList<FormTemplate> Templates { get; }

    /// <summary>The template sets a bureau can choose: "*" (national) and every region a template names.</summary>
    public IReadOnlyList<string> Regions =>
        ["*", .. Templates.SelectMany(t => t.Regions).Where(r => r != "*").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The embedded files (name, text): roles.json and every template.</summary>
    public static IReadOnlyList<(string File, string Json)> BuiltInFiles()
    {
        var assembly = typeof(TemplateRegistry).Assembly;
        var list = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("templates/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            list.Add((name, reader.ReadToEnd()));
        }
        return list;
    }

    /// <summary>
    /// The built-in templates plus a bureau's own template files (name, text; a roles.json among them is ignored: the
    /// lexicon is the release's); throws <see cref="TemplateException"/> with every error.
    /// </summary>
    public static TemplateRegistry Load(IEnumerable<(string File, string Json)> extraFiles)
    {
        var files = BuiltInFiles().ToList();
        files.AddRange(extraFiles.Where(f => !TemplateValidator.IsLexicon(f.File)));
        var errors = new List<TemplateError>();
        var (lexiconFile, lexiconJson) = files.FirstOrDefault(f => TemplateValidator.IsLexicon(f.File));
        var lexicon = lexiconJson is null ? null : RoleLexicon.Parse(lexiconJson, lexiconFile, errors);
        if (lexicon is null)
        {
            if (errors.Count == 0) errors.Add(new TemplateError("roles.json", "$", "缺少角色词表"));
            throw new TemplateException(errors);
        }
        var templates = new List<FormTemplate>();
        foreach (var (file, json) in files.Where(f => !TemplateValidator.IsLexicon(f.File)))
            if (TemplateValidator.Read(json, file, lexicon, errors) is { } t) templates.Add(t);
        TemplateValidator.CheckTogether(templates, errors);
        if (errors.Count > 0) throw new TemplateException(errors);

        // Family words of the templates join the lexicon, so the recogniser knows them before it knows the template.
        var words = templates.SelectMany(t => t.Blocks.SelectMany(b => b.Columns))
            .Where(c => c.Words.Count > 0)
            .GroupBy(c => c.Role, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.SelectMany(c => c.Words).Distinct().ToList(), StringComparer.Ordinal);
        if (words.Count > 0) lexicon.Compile(words);
        return new TemplateRegistry(lexicon, templates);
    }

    /// <summary>A template by id (and version, when given), or null.</summary>
    public FormTemplate? Find(string? id, int? version = null) =>
        id is null ? null : Templates.FirstOrDefault(t => t.Id == id && (version is null || t.Version == version));

    /// <summary>
    /// The template a new or template-less form of <paramref name="kind"/> is printed and edited with; with a
    /// <paramref name="region"/> (a template set chosen for an organisation), that region's template comes first.
    /// </summary>
    public FormTemplate? Default(FormKind kind, int? year = null, string? region = null) =>
        Templates.Where(t => t.Kind == kind)
            .OrderByDescending(t => region is not null && region != "*" && t.Regions.Contains(region, StringComparer.Ordinal))
            .ThenByDescending(t => t.IsDefault)
            .ThenByDescending(t => t.CoversYear(year))
            .ThenByDescending(t => t.IsNational)
            .FirstOrDefault();

    /// <summary>
    /// The template of <paramref name="kind"/> that best fits the roles a form's headers named: most roles covered,
    /// fewest columns it does not know, then fewest columns of its own the form lacks; ties go to the region's and the
    /// year's template, then the default.
    /// </summary>
    public FormTemplate? Choose(FormKind kind, IReadOnlyCollection<(string Block, string Role)> seen, int? year, string? region)
    {
        FormTemplate? best = null;
        (int, int, int, int, int) bestScore = default;
        var seenSet = seen as IReadOnlySet<(string, string)> ?? seen.ToHashSet();
        // The kinds of funds rows a form has (资金来源, 资金结构) decide its layout before any column does.
        var rowRoles = seen.Where(r => r.Block == "fundsRows").ToList();
        var byRows = Templates.Where(t => t.Kind == kind && rowRoles.All(t.Roles.Contains)).ToList();
        foreach (var t in byRows.Count > 0 ? byRows : Templates)
        {
            if (t.Kind != kind) continue;
            var roles = t.Roles.ToHashSet();
            var covered = seen.Count(roles.Contains);
            var unknown = seen.Count - covered;
            // Columns the template prints that the form's headers did not name: a family with extra columns is not
            // chosen for a form that lacks them just because of its region.
            var missing = roles.Count(r => r.Block != "fundsRows" && !seenSet.Contains(r));
            var regional = region is not null && t.Regions.Any(r => r != "*" && region.Contains(r, StringComparison.Ordinal)) ? 1 : 0;
            var score = (covered - unknown, -missing, regional, t.CoversYear(year) ? 1 : 0, t.IsDefault ? 1 : 0);
            if (best is null || score.CompareTo(bestScore) > 0)
            {
                best = t;
                bestScore = score;
            }
        }
        return best;
    }
}
