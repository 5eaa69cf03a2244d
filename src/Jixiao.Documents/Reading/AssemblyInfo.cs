using System.Runtime.CompilerServices;

// The number formatting and format-code rules of the xlsx reader are tested directly: building a workbook for every
// format code would test OpenXml's writer more than our rules.
[assembly: InternalsVisibleTo("Jixiao.Documents.Tests")]
