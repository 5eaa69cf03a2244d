using Jixiao.Web.Features.Contracts;
using Jixiao.Web.Problems;

namespace Jixiao.Web.Ui;

/// <summary>
/// A refusal shown where it belongs: messages that name a field (<see cref="ContractError.Path"/>, such as
/// <c>$.userName</c>) go under that field, anything else above the form.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> byPath = new(StringComparer.Ordinal);

    public string? General { get; private set; }

    public bool Any => General is not null || byPath.Count > 0;

    public string? this[string path] => byPath.GetValueOrDefault(path);

    public string CssFor(string path) => byPath.ContainsKey(path) ? "is-invalid" : "";

    public void Clear()
    {
        byPath.Clear();
        General = null;
    }

    public void Show(Refusal refusal)
    {
        Clear();
        if (refusal.Extensions?.GetValueOrDefault("errors") is IEnumerable<ContractError> errors)
            foreach (var error in errors) byPath.TryAdd(error.Path, error.Message);
        if (byPath.Count == 0) General = $"{refusal.Title}：{refusal.Detail}";
    }

    /// <summary>A check the screen makes before asking the server (an empty required field).</summary>
    public void Add(string path, string message) => byPath.TryAdd(path, message);
}
