#!/usr/bin/env python3
"""Signs each bench buyer in through Guichet's real login form and writes the buyers file wrk's sale.lua reads.

For each buyer: GET /login (the guichet-csrf cookie and the form's _csrf), POST /login with email, password and
_csrf, then GET the sale event's page and take the _csrf of its forms (the token is renewed at sign-in). Every
cookie the app sets is kept (SESSION, guichet-csrf, remember-me if any). Output: one line per buyer,
"<Cookie header>\t<_csrf>", for wrk. Usage: buyers.py BASE_URL SEED_ENV OUT_FILE [THREADS]
"""
import concurrent.futures
import http.cookiejar
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from benchenv import read_env

CSRF = re.compile(r'<input[^>]*name="_csrf"[^>]*value="([^"]+)"|<input[^>]*value="([^"]+)"[^>]*name="_csrf"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_of(html):
    match = CSRF.search(html)
    if not match:
        raise RuntimeError("no _csrf input in the page")
    return match.group(1) or match.group(2)


def open_page(opener, url, data=None):
    try:
        with opener.open(url, data=data, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as answer:  # 3xx with redirects off, or an error page
        return answer.code, answer.headers, answer.read().decode("utf-8", "replace")


def sign_in(base, email, password, event_id):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    status, _, html = open_page(opener, base + "/login")
    if status != 200:
        raise RuntimeError(f"GET /login answered {status}")
    form = urllib.parse.urlencode({"email": email, "password": password, "_csrf": csrf_of(html)}).encode()
    status, headers, _ = open_page(opener, base + "/login", form)
    location = headers.get("Location", "")
    if status != 302 or "error" in location or "login" in location:
        raise RuntimeError(f"POST /login for {email} answered {status} to {location!r}")
    status, _, html = open_page(opener, f"{base}/events/{event_id}")
    if status != 200:
        raise RuntimeError(f"GET /events/{event_id} answered {status}")
    if 'id="register"' not in html:
        raise RuntimeError("the event page shows no registration panel")
    token = csrf_of(html)
    names = {cookie.name for cookie in jar}
    if "SESSION" not in names:
        raise RuntimeError(f"no SESSION cookie after signing {email} in (cookies: {sorted(names)})")
    cookie_header = "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)
    return cookie_header, token


def main():
    base, seed_env, out = sys.argv[1], sys.argv[2], sys.argv[3]
    threads = int(sys.argv[4]) if len(sys.argv) > 4 else 16
    env = read_env(seed_env)
    emails = env["BUYERS"].split(",")
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        signed = list(pool.map(lambda email: sign_in(base, email, env["BUYER_PASSWORD"], env["SALE_EVENT_ID"]),
                               emails))
    with open(out, "w", encoding="utf-8") as lines:
        for cookie_header, token in signed:
            lines.write(f"{cookie_header}\t{token}\n")
    print(f"{len(signed)} buyers signed in through /login in {time.monotonic() - started:.1f} s -> {out}")


if __name__ == "__main__":
    main()
