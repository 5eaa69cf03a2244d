namespace Jixiao.Web.Features.Contracts;

/// <summary>
/// The bounds of the numbers and texts a form can hold on the wire. Generous enough for every published form (the
/// largest provincial budgets stay far below <see cref="Money"/>), tight enough that no later sum, product or ratio of
/// them overflows <see cref="decimal"/>.
/// </summary>
public static class Limits
{
    /// <summary>10¹⁴ — a hundred trillion, in 元 or 万元.</summary>
    public const double Money = 1e14;

    /// <summary>Weights and scores: a row's 分值 is at most 100 on a correct form; stated ones up to here reach the checker as findings.</summary>
    public const double Score = 1000;

    /// <summary>A stated percentage as a fraction: 0 to 100 (0% to 10000%).</summary>
    public const double RateFraction = 100;

    public const int RateDecimals = 6;

    public const double Headcount = 10_000_000;

    public const int Rows = 2_000;

    public const int ShortText = 200;

    public const int IndicatorText = 2_000;

    /// <summary>Goals, explanations and every other long field: the editor's limit (<see cref="Core.Forms.TextLimits"/>), one number for both.</summary>
    public const int LongText = Core.Forms.TextLimits.Long;

    /// <summary>A reviewer's reason or a unit's justification: a few paragraphs, not a report.</summary>
    public const int ReasonText = 20_000;

    /// <summary>A whole narrative report, as long as the editor takes it.</summary>
    public const int ReportText = Core.Forms.TextLimits.Long;

    public const int SourceRow = 10_000_000;

    public const int SourceColumn = 100_000;
}

/// <summary>Each item of a list or each value of a dictionary of strings is at most <see cref="Length"/> characters.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class EachMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>A request body the API validates against its annotations before any endpoint uses it (<see cref="ContractValidation"/>).</summary>
public interface IRequestContract;
