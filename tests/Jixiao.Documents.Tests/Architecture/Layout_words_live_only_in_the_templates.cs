using System.Text.RegularExpressions;
using Jixiao.Tests;

namespace Jixiao.Documents.Tests.Architecture;

/// <summary>
/// Header words, block labels and other layout words live in Templates/roles.json and the template files, nowhere
/// else (docs/templates.md §3): the recogniser, the writers' layouts and the editor's blank forms hold no Chinese
/// string literal except reading-note messages and value notation (units, dates, punctuation).
/// </summary>
public sealed partial class Layout_words_live_only_in_the_templates
{
    private static readonly string[] Scanned =
    [
        "src/Jixiao.Documents/Recognition", "src/Jixiao.Documents/Writers/Layout", "src/Jixiao.Web/Ui/FormTemplates.cs",
    ];

    /// <summary>Lines that build a message for people (reading notes and their location text).</summary>
    private static readonly string[] MessageMarkers = ["Note(", "ReadingNotes.Add(", "Loc(", "rowLabel ="];

    /// <summary>Notation, not layout: punctuation, full-width forms, Chinese numerals, date and unit characters.</summary>
    private const string Notation = "（）：，。、“”「」『』　－＋．／０９＞＜＝～一二三四五六七八九十年月日度分万元第页行至到";

    [GeneratedRegex(@"\$?@?""(?:[^""\\]|\\.|"""")*""|'(?:[^'\\]|\\.)'")]
    private static partial Regex Literal();

    [GeneratedRegex(@"[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [Fact]
    public void The_recogniser_writers_and_editor_hold_no_layout_words()
    {
        var offending = new List<string>();
        foreach (var file in Files())
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal)) continue;
                if (MessageMarkers.Any(m => line.Contains(m, StringComparison.Ordinal))) continue;
                foreach (Match m in Literal().Matches(line))
                {
                    var words = Cjk().Matches(m.Value).Select(c => c.Value[0]).Where(c => !Notation.Contains(c)).ToList();
                    if (words.Count > 0) offending.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}:{i + 1}: {m.Value}");
                }
            }
        }
        Assert.True(offending.Count == 0, "layout words outside the templates:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_scan_finds_a_header_word_when_one_is_there()
    {
        const string line = "        if (key == \"项目名称\") return Field.Project;";
        Assert.Contains(Literal().Matches(line), m => Cjk().IsMatch(m.Value) && m.Value.Any(c => c > 0x4E00 && !Notation.Contains(c)));
        Assert.NotEmpty(Files());
    }

    private static IEnumerable<string> Files()
    {
        foreach (var relative in Scanned)
        {
            var path = Path.Combine(RepoPaths.Root, relative);
            if (File.Exists(path)) yield return path;
            else
                foreach (var f in Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)) yield return f;
        }
    }
}
