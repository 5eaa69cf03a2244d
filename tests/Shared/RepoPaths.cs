namespace Jixiao.Tests;

/// <summary>Finds the repository and the shared seeds beside it (CI clones main with ../shared next to it).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The four real 2020 documents; JIXIAO_SEEDS overrides where they are.</summary>
    public static string Seeds =>
        Environment.GetEnvironmentVariable("JIXIAO_SEEDS") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    /// <summary>The real published documents (with <c>audited/</c> inside); JIXIAO_CORPUS overrides where they are.</summary>
    public static string Corpus =>
        Environment.GetEnvironmentVariable("JIXIAO_CORPUS") is { Length: > 0 } dir ? dir : Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus"));

    /// <summary>The seed whose file name starts with <paramref name="number"/> ("000" … "003").</summary>
    public static string Seed(string number) =>
        Directory.GetFiles(Seeds, number + "_*.txt").Single();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Jixiao.slnx not found above " + AppContext.BaseDirectory);
    }
}
