namespace Jixiao.Documents.Tests.Fixtures;

/// <summary>A seekable stream that claims a length without holding the bytes (zeros when read).</summary>
public sealed class HugeStream(long length) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get; set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, Math.Max(0, length - Position));
        Array.Clear(buffer, offset, n);
        Position += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => Position + offset,
        _ => length + offset,
    };

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
