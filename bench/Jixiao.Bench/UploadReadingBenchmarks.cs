using BenchmarkDotNet.Attributes;
using Jixiao.Tests;
using Jixiao.Web.Features.Uploads;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Jixiao.Bench;

/// <summary>
/// What reading an upload in a reader process of its own costs per file, against reading it in the server: one seed
/// as text and as xlsx, through the web app's <see cref="ReaderProcess"/> (start, read, recognise, forms back as JSON).
/// </summary>
[MemoryDiagnoser]
public class UploadReadingBenchmarks
{
    private byte[] _bytes = [];
    private string _name = "";
    private readonly ReaderProcess _child = new(Options.Create(new UploadPolicy()), NullLogger<ReaderProcess>.Instance);

    [Params("002.txt", "002.xlsx")]
    public string Upload { get; set; } = "002.txt";

    [GlobalSetup]
    public void Setup()
    {
        _name = Upload;
        _bytes = Upload.EndsWith(".xlsx", StringComparison.Ordinal) ? SeedWorkbook.Build("002") : File.ReadAllBytes(RepoPaths.Seed("002"));
    }

    [Benchmark(Baseline = true)]
    public int InTheServer() => ReaderProcess.ReadHere(_name, _bytes).Forms.Count;

    [Benchmark]
    public int InAReaderProcess() => _child.Read(_name, _bytes, CancellationToken.None).GetAwaiter().GetResult().Forms.Count;
}
