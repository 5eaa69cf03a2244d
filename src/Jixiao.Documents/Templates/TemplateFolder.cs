using Jixiao.Core.Templates;

namespace Jixiao.Documents.Templates;

/// <summary>
/// A bureau's own layout templates in a folder (<c>--templates DIR</c> on the command line, <c>Jixiao:TemplatesFolder</c>
/// in the web app), read from disk once at startup and loaded beside the built-in ones through the same validation
/// (<see cref="TemplateValidator"/>), so a new family needs a file, not a release.
/// </summary>
public static class TemplateFolder
{
    /// <summary>
    /// The template files at <paramref name="path"/> (a .json file, or every *.json of a folder) as (name, text), with a
    /// Chinese error for a path that does not exist, a file that cannot be read, or a folder without templates.
    /// </summary>
    public static (IReadOnlyList<(string File, string Json)> Files, List<TemplateError> Errors) Files(string path)
    {
        var errors = new List<TemplateError>();
        var files = new List<(string, string)>();
        IEnumerable<string> paths;
        if (Directory.Exists(path)) paths = Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal);
        else if (File.Exists(path)) paths = [path];
        else
        {
            errors.Add(new TemplateError(path, "$", "没有这个文件或文件夹"));
            return (files, errors);
        }
        foreach (var p in paths)
        {
            try
            {
                files.Add((p, File.ReadAllText(p)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new TemplateError(p, "$", $"无法读取（{e.Message}）"));
            }
        }
        if (files.Count == 0 && errors.Count == 0) errors.Add(new TemplateError(path, "$", "文件夹中没有模板文件（*.json）"));
        return (files, errors);
    }

    /// <summary>
    /// The built-in templates plus those at <paramref name="path"/>. Throws <see cref="TemplateException"/> listing every
    /// error (file, JSON path, what is wrong, in Chinese) when a file cannot be read or does not validate: a registry is
    /// never loaded with a bureau's file half-understood.
    /// </summary>
    public static TemplateRegistry Load(string path)
    {
        var (files, errors) = Files(path);
        if (errors.Count > 0) throw new TemplateException(errors);
        return TemplateRegistry.Load(files);
    }
}
