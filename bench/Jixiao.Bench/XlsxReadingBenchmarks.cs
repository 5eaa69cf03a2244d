using BenchmarkDotNet.Attributes;
using Jixiao.Documents.Recognition;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Bench;

/// <summary>xlsx to forms: reading the workbook plus recognising its forms, one whole seed workbook per operation.</summary>
[MemoryDiagnoser]
public class XlsxReadingBenchmarks
{
    private byte[] _bytes = [];

    [Params("000", "003")]
    public string Seed { get; set; } = "000";

    [GlobalSetup]
    public void Setup() => _bytes = SeedWorkbook.Build(Seed);

    [Benchmark]
    public int ReadAndRecognize() => FormRecognizer.Recognize(XlsxReader.Read(new MemoryStream(_bytes), Seed + ".xlsx")).Count;
}
