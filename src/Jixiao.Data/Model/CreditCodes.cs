namespace Jixiao.Data.Model;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capitals without I, O, Z, S, V; the last is a check
/// character over the first 17 (weights 3^i mod 31, check = 31 − sum mod 31, 31 read as 0).
/// </summary>
public static class CreditCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Null when <paramref name="code"/> is a valid code, else what is wrong with it (Chinese).</summary>
    public static string? Problem(string code)
    {
        if (code.Length != 18) return $"应为 18 位，实为 {code.Length} 位";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i], StringComparison.Ordinal) < 0)
                return $"第 {i + 1} 位“{code[i]}”不是允许的字符（数字或除 I、O、Z、S、V 以外的大写字母）";
        var check = CheckCharacter(code[..17]);
        return code[17] == check ? null : $"校验位应为“{check}”，实为“{code[17]}”";
    }

    /// <summary>The check character of the first 17 characters (each from the code's alphabet).</summary>
    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>A code from 17 characters of the alphabet, check character appended.</summary>
    public static string Complete(string first17) =>
        first17.Length == 17 && first17.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            ? first17 + CheckCharacter(first17)
            : throw new ArgumentException($"Not 17 characters of the credit code alphabet: {first17}", nameof(first17));
}
