namespace Jixiao.Web.Ui;

/// <summary>
/// The cells of one editor whose text is not a usable number right now, by label, with their Chinese message. The
/// cells report here; the editor lists them in the score bar and refuses to save until they are corrected, so a value
/// on screen is never silently different from the value saved.
/// </summary>
public sealed class InvalidCells
{
    private readonly Dictionary<string, string> messages = new(StringComparer.Ordinal);

    public event Action? Changed;

    public IReadOnlyCollection<string> Messages => messages.Values;

    public int Count => messages.Count;

    public void Set(string label, string? message)
    {
        var changed = message is null ? messages.Remove(label) : !messages.TryGetValue(label, out var old) || old != message;
        if (message is not null) messages[label] = message;
        if (changed) Changed?.Invoke();
    }
}
