namespace Jixiao.Core.Checks;

/// <summary>One check of the catalogue on one form. A rule reports only what it can be sure of at printed precision.</summary>
public interface ICheckRule
{
    /// <summary>The stable code of <see cref="CheckCodes"/> this rule reports.</summary>
    string Code { get; }

    IEnumerable<Finding> Check(CheckContext context);
}
