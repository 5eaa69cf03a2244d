-- GETs from a list of requests (REQUESTS: a file of "cookie<TAB>path" lines: users of different scopes, years,
-- filters and pages), each thread starting at its own offset, so that no single URL or user answers a whole run.
local lines = {}
for line in io.lines(os.getenv("REQUESTS")) do
  local cookie, path = line:match("^([^\t]*)\t(.+)$")
  if path then lines[#lines + 1] = { cookie = cookie, path = path } end
end
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("offset", threads * 7919)
end

local n = 0
function request()
  n = n + 1
  local r = lines[(offset + n) % #lines + 1]
  local headers = {}
  if r.cookie ~= "" then headers["Cookie"] = r.cookie end
  return wrk.format("GET", r.path, headers)
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
