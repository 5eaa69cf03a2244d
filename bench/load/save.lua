-- Saves through PUT /api/v1/forms/{id}. Each wrk thread owns an equal share of the forms (FORM_IDS, SAVE_THREADS
-- threads), one more than its connections (wrk takes one request to check the script and never sends it): a form is
-- sent again only after its last save came back, with the
-- revision that save returned, so every request is a real write, never a 409 conflict. (wrk tells a script nothing of
-- the connection a response came from; the saved form's id, first in the response, says which form is free again.)
local ids = {}
for id in string.gmatch(os.getenv("FORM_IDS") or "", "%d+") do ids[#ids + 1] = id end
local threads = tonumber(os.getenv("SAVE_THREADS") or "1")
local template = io.open(os.getenv("SAVE_BODY")):read("*a")
local cookie = os.getenv("AUTH_COOKIE")
local created = 0

function setup(thread)
  local mine = {}
  for i = created + 1, #ids, threads do mine[#mine + 1] = ids[i] end
  created = created + 1
  thread:set("mine", table.concat(mine, " "))
end

local free = {}
local revisions = {}
local count = 0

function init(args)
  for id in string.gmatch(mine, "%d+") do
    free[#free + 1] = id
    revisions[id] = 1
  end
end

function request()
  count = count + 1
  -- Empty only after a failed save (its form is not returned to the pool); the reused form then conflicts and the
  -- run reports it among the non-2xx answers.
  local id = table.remove(free) or mine:match("%d+")
  local body = template:gsub("__REVISION__", tostring(revisions[id])):gsub("__FILLER__", "压测" .. tostring(count))
  return wrk.format("PUT", "/api/v1/forms/" .. id, {
    ["Content-Type"] = "application/json",
    ["Cookie"] = cookie,
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    local id, revision = body:match('^{"id":(%d+),.-"revision":(%d+)')
    if id then
      revisions[id] = tonumber(revision)
      free[#free + 1] = id
    end
  end
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
