using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Core.Forms;

namespace Jixiao.Documents.Recognition;

/// <summary>
/// A scoring sheet whose table a PDF conversion scrambled (corpus 08, an ex-ante 审核表): no header can be placed, but its
/// numbered section headings keep their points ("一、立项必要性(20分)") and each item keeps one line ending in its grade
/// boxes ("…5分优□良□中□差□"). The section and the item's points are read from those; the item's words are scattered
/// over the lines around it, so its name is left to a person under a doubt, and so are points a conversion lost.
/// </summary>
internal sealed partial class FormBuilder
{
    private bool _assessmentLines;
    private IndicatorRow? _assessmentItem;
    private bool _assessmentPointsLost;
    private string? _assessmentLine;

    private bool TryAssessmentLine(SourceRow row)
    {
        if (row.NonEmptyCount != 1) return false;
        var text = row.Text[row.FirstNonEmpty];
        if (_words.ScoringSection(text) is { } section)
        {
            CloseAssessmentItem();
            (_level1, _level1Weight, _level2, _level2Weight) = (section.Name, section.Weight, null, null);
            _assessmentLines = true;
            return true;
        }
        if (!_assessmentLines) return false;

        var boxes = _words.GradeBoxes(text);
        if (boxes >= 0)
        {
            CloseAssessmentItem();
            var before = text[..boxes].TrimEnd();
            var points = PointsAtEnd().Match(before);
            _assessmentItem = new IndicatorRow { Level1 = _level1, Level1Weight = _level1Weight, Source = row.Source, Weight = points.Success ? Points(points) : null };
            // "风分优□…": the 分 is there and its number is not.
            _assessmentPointsLost = !points.Success && before.EndsWith('分');
            _assessmentLine = text;
            Form.Indicators.Add(_assessmentItem);
            return true;
        }
        // The points of the item above printed on a line of their own ("5分").
        if (_assessmentItem is { Weight: null } item && !_assessmentPointsLost && LonePoints().Match(text.Trim()) is { Success: true } lone)
        {
            item.Weight = Points(lone);
            return true;
        }
        return true;
    }

    private void CloseAssessmentItem()
    {
        if (_assessmentItem is not { } item) return;
        Doubt(new ReadingDoubt
        {
            Reason = DoubtReason.ShiftedCells, Block = FormBlock.Indicators, Row = item.Source, RowLabel = item.Level1,
            Cells = item.Weight is null ? [CellRole.Name, CellRole.Weight] : [CellRole.Name], Text = _assessmentLine,
        });
        _assessmentItem = null;
    }

    private static decimal Points(Match m) => decimal.Parse(m.Groups["n"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<n>\d{1,3}(?:\.\d{1,2})?)\s*分$")]
    private static partial Regex PointsAtEnd();

    [GeneratedRegex(@"^(?<n>\d{1,3}(?:\.\d{1,2})?)\s*分$")]
    private static partial Regex LonePoints();
}
