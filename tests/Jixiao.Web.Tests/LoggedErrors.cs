using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;
using Xunit.v3;

[assembly: Jixiao.Web.Tests.FailOnLoggedErrors]

namespace Jixiao.Web.Tests;

/// <summary>
/// Every exception the app logs at Error or above while a test runs fails that test: a 500 that a test happens not to
/// look at is still a bug. The test host preserves the test's execution context into the server
/// (<c>TestServerOptions.PreserveExecutionContext</c>), so a log entry knows which test's request caused it. A test
/// that breaks the app on purpose says which exception it expects with <see cref="Expect{T}"/>.
/// </summary>
public static class LoggedErrors
{
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> ByTest = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, ConcurrentBag<Type>> Expected = new(StringComparer.Ordinal);

    /// <summary>The current test breaks the app on purpose with <typeparamref name="T"/>; logging it is expected.</summary>
    public static void Expect<T>() where T : Exception =>
        Expected.GetOrAdd(CurrentTest ?? throw new InvalidOperationException("Expect is for use inside a test."), _ => []).Add(typeof(T));

    private static string? CurrentTest => TestContext.Current.Test?.UniqueID;

    /// <summary>Charges the entry to the running test; false when no test is running (background work of the host).</summary>
    internal static bool Record(string category, Exception exception, string message)
    {
        var entry = $"{category}: {message}\n{exception}";
        if (CurrentTest is not { } test) return false;
        if (Expected.TryGetValue(test, out var expected) && expected.Any(t => t.IsInstanceOfType(exception))) return true;
        ByTest.GetOrAdd(test, _ => new()).Enqueue(entry);
        return true;
    }

    internal static IReadOnlyList<string> Take(string test)
    {
        Expected.TryRemove(test, out _);
        return ByTest.TryRemove(test, out var entries) ? entries.ToList() : [];
    }
}

[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FailOnLoggedErrorsAttribute : BeforeAfterTestAttribute
{
    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var errors = LoggedErrors.Take(test.UniqueID);
        if (errors.Count > 0)
            throw new XunitException($"The app logged {errors.Count} unhandled exception(s) during this test:\n{string.Join("\n---\n", errors)}");
    }
}

/// <summary>
/// One per host: errors logged outside any test (background work) are kept here and fail the host's disposal, except
/// those logged once the host is being disposed: a worker's query cut off by the stop is reported by EF Core itself
/// (a failed command or query iteration, at Error, before the worker's own handler sees it), and on a loaded machine
/// the stop can land in any query; that is the stop, not a defect of the app.
/// </summary>
public sealed class ErrorRecordingLoggerProvider : ILoggerProvider
{
    private volatile bool stopping;

    public ConcurrentQueue<string> Unattributed { get; } = new();

    /// <summary>Called just before the host is disposed: from here on, unattributed errors are the stop's.</summary>
    public void Stopping() => stopping = true;

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, this);

    public void Dispose() { }

    private sealed class Recorder(string category, ErrorRecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel < LogLevel.Error || exception is null) return;
            var message = formatter(state, exception);
            if (!LoggedErrors.Record(category, exception, message) && !provider.stopping)
                provider.Unattributed.Enqueue($"{category}: {message}\n{exception}");
        }
    }
}
