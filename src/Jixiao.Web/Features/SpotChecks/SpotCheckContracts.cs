using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Jixiao.Data;
using Jixiao.Data.Model;
using Jixiao.Web.Features.Contracts;

namespace Jixiao.Web.Features.SpotChecks;

/// <summary>
/// Draws a sample of the submitted self-evaluations of <see cref="Year"/> in <see cref="OrganisationId"/>'s subtree (the
/// caller's organisation when absent). Give either <see cref="SampleSize"/> or <see cref="Rate"/>. The Rule method needs
/// <see cref="Grade"/>, <see cref="WithFindings"/> or both.
/// </summary>
public sealed record DrawSpotCheckRequest(
    [property: Description("年度"), Range(2000, 2100)] int Year,
    [property: Description("抽取方法：Random 随机、Risk 按风险加权、Rule 按规则")] SpotCheckMethod Method,
    [property: Description("样本量（与 rate 二选一）"), Range(1, 100_000)] int? SampleSize = null,
    [property: Description("抽取比例（大于 0 且不超过 1，与 sampleSize 二选一）"), Range(0.0001, 1)] decimal? Rate = null,
    [property: Description("随机种子（不填则生成一个并记录）"), Range(0, long.MaxValue)] long? Seed = null,
    [property: Description("规则：单位自评等级（如 优）"), MaxLength(20)] string? Grade = null,
    [property: Description("规则：只抽有错误或警告的表")] bool WithFindings = false,
    [property: Description("抽查范围（组织 ID，默认本人所属组织）")] int? OrganisationId = null) : IRequestContract;

public sealed record RecheckScore(
    [property: Description("行：0 为预算执行率，1 起为指标行")] int Position,
    [property: Description("复核得分"), Range(0, Limits.Score)] decimal Score);

/// <summary>The reviewer's score for every row of the form (the 复核 column); the total is their sum.</summary>
public sealed record RecheckRequest(
    [property: Description("各行复核得分"), Required, MaxLength(Limits.Rows)] List<RecheckScore> Scores,
    [property: Description("复核意见"), MaxLength(AppDbContext.RectificationTextLength)] string? Note = null) : IRequestContract;

public sealed record SpotCheckDto(
    int Id, int Year, int OrganisationId, string OrganisationName, string Method, string MethodName, long Seed, int? SampleSize, decimal? Rate,
    string? RuleGrade, bool RuleWithFindings, int Population, int Drawn, int Rechecked, DateTimeOffset DrawnAt, string DrawnBy, string Description)
{
    public static SpotCheckDto From(SpotCheck s, int drawn, int rechecked) => new(
        s.Id, s.Year, s.OrganisationId, s.OrganisationName, s.Method.ToString(), SpotCheckText.MethodName(s.Method), s.Seed, s.SampleSize, s.Rate,
        s.RuleGrade, s.RuleWithFindings, s.Population, drawn, rechecked, s.DrawnAt, s.DrawnBy, SpotCheckText.Describe(s));
}

public sealed record EntryDto(
    int Id, int SpotCheckId, int Position, int FormId, int OrganisationId, string? UnitName, string? ProjectName, decimal Risk,
    decimal? StatedTotal, string? StatedGrade, decimal? RecheckedTotal, string? RecheckedGrade, bool Rechecked, int RowsChecked, int RowsChanged,
    decimal PointsChanged, string? Note, DateTimeOffset? RecheckedAt, string? RecheckedBy)
{
    public static EntryDto From(SpotCheckEntry e) => new(
        e.Id, e.SpotCheckId, e.Position, e.FormId, e.OrganisationId, e.UnitName, e.ProjectName, e.Risk, e.StatedTotal, e.StatedGrade,
        e.RecheckedTotal, e.RecheckedGrade, e.RecheckedAt is not null, e.RowsChecked, e.RowsChanged, e.PointsChanged, e.Note, e.RecheckedAt, e.RecheckedBy);
}

/// <summary>One row of the re-check sheet: what the unit stated, what the rules compute, and the 复核 score if given.</summary>
public sealed record RecheckRowDto(int Position, string Name, decimal? Weight, decimal? Stated, decimal? Computed, decimal? Rechecked);

public sealed record RecheckSheetDto(EntryDto Entry, IReadOnlyList<RecheckRowDto> Rows, decimal? StatedTotal, decimal ComputedTotal, decimal? RecheckedTotal);

/// <summary>
/// A unit's credibility from its re-checked forms: <see cref="ChangedShare"/> is the share of re-checked points that
/// changed (Σ|复核分 − 自评分| ÷ Σ 分值 over every re-checked row), <see cref="Credibility"/> is 1 minus it.
/// </summary>
public sealed record CredibilityDto(
    int OrganisationId, string? UnitName, int Forms, int RowsChecked, int RowsChanged, decimal PointsChecked, decimal PointsChanged,
    decimal ChangedShare, decimal Credibility);

public static class SpotCheckText
{
    public static string MethodName(SpotCheckMethod method) => method switch
    {
        SpotCheckMethod.Random => "随机抽取",
        SpotCheckMethod.Risk => "按风险加权",
        SpotCheckMethod.Rule => "按规则",
    };

    public static string Describe(SpotCheck s)
    {
        var size = s.Rate is { } r ? $"比例 {(r * 100m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%" : $"样本量 {s.SampleSize}";
        var rule = s.Method == SpotCheckMethod.Rule
            ? "，规则：" + string.Join("且", new[] { s.RuleGrade is { } g ? $"自评等级为“{g}”" : null, s.RuleWithFindings ? "有错误或警告" : null }.Where(x => x is not null))
            : "";
        return $"{s.Year} 年度 · {MethodName(s.Method)}{rule} · {size} · 种子 {s.Seed} · 从 {s.Population} 张已提交的自评表中抽取";
    }
}
