using Microsoft.Playwright;

namespace Jixiao.Web.BrowserTests;

/// <summary>Full-page screenshots of the main pages into docs/screenshots, for the README and for a person to look at.</summary>
public static class Screens
{
    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx"))) dir = dir.Parent;
            var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static Task Save(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}
