using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Jixiao.Documents.Tests.Writers;

/// <summary>Looks at a PDF the way a person would: pages turned into PNGs by pdftoppm, text by pdftotext.</summary>
internal static class PdfPages
{
    public static bool ToolsAvailable => File.Exists("/usr/bin/pdftoppm") && File.Exists("/usr/bin/pdftotext");

    /// <summary>The pages of <paramref name="pdf"/> as PNG files at 50 dpi, in page order.</summary>
    public static IReadOnlyList<string> ToPngs(byte[] pdf, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "form.pdf");
        File.WriteAllBytes(path, pdf);
        Run("/usr/bin/pdftoppm", "-png", "-r", "50", path, Path.Combine(directory, "page"));
        return Directory.GetFiles(directory, "page*.png").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The text of the PDF, NFKC-normalised (chromium maps some CJK characters to Kangxi radicals).</summary>
    public static string Text(byte[] pdf, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "text.pdf");
        File.WriteAllBytes(path, pdf);
        return Run("/usr/bin/pdftotext", "-layout", path, "-").Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Pixels that are clearly not white, from decoding the PNG (8-bit RGB/RGBA/grey, non-interlaced).</summary>
    public static int DarkPixels(string pngPath)
    {
        var bytes = File.ReadAllBytes(pngPath);
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0) throw new InvalidDataException("only 8-bit non-interlaced PNGs are decoded here");
                colorType = data[9];
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        var channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException("palette PNGs are not decoded here") };
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var pixels = raw.ToArray();

        var stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var dark = 0;
        for (var y = 0; y < height; y++)
        {
            var offset = y * (stride + 1);
            var filter = pixels[offset];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= channels ? current[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
                var value = pixels[offset + 1 + x];
                current[x] = (byte)(filter switch
                {
                    0 => value,
                    1 => value + a,
                    2 => value + b,
                    3 => value + (a + b) / 2,
                    4 => value + Paeth(a, b, c),
                    _ => throw new InvalidDataException("bad PNG filter"),
                });
            }
            for (var x = 0; x < width; x++)
            {
                var min = 255;
                for (var k = 0; k < Math.Min(channels, 3); k++) min = Math.Min(min, current[x * channels + k]);
                if (min < 200) dark++;
            }
            (previous, current) = (current, previous);
        }
        return dark;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }
}
