-- wrk script for the load benchmark: POSTs the JSON bodies named in the BODIES environment variable
-- (colon-separated files), one after the other, and prints one machine-readable RESULT line at the end.
local bodies = {}
local next_body = 0

for file in string.gmatch(os.getenv("BODIES") or "", "[^:]+") do
  local f = assert(io.open(file, "r"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end

local accept = os.getenv("ACCEPT_ENCODING")

request = function()
  if #bodies == 0 then
    return wrk.format("GET", wrk.path)
  end
  next_body = next_body % #bodies + 1
  local headers = { ["Content-Type"] = "application/json" }
  if accept and accept ~= "" then
    headers["Accept-Encoding"] = accept
  end
  return wrk.format("POST", wrk.path, headers, bodies[next_body])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d bytes=%d\n",
      summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
      latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, summary.bytes))
end
