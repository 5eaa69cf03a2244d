using Jixiao.Core.Forms;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Documents.Tests.Recognition;

internal static class Recognize
{
    public static IReadOnlyList<PerformanceForm> Seed(string number)
    {
        var path = RepoPaths.Seed(number);
        using var stream = File.OpenRead(path);
        return FormRecognizer.Recognize(TextReader.Read(stream, path));
    }

    /// <summary>A hand-made text; rows are lines, cells separated by " | " for readability.</summary>
    public static IReadOnlyList<PerformanceForm> Text(string text) =>
        FormRecognizer.Recognize(TextReader.Read(text.Replace(" | ", "\t", StringComparison.Ordinal), "hand-made.txt"));
}
