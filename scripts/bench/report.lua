-- Shared by pages.lua and sale.lua: counts every answer's status per thread and, when wrk is done, prints one line
-- "BENCH_JSON {...}" with requests, duration, rate, latency percentiles, statuses and socket errors.
-- A script that loads this may set `extra_counters` (a table of names) that each thread keeps in the global
-- table `extra`; they are summed into the JSON's "extra".

statuses = {}
extra = {}
local threads = {}

function count_status(status)
   statuses[status] = (statuses[status] or 0) + 1
end

function setup(thread)
   thread:set("thread_index", #threads)
   table.insert(threads, thread)
end

local function json_value(value)
   if type(value) == "table" then
      local parts = {}
      for key, item in pairs(value) do
         table.insert(parts, string.format("%q:%s", tostring(key), json_value(item)))
      end
      table.sort(parts)
      return "{" .. table.concat(parts, ",") .. "}"
   elseif type(value) == "number" then
      if value ~= value or value == math.huge or value == -math.huge then return "null" end
      return string.format("%.6g", value)
   end
   return string.format("%q", tostring(value))
end

function done(summary, latency, requests)
   local all, sums = {}, {}
   for _, thread in ipairs(threads) do
      for status, count in pairs(thread:get("statuses") or {}) do
         all[status] = (all[status] or 0) + count
      end
      for name, count in pairs(thread:get("extra") or {}) do
         sums[name] = (sums[name] or 0) + count
      end
   end
   local ok, server_errors, counted = 0, 0, 0
   for status, count in pairs(all) do
      counted = counted + count
      if status >= 200 and status < 400 then ok = ok + count end
      if status >= 500 then server_errors = server_errors + count end
   end
   local seconds = summary.duration / 1e6
   local result = {
      requests = summary.requests,
      duration_s = seconds,
      rps = summary.requests / seconds,
      latency_ms = {
         p50 = latency:percentile(50) / 1000, p90 = latency:percentile(90) / 1000,
         p99 = latency:percentile(99) / 1000, max = latency.max / 1000, mean = latency.mean / 1000,
      },
      statuses = all,
      non_2xx_3xx = counted - ok,
      status_5xx = server_errors,
      socket_errors = {
         connect = summary.errors.connect, read = summary.errors.read, write = summary.errors.write,
         timeout = summary.errors.timeout,
      },
      extra = sums,
   }
   io.write("BENCH_JSON " .. json_value(result) .. "\n")
end
