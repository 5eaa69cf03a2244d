using System.Collections.Frozen;
using Jixiao.Data.Model;
using Microsoft.AspNetCore.Identity;

namespace Jixiao.Web.Access;

/// <summary>
/// Refuses passwords that attackers try first. The list is Openwall's password.lst (Solar Designer, 3,546 entries,
/// public domain; shipped as Access/common-passwords.txt from Debian's john-data 1.9.0). A password is refused when it
/// is on the list, or when its word without the digits and symbols people append (“Password1!” → “password”) is: length and
/// character classes alone let “Password1!” through.
/// </summary>
public sealed class CommonPasswords : IPasswordValidator<AppUser>
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    // What people put before and after a word to pass "a digit and a symbol" rules.
    private static readonly char[] Decorations = "0123456789!@#$%^&*()-_=+.,?~ ".ToCharArray();

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "密码过于常见，容易被猜中，请换一个。" })
            : IdentityResult.Success);

    public static bool IsCommon(string? password)
    {
        if (string.IsNullOrEmpty(password)) return false;
        var lower = password.ToLowerInvariant();
        if (List.Value.Contains(lower)) return true;
        var word = lower.Trim(Decorations);
        return word.Length >= 4 && List.Value.Contains(word);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Jixiao.Web.Access.common-passwords.txt")
                           ?? throw new InvalidOperationException("The common password list is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith("#!comment:", StringComparison.Ordinal)) words.Add(line.Trim().ToLowerInvariant());
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
