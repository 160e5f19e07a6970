-- Anonymous page load: wrk's own GET of the URL it was given, no cookies; counts statuses for report.lua.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

function response(status, headers, body)
   count_status(status)
   if headers["Set-Cookie"] and headers["Set-Cookie"]:find("SESSION=", 1, true) then
      extra.session_cookies = (extra.session_cookies or 0) + 1
   end
end
