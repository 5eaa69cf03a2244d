namespace Jixiao.Cli;

/// <summary>The exit codes of every command (README, <c>--help</c>): the only results a script sees.</summary>
public static class ExitCodes
{
    /// <summary>Everything was read and checked; findings, if any, are warnings or notes.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding of severity error.</summary>
    public const int ErrorFindings = 1;

    /// <summary>A file could not be read (or a report not written), or the arguments are wrong; the other files were still checked.</summary>
    public const int Unreadable = 2;

    /// <summary>A defect of jixiao itself: a check rule or a reader failed; the results are incomplete.</summary>
    public const int InternalError = 3;

    /// <summary>The lines <c>--help</c> shows.</summary>
    public const string Help = """

        退出码：
          0  没有错误类问题（可有警告、提示）
          1  发现错误类问题
          2  有文件无法读取、核查报告无法写入或参数有误（其他文件照常检查）
          3  内部错误（本程序的缺陷，结果不完整，请将所用文件提交给系统维护人员）
        """;
}
