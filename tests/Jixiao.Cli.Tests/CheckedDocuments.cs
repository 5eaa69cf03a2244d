using Jixiao.Core.Checks;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;

namespace Jixiao.Cli.Tests;

/// <summary>Real documents read through the text reader and recogniser and checked together with the default rulebook.</summary>
internal static class CheckedDocuments
{
    /// <summary>The four seeds, each form named by its seed's number ("000" … "003").</summary>
    public static IReadOnlyList<FormFindings> Seeds => SeedsChecked.Value;

    private static readonly Lazy<IReadOnlyList<FormFindings>> SeedsChecked =
        new(() => Check(new[] { "000", "001", "002", "003" }.Select(n => (n, RepoPaths.Seed(n)))));

    /// <summary>The given files, each form named by the name given with its file.</summary>
    public static IReadOnlyList<FormFindings> Check(IEnumerable<(string Name, string Path)> files)
    {
        var forms = new List<DocumentForm>();
        foreach (var (name, path) in files)
        {
            using var stream = File.OpenRead(path);
            forms.AddRange(FormRecognizer.Recognize(Documents.Text.TextReader.Read(stream, path)).Select(f => new DocumentForm(name, f)));
        }
        return Checker.Check(forms, Core.Rulebooks.Rulebooks.Default);
    }
}
