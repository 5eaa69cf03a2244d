using Jixiao.Core.Rulebooks;

namespace Jixiao.Data.Model;

/// <summary>
/// Finance's decision on next year's budget for one evaluated project (结果应用): the action and amount it chose, why,
/// who and when, beside the suggestion the rulebook made at that moment. Append-only: a changed decision is a new row,
/// the latest per form is the one in force, and the older ones are its history (the context refuses to change them).
/// </summary>
public sealed class BudgetDecision
{
    public int Id { get; set; }
    /// <summary>The project self-evaluation the decision rests on.</summary>
    public int FormId { get; set; }
    public FormRecord? Form { get; set; }
    /// <summary>Copied from the form's organisation so scoping is one prefix comparison.</summary>
    public required string OrganisationPath { get; set; }
    /// <summary>The evaluated year (the decision is about the year after it).</summary>
    public int Year { get; set; }
    public BudgetAction Action { get; set; }
    /// <summary>Next year's amount in 元.</summary>
    public decimal Amount { get; set; }
    public required string Reason { get; set; }
    public BudgetAction SuggestedAction { get; set; }
    /// <summary>The rulebook's amount when the decision was taken (null: the project had no known budget).</summary>
    public decimal? SuggestedAmount { get; set; }
    public required string RulebookId { get; set; }
    /// <summary>The grade the suggestion came from.</summary>
    public required string Grade { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string DecidedById { get; set; }
    public required string DecidedByName { get; set; }

    /// <summary>The decision follows the suggestion: the same action and the same amount.</summary>
    public bool FollowsSuggestion => Action == SuggestedAction && SuggestedAmount == Amount;
}

/// <summary>
/// Which rulebook and template set finance chose for an organisation's subtree and a year. Append-only like decisions:
/// the latest row per (organisation, year) is in force; the nearest organisation on a form's path with a choice decides.
/// </summary>
public sealed class RulebookChoice
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string OrganisationPath { get; set; }
    public required string OrganisationName { get; set; }
    public int Year { get; set; }
    public required string RulebookId { get; set; }
    /// <summary>The region whose layout templates new forms start from ("*": the national ones).</summary>
    public required string TemplateRegion { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
    public required string ChosenById { get; set; }
    public required string ChosenByName { get; set; }
    /// <summary>Forms re-scored when the choice was applied, and published forms whose difference was recorded.</summary>
    public int Rescored { get; set; }
    public int PublishedKept { get; set; }
}
