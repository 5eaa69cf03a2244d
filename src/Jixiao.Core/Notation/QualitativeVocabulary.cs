using System.Text.RegularExpressions;

namespace Jixiao.Core.Notation;

/// <summary>One completion phrase and its tier. "…" in <see cref="Pattern"/> stands for any text (发生…故障).</summary>
public sealed record TierWord(string Pattern, QualitativeTier Tier);

/// <summary>
/// The words that map a qualitative text to a tier. Rulebook data, not code: a province adds its own wording.
/// The longest matching phrase wins, so 基本完成 beats 完成, 未完成 beats 完成, and
/// "无因政务云原因发生一起故障" (无…发生…故障) beats 发生…故障; on a tie the lower tier wins.
/// </summary>
public sealed class QualitativeVocabulary
{
    private readonly (TierWord Word, string[] Parts, Regex? Regex)[] _compiled;

    public QualitativeVocabulary(IEnumerable<TierWord> words)
    {
        Words = words.ToArray();
        _compiled = Words.Select(w =>
        {
            var parts = w.Pattern.Split('…', StringSplitOptions.RemoveEmptyEntries);
            // Plain words are matched with IndexOf; only "…" patterns need a regex.
            var regex = parts.Length > 1
                ? new Regex(string.Join(".*?", parts.Select(Regex.Escape)), RegexOptions.CultureInvariant)
                : null;
            return (w, parts, regex);
        }).ToArray();
    }

    public IReadOnlyList<TierWord> Words { get; }

    /// <summary>The national rulebook's vocabulary (the parser's default).</summary>
    public static QualitativeVocabulary Default => Rulebooks.Rulebooks.Default.Qualitative.Vocabulary;

    /// <summary>The best matching phrase in <paramref name="text"/> (whitespace ignored), or null.</summary>
    public (QualitativeTier Tier, string Matched)? Match(string text)
    {
        var compact = Forms.CompactText.Of(text);
        (QualitativeTier Tier, string Matched)? best = null;
        foreach (var (word, parts, regex) in _compiled)
        {
            if (parts.Length == 0) continue;
            var at = compact.IndexOf(parts[0], StringComparison.Ordinal);
            if (at < 0) continue;
            var matched = parts[0];
            if (regex is not null)
            {
                var m = regex.Match(compact, at);
                if (!m.Success) continue;
                matched = m.Value;
            }
            if (best is null || matched.Length > best.Value.Matched.Length
                || (matched.Length == best.Value.Matched.Length && word.Tier > best.Value.Tier))
                best = (word.Tier, matched);
        }
        return best;
    }
}
