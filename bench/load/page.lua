-- GET of the form editor page (the server-side prerender a browser receives first) with the signed-in cookie.
local cookie = os.getenv("AUTH_COOKIE")

function request()
  return wrk.format("GET", os.getenv("PAGE_PATH"), { ["Cookie"] = cookie })
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
