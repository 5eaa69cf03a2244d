namespace Jixiao.Core.Templates;

/// <summary>
/// Role words compiled for lookup: exact words in a dictionary, the others indexed by their first character, so a key
/// is matched in one pass over its characters whatever the number of words. An exact word wins; otherwise the role
/// listed first in the lexicon.
/// </summary>
internal sealed class RoleMatcher
{
    private enum Kind { StartsWith, Contains }

    private sealed record Pattern(string First, string[] Rest, Kind Kind, ColumnRole Role);

    private readonly Dictionary<string, ColumnRole> _equals = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<Pattern>> _byFirst = [];
    private readonly List<(string Word, ColumnRole Role)> _endsWith = [];
    private readonly int _maxLength;

    // A bit per (character mod 1024): most characters of a cell start no word, and this skips them without a lookup.
    private readonly ulong[] _firstBits = new ulong[16];
    private bool _hasContains;

    public RoleMatcher(IEnumerable<ColumnRole> roles, int maxLength, IReadOnlyDictionary<string, IReadOnlyList<string>>? extraEquals = null)
    {
        _maxLength = maxLength;
        foreach (var role in roles)
        {
            foreach (var w in role.EqualsWords) _equals.TryAdd(w, role);
            if (extraEquals is not null && extraEquals.TryGetValue(role.Id, out var extra))
                foreach (var w in extra) _equals.TryAdd(w, role);
            foreach (var w in role.StartsWith) Add(w, Kind.StartsWith, role);
            foreach (var w in role.Contains) Add(w, Kind.Contains, role);
            foreach (var w in role.EndsWith) _endsWith.Add((w, role));
        }
    }

    private void Add(string word, Kind kind, ColumnRole role)
    {
        var parts = word.Split('…', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return;
        var first = parts[0][0];
        if (!_byFirst.TryGetValue(first, out var list)) _byFirst[first] = list = [];
        _firstBits[(first & 1023) >> 6] |= 1UL << (first & 63);
        _hasContains |= kind == Kind.Contains;
        list.Add(new Pattern(parts[0], parts[1..], kind, role));
    }

    public ColumnRole? Match(string key)
    {
        if (key.Length == 0 || key.Length > _maxLength) return null;
        if (_equals.TryGetValue(key, out var exact)) return exact;
        ColumnRole? best = null;
        var end = _hasContains ? key.Length : Math.Min(1, key.Length);
        for (var i = 0; i < end; i++)
        {
            var ch = key[i];
            if ((_firstBits[(ch & 1023) >> 6] & (1UL << (ch & 63))) == 0 || !_byFirst.TryGetValue(ch, out var list)) continue;
            foreach (var p in list)
            {
                if (best is not null && p.Role.Order >= best.Order) continue;
                if (p.Kind == Kind.StartsWith && i != 0) continue;
                if (string.CompareOrdinal(key, i, p.First, 0, p.First.Length) != 0) continue;
                if (!RestFollows(key, i + p.First.Length, p.Rest)) continue;
                best = p.Role;
            }
        }
        foreach (var (word, role) in _endsWith)
            if ((best is null || role.Order < best.Order) && key.EndsWith(word, StringComparison.Ordinal)) best = role;
        return best;
    }

    private static bool RestFollows(string key, int from, string[] rest)
    {
        foreach (var part in rest)
        {
            var at = key.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0) return false;
            from = at + part.Length;
        }
        return true;
    }
}
