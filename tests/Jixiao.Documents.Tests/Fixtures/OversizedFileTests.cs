using Jixiao.Documents.Docx;
using Jixiao.Documents.Html;
using Jixiao.Documents.Pdf;
using Jixiao.Documents.Reading;
using Jixiao.Documents.Xlsx;

namespace Jixiao.Documents.Tests.Fixtures;

public sealed class A_file_over_the_size_limit
{
    public static TheoryData<string> Readers => ["xlsx", "docx", "pdf", "html"];

    [Theory]
    [MemberData(nameof(Readers))]
    public void Is_refused_as_too_large_before_anything_is_parsed(string kind)
    {
        using var stream = new HugeStream(ReadLimits.Default.MaxFileBytes + 1);
        Func<Stream, string, object> read = kind switch
        {
            "xlsx" => XlsxReader.Read,
            "docx" => DocxReader.Read,
            "pdf" => PdfReader.Read,
            "html" => HtmlReader.Read,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = Assert.Throws<DocumentReadException>(() => read(stream, "大文件." + kind));

        Assert.Equal("文件过大（超过 50 MB）", error.Message);
        Assert.Equal(ReadLimit.FileBytes, error.Limit);
    }

    [Fact]
    public void An_upload_that_streams_past_the_limit_is_refused_too()
    {
        using var stream = new NonSeekableStreamOver(new HugeStream(ReadLimits.Default.MaxFileBytes + 1));

        var error = Assert.Throws<DocumentReadException>(() => HtmlReader.Read(stream, "上传.html"));

        Assert.Equal("文件过大（超过 50 MB）", error.Message);
        Assert.Equal(ReadLimit.FileBytes, error.Limit);
    }

    private sealed class NonSeekableStreamOver(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
