-- Saves through PUT /api/v1/forms/{id}: many units' own drafts, each with its filler's cookie and its own body
-- (FORMS: a file of "id<TAB>cookie<TAB>body file[<TAB>revision]" lines, the revision 1 when not given; a body file holds
-- {"revision":__REVISION__,"form":…}).
-- Each thread owns a share of the forms; a form is sent again only after its last save came back, with the revision
-- that save returned, so every request is a real write, never a 409 conflict.
local all = {}
for line in io.lines(os.getenv("FORMS")) do
  local id, cookie, file = line:match("^(%d+)\t([^\t]*)\t([^\t]+)")
  local revision = line:match("\t(%d+)$")
  if id then all[#all + 1] = { id = id, cookie = cookie, file = file, revision = tonumber(revision or "1") } end
end
local threads = tonumber(os.getenv("SAVE_THREADS") or "1")
local created = 0

function setup(thread)
  local mine = {}
  for i = created + 1, #all, threads do mine[#mine + 1] = i end
  created = created + 1
  thread:set("mine", table.concat(mine, " "))
end

local free, revisions, bodies, byId = {}, {}, {}, {}
local count = 0

function init(args)
  for i in string.gmatch(mine, "%d+") do
    local f = all[tonumber(i)]
    free[#free + 1] = f.id
    revisions[f.id] = f.revision
    bodies[f.id] = io.open(f.file):read("*a")
    byId[f.id] = f
  end
end

function request()
  count = count + 1
  local id = table.remove(free) or mine:match("%d+")
  local f = byId[id] or all[1]
  local body = bodies[f.id]:gsub("__REVISION__", tostring(revisions[f.id])):gsub("__FILLER__", "压测" .. tostring(count))
  return wrk.format("PUT", "/api/v1/forms/" .. f.id, { ["Content-Type"] = "application/json", ["Cookie"] = f.cookie }, body)
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
