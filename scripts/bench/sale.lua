-- The flash sale: each request is the next signed-in buyer (round robin over BENCH_BUYERS_FILE, each line
-- "<Cookie header>\t<_csrf>") posting the event page's registration form for one ticket, as the browser does.
-- BENCH_EVENT_ID and BENCH_TICKET_TYPE_ID say what to buy. A 302 to /tickets is a sale, any other 302 a refusal
-- (sold out, per-person limit). A thread stops after 32 refusals in a row: the seats are gone, and the latency
-- percentiles stay those of the sale.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local buyers = {}
local next_buyer
local refusals_in_a_row = 0
local path, type_id

function init(args)
   for line in io.lines(os.getenv("BENCH_BUYERS_FILE")) do
      local cookie, token = line:match("^([^\t]+)\t(.+)$")
      if cookie then table.insert(buyers, {cookie = cookie, token = token}) end
   end
   path = "/events/" .. os.getenv("BENCH_EVENT_ID") .. "/register"
   type_id = os.getenv("BENCH_TICKET_TYPE_ID")
   -- threads start far apart in the list, so two threads rarely post for one buyer at once
   next_buyer = math.floor(#buyers * thread_index / 2)
   extra.sold, extra.refused, extra.other = 0, 0, 0
end

function request()
   next_buyer = next_buyer % #buyers + 1
   local buyer = buyers[next_buyer]
   return wrk.format("POST", path, {
      ["Cookie"] = buyer.cookie,
      ["Content-Type"] = "application/x-www-form-urlencoded",
   }, "qty-" .. type_id .. "=1&_csrf=" .. buyer.token)
end

function response(status, headers, body)
   count_status(status)
   local location = headers["Location"] or ""
   if status == 302 and location:find("/tickets", 1, true) then
      extra.sold = extra.sold + 1
      refusals_in_a_row = 0
   elseif status == 302 then
      extra.refused = extra.refused + 1
      refusals_in_a_row = refusals_in_a_row + 1
      if refusals_in_a_row >= 32 then wrk.thread:stop() end
   else
      extra.other = extra.other + 1
   end
end
