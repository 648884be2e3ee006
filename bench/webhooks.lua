-- wrk script of the webhook benchmark (see bench/README.md): each thread replays its own file of
-- Twilio-signed webhooks written by WebhookRequests.java, one request a line ("signature TAB body"),
-- so that every request is a distinct message. Usage:
--   wrk -t2 -c50 -d15s -s bench/webhooks.lua http://127.0.0.1:PORT/webhooks/twilio -- DIR
-- A thread that reaches the end of its file starts it again; replays are only dropped by the
-- service's dedupe, so done() says so loudly and the run's figures are not to be used.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local dir = args[1] or "."
  file = io.open(dir .. "/requests-" .. id .. ".txt", "r")
  if not file then
    error("no " .. dir .. "/requests-" .. id .. ".txt")
  end
  wrapped = 0
  sent = 0
  path = wrk.path
end

function request()
  local line = file:read("*l")
  if not line then
    wrapped = wrapped + 1
    file:seek("set")
    line = file:read("*l")
  end
  sent = sent + 1
  local tab = line:find("\t", 1, true)
  return wrk.format("POST", path, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["X-Twilio-Signature"] = line:sub(1, tab - 1),
  }, line:sub(tab + 1))
end

function done(summary, latency, requests)
  local wraps, total = 0, 0
  for _, t in ipairs(threads) do
    wraps = wraps + (t:get("wrapped") or 0)
    total = total + (t:get("sent") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f"
      .. " max_ms=%.2f non2xx=%d connect=%d read=%d write=%d timeout=%d sent=%d wrapped=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency:percentile(99.9) / 1e3, latency.max / 1e3,
    e.status, e.connect, e.read, e.write, e.timeout, total, wraps))
  if wraps > 0 then
    io.write("WARNING: a thread ran out of distinct requests and replayed some: generate more\n")
  end
end
