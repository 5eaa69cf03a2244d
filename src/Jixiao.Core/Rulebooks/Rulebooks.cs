using System.Collections.Concurrent;

namespace Jixiao.Core.Rulebooks;

/// <summary>The rulebooks shipped inside Jixiao.Core (Rulebooks/*.json, embedded as rulebooks/NAME.json).</summary>
public static class Rulebooks
{
    private static readonly ConcurrentDictionary<string, Rulebook> Loaded = new(StringComparer.Ordinal);

    /// <summary>national-2020, national-2021, hunan-2020, shanghai-2020.</summary>
    public static IReadOnlyList<string> Names { get; } =
        typeof(Rulebooks).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("rulebooks/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["rulebooks/".Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The national 2020 rules.</summary>
    public static Rulebook Default => BuiltIn(DefaultName);

    public const string DefaultName = "national-2020";

    /// <summary>
    /// The national rulebook for a fiscal year: the latest built-in national-YYYY whose year is not after
    /// <paramref name="year"/> (its indicator tree is the one blank forms of that year start from), else the default.
    /// </summary>
    public static Rulebook NationalFor(int? year)
    {
        var best = DefaultName;
        var bestYear = 0;
        foreach (var name in Names)
        {
            if (!name.StartsWith("national-", StringComparison.Ordinal)) continue;
            if (!int.TryParse(name.AsSpan("national-".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)) continue;
            if (year is { } wanted && y <= wanted && y > bestYear) (best, bestYear) = (name, y);
        }
        return BuiltIn(best);
    }

    /// <summary>A shipped rulebook by name; throws <see cref="RulebookException"/> for an unknown name.</summary>
    public static Rulebook BuiltIn(string name) => Loaded.GetOrAdd(name, static n =>
    {
        using var stream = typeof(Rulebooks).Assembly.GetManifestResourceStream("rulebooks/" + n + ".json")
            ?? throw new RulebookException(n, "name", $"没有名为 {n} 的内置规则（可用：{string.Join("、", Names)}）",
                $"no built-in rulebook named {n} (available: {string.Join(", ", Names)})");
        using var reader = new StreamReader(stream);
        return Rulebook.Parse(reader.ReadToEnd(), n);
    });

    /// <summary>The JSON text of a shipped rulebook, to copy and edit.</summary>
    public static string Json(string name)
    {
        using var stream = typeof(Rulebooks).Assembly.GetManifestResourceStream("rulebooks/" + name + ".json")
            ?? throw new RulebookException(name, "name", $"没有名为 {name} 的内置规则", $"no built-in rulebook named {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
