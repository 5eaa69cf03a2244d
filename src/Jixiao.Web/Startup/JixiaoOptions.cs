using Jixiao.Data;

namespace Jixiao.Web.Startup;

/// <summary>The "Jixiao" configuration section (appsettings, environment JIXIAO__…, command line).</summary>
public sealed class JixiaoOptions
{
    /// <summary>Demo mode: a fictional city with printed passwords. Also switched on by --demo.</summary>
    public bool Demo { get; set; }

    /// <summary>Where the SQLite file lives when no PostgreSQL is configured.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Required outside demo mode: the password of <see cref="AdminUser"/> when it is first created.</summary>
    public string? AdminPassword { get; set; }

    public string AdminUser { get; set; } = "admin";

    /// <summary>The root of the organisation tree created on the first production start.</summary>
    public string RootCode { get; set; } = "CZ";

    public string RootName { get; set; } = "财政局";

    /// <summary>Requests worked on at once; later ones wait in arrival order (<see cref="Admission"/>). 0: no limit.</summary>
    public int ConcurrentRequests { get; set; } = 4 * Environment.ProcessorCount;

    /// <summary>Requests that may wait for a turn; one more is refused with 503.</summary>
    public int QueuedRequests { get; set; } = 1000;

    /// <summary>Production over HTTPS only: http is redirected, HSTS is sent (one year), cookies are always Secure.</summary>
    public bool Https { get; set; }

    /// <summary>Behind a reverse proxy: take the client address and scheme from X-Forwarded-For and X-Forwarded-Proto.</summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>The proxies whose forwarded headers count, comma separated (default: loopback only); "*" trusts any sender.</summary>
    public string? KnownProxies { get; set; }

    /// <summary>How often an open session is checked against its user (seconds): a lockout or a new password ends it within this time.</summary>
    public int SessionCheckSeconds { get; set; } = 60;

    /// <summary>The largest request body accepted, in bytes (Kestrel's limit too); larger ones get 413 “请求体过大”.</summary>
    public long MaxRequestBytes { get; set; } = 30_000_000;

    public DatabaseSettings Database(string? postgres) =>
        !string.IsNullOrWhiteSpace(postgres)
            ? new DatabaseSettings(postgres, "")
            // Demo data goes to its own file so a later production start never finds demo accounts in the real one.
            : DatabaseSettings.ForSqliteFile(Path.Combine(DataFolder, Demo ? "demo.db" : "jixiao.db"));
}

/// <summary>A start that must not go on, with the message the operator reads (no stack trace).</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
