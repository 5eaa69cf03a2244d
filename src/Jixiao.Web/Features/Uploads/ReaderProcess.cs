using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Jixiao.Core.Forms;
using Jixiao.Data.Forms;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Recognition;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Features.Uploads;

/// <summary>What reading one file gave: the forms recognised in it, or why it could not be read (one Chinese line).</summary>
public sealed record FileReading(IReadOnlyList<PerformanceForm> Forms, string? Error);

/// <summary>
/// Reads untrusted files where a crash cannot take the server with it. A stack overflow cannot be caught in .NET and
/// ends the whole process, so by default each file is read by a child process — the web app itself, started with the
/// hidden <see cref="Command"/> — with a managed-heap hard limit and a timeout; the child prints the recognised forms
/// as JSON. A child that overflows its stack, runs out of memory or out of time ends alone, and the file gets a Chinese
/// reason. The cost (a process start per file) is measured in docs/operations.md.
/// </summary>
public sealed class ReaderProcess(IOptions<UploadPolicy> options, ILogger<ReaderProcess> log)
{
    /// <summary>The hidden first argument that makes the web app read one file from stdin instead of serving.</summary>
    public const string Command = "--read-upload";

    private const int ExitUnexpected = 3;
    private const int ExitOutOfMemory = 4;

    /// <summary>Forms JSON above this is not believed: a budget of its own on what the parent accepts from the child.</summary>
    private const int MaxOutputBytes = 64 * 1024 * 1024;

    public async Task<FileReading> Read(string name, byte[] content, CancellationToken ct)
    {
        var policy = options.Value;
        if (!policy.ReadInChildProcess) return await Task.Run(() => ReadHere(name, content), ct);

        var start = StartInfo(name, policy);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("The reader process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(policy.ReadSeconds));
        var output = new MemoryStream();
        var errors = KeepStart(process.StandardError, timeout.Token);
        try
        {
            var reading = CopyBounded(process.StandardOutput.BaseStream, output, timeout.Token);
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(content, timeout.Token);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The child died before it took the whole file; its exit code says how.
            }
            await reading;
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await SafeErrors(errors);
            ct.ThrowIfCancellationRequested();
            log.LogWarning("Reading {File} took longer than {Seconds} s; the reader process was stopped", name, policy.ReadSeconds);
            return new FileReading([], $"读取超过 {policy.ReadSeconds} 秒仍未完成，已停止（文件过于复杂或已损坏）。");
        }
        catch (InvalidDataException)
        {
            Kill(process);
            return new FileReading([], "文件中识别出的内容过多，未读取。");
        }

        switch (process.ExitCode)
        {
            case 0:
                output.Position = 0;
                return JsonSerializer.Deserialize<FileReading>(output, FormJson.Options) ?? new FileReading([], "文件无法读取");
            case ExitOutOfMemory:
                return new FileReading([], $"读取该文件所需内存超过 {policy.ReaderMemoryMegabytes} MB 的上限，未读取。");
            default:
                log.LogWarning("The reader process for {File} ended with exit code {Code}: {Errors}", name, process.ExitCode, await SafeErrors(errors));
                return new FileReading([], "文件结构异常（例如嵌套过深），读取程序意外终止，未读取。服务器不受影响。");
        }
    }

    /// <summary>The reading itself, the same in the child and in-process: reader, then recogniser.</summary>
    public static FileReading ReadHere(string name, byte[] content)
    {
        try
        {
            var document = DocumentReader.Read(new MemoryStream(content, writable: false), name);
            return new FileReading(FormRecognizer.Recognize(document), null);
        }
        catch (DocumentReadException e)
        {
            return new FileReading([], e.Message);
        }
    }

    /// <summary>The child's side: the file on stdin, its name in the arguments, the reading as JSON on stdout.</summary>
    public static int RunChild(string[] args, Stream input, Stream output, TextWriter error)
    {
        try
        {
            using var content = new MemoryStream();
            input.CopyTo(content);
            var reading = ReadHere(args.Length > 1 ? args[1] : "upload", content.ToArray());
            JsonSerializer.Serialize(output, reading, FormJson.Options);
            output.Flush();
            return 0;
        }
        catch (OutOfMemoryException)
        {
            return ExitOutOfMemory;
        }
        catch (Exception e)
        {
            // Only the type and the place: the parent logs it; the person is told the file could not be read.
            error.WriteLine($"{e.GetType().FullName}: {e.Message}");
            error.WriteLine(e.StackTrace);
            return ExitUnexpected;
        }
    }

    private static ProcessStartInfo StartInfo(string name, UploadPolicy policy)
    {
        var (file, dll) = ChildExecutable();
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll is not null) start.ArgumentList.Add(dll);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(Path.GetFileName(name));
        // A process that parses hostile bytes gets no secrets: no connection strings, no administrator password.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Jixiao", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
            start.Environment.Remove(key);
        // The child's managed heap is capped; a file that needs more is refused instead of starving the server.
        start.Environment["DOTNET_GCHeapHardLimit"] = ((long)policy.ReaderMemoryMegabytes * 1024 * 1024).ToString("X", CultureInfo.InvariantCulture);
        // One short-lived reader needs neither a heap per core nor profile-guided recompilation.
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        return start;
    }

    /// <summary>How to start this app again: the same host that runs it (dotnet + the dll, or the app's own executable).</summary>
    private static (string File, string? Dll) ChildExecutable()
    {
        var dll = typeof(ReaderProcess).Assembly.Location;
        // "Jixiao.Web" (or "Jixiao.Web.exe"): the file name of this app's own executable beside its dll.
        var apphostName = Path.GetFileNameWithoutExtension(dll) + (OperatingSystem.IsWindows() ? ".exe" : "");
        var current = Environment.ProcessPath;
        var currentName = current is null ? null : Path.GetFileName(current);
        if (currentName is "dotnet" or "dotnet.exe") return (current!, dll);
        if (currentName == apphostName) return (current!, null);
        // Another program hosts the app (a test runner): start the app's own executable, or dotnet with its dll.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)) return (host, dll);
        var apphost = Path.Combine(Path.GetDirectoryName(dll)!, apphostName);
        return File.Exists(apphost) ? (apphost, null) : ("dotnet", dll);
    }

    private static async Task CopyBounded(Stream from, MemoryStream to, CancellationToken ct)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
        {
            to.Write(buffer, 0, read);
            if (to.Length > MaxOutputBytes) throw new InvalidDataException("The reader's output is over its budget.");
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended by itself in between.
        }
    }

    /// <summary>
    /// The first few KB of the child's error output, for the log; the rest is read and dropped so the child never blocks
    /// on a full pipe (a stack overflow prints every frame: megabytes).
    /// </summary>
    private static async Task<string> KeepStart(StreamReader from, CancellationToken ct)
    {
        var kept = new System.Text.StringBuilder();
        var buffer = new char[4096];
        int read;
        while ((read = await from.ReadAsync(buffer, ct)) > 0)
            if (kept.Length < 4096) kept.Append(buffer, 0, Math.Min(read, 4096 - kept.Length));
        return kept.ToString();
    }

    private static async Task<string> SafeErrors(Task<string> errors)
    {
        try
        {
            return await errors;
        }
        catch (OperationCanceledException)
        {
            return "";
        }
    }

}
