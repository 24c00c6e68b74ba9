-- wrk script: POST one-to-one text messages, rotating over the senders' sessions read from $BENCH_SESSIONS
-- (one "token resource recipient" line per sender). Every request is a new message (the server assigns the msgId).
-- With BENCH_READ=1 it sends the same sessions' authenticated GET /v1/events/cursor instead: the baseline of a call
-- that authenticates and reads, but writes nothing.
local sessions = {}
local path = os.getenv("BENCH_SESSIONS")
for line in io.lines(path) do
  local token, resource, to = line:match("^(%S+) (%S+) (%S+)$")
  if token then table.insert(sessions, { token = token, resource = resource, to = to }) end
end
local app = os.getenv("BENCH_APP")
local read_only = os.getenv("BENCH_READ") == "1"
local counter = 0

request = function()
  counter = counter + 1
  local s = sessions[(counter % #sessions) + 1]
  local headers = {
    ["Authorization"] = "Bearer " .. s.token,
    ["X-IM-Resource"] = s.resource,
    ["X-IM-App"] = app,
  }
  if read_only then
    return wrk.format("GET", "/v1/events/cursor", headers)
  end
  headers["Content-Type"] = "application/json"
  local body = '{"to":"' .. s.to .. '","chatType":"chat","body":{"type":"text","content":"load ' .. counter .. '"}}'
  return wrk.format("POST", "/v1/messages", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("BENCH requests=%d duration_us=%d errors_status=%d errors_connect=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,
    latency:percentile(50), latency:percentile(99)))
end
