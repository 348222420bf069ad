-- wrk script for the soak: each connection cycles through the two assessment endpoints and the record
-- verification, with the bodies in benchmarks/soak (BODIES_DIR). Any answer other than 200 counts as an error.
local dir = os.getenv("BODIES_DIR") or "benchmarks/soak"

local function read(name)
  local file = assert(io.open(dir .. "/" .. name, "rb"), "missing body file " .. name)
  local body = file:read("*a")
  file:close()
  return body
end

-- Per-thread globals (wrk runs one Lua state per thread; done() reads each thread's "errors" with thread:get).
requests = {}
counter = 0
errors = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local headers = { ["Content-Type"] = "application/json" }
  requests[1] = wrk.format("POST", "/api/v1/designation-assessments", headers, read("designation-request.json"))
  requests[2] = wrk.format("POST", "/api/v1/change-assessments", headers, read("change-request.json"))
  requests[3] = wrk.format("POST", "/api/v1/decision-records/verifications", headers, read("record.json"))
end

function request()
  counter = counter + 1
  return requests[(counter % 3) + 1]
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local total_errors = 0
  for _, thread in ipairs(threads) do
    total_errors = total_errors + thread:get("errors")
  end
  io.write(string.format("non-200 answers: %d\n", total_errors))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
