using BenchmarkDotNet.Attributes;
using Jixiao.Documents.Recognition;
using Jixiao.Tests;
using TextReader = Jixiao.Documents.Text.TextReader;

namespace Jixiao.Bench;

/// <summary>
/// Plain text to forms: reading plus recognising one whole seed document per operation. Forms per second is the
/// number of forms in the document divided by the time of one operation (Program prints it).
/// </summary>
[MemoryDiagnoser]
public class TextReadingBenchmarks
{
    private string _text = "";

    /// <summary>000: one department-wide table; 002: a report and four tables one cell per line; 003: seven project tables.</summary>
    [Params("000", "002", "003")]
    public string Seed { get; set; } = "000";

    [GlobalSetup]
    public void Setup()
    {
        _text = File.ReadAllText(RepoPaths.Seed(Seed));
    }

    [Benchmark]
    public int ReadAndRecognize() => FormRecognizer.Recognize(TextReader.Read(_text, Seed)).Count;
}
