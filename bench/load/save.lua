-- Saves through PUT /api/v1/forms/{id}: one connection per wrk thread (-t N -c N), each on a form of its own, so
-- every save carries the revision its previous save returned and is a real write, never a 409 conflict.
local forms = {}
for id in string.gmatch(os.getenv("FORM_IDS") or "", "%d+") do forms[#forms + 1] = id end
local template = io.open(os.getenv("SAVE_BODY")):read("*a")
local cookie = os.getenv("AUTH_COOKIE")
local index = 0

function setup(thread)
  index = index + 1
  thread:set("form_id", forms[((index - 1) % #forms) + 1])
end

local revision = 1
local count = 0
local conflicts = 0

function request()
  count = count + 1
  local body = template:gsub("__REVISION__", tostring(revision)):gsub("__FILLER__", "压测" .. tostring(count))
  return wrk.format("PUT", "/api/v1/forms/" .. form_id, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    local r = body:match('"revision":(%d+)')
    if r then revision = tonumber(r) end
  elseif status == 409 then
    conflicts = conflicts + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
