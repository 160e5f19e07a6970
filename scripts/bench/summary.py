#!/usr/bin/env python3
"""Reads the figures bench.sh gathered in OUT_DIR and prints the table: each figure, its yardstick, the ratio,
the target and PASS/FAIL. Writes OUT_DIR/summary.json and OUT_DIR/summary.md. Exits 1 when the sale sold another
number of tickets than its seats or any request got a 5xx (the benchmark's own checks), 0 otherwise, however
the speed targets fare. Usage: summary.py OUT_DIR
"""
import json
import os
import sys

from benchenv import read_env


def load(out, name):
    with open(os.path.join(out, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def main():
    out = sys.argv[1]
    facts = read_env(os.path.join(out, "facts.env"))
    health = load(out, "wrk-health")
    pages = {name: load(out, "wrk-" + name) for name in ("events", "events-page2", "event", "home")}
    sale = load(out, "wrk-sale")
    seats = int(facts["SEATS"])
    tickets = int(facts["VALID_TICKETS"])
    pgbench_tps = float(facts["PGBENCH_TPS"])
    sale_seconds = float(facts["SALE_SPAN_S"]) if facts.get("SALE_SPAN_S") else 0.0
    tickets_per_s = tickets / sale_seconds if sale_seconds > 0 else 0.0
    health_rps = health["rps"]
    rows = []

    def row(figure, value, yardstick, ratio, target, passed):
        rows.append({"figure": figure, "value": value, "yardstick": yardstick, "ratio": ratio, "target": target,
                     "result": "PASS" if passed else "FAIL"})

    row("sale tickets/s", f"{tickets_per_s:.0f}", f"pgbench {pgbench_tps:.0f} tps",
        f"{tickets_per_s / pgbench_tps:.2f}", ">= 500/s", tickets_per_s >= 500)
    row("sale / pgbench", f"{tickets_per_s / pgbench_tps:.2f}", f"pgbench {pgbench_tps:.0f} tps", "",
        ">= 0.5 (aim)", tickets_per_s / pgbench_tps >= 0.5)
    all_tickets = int(facts["ALL_TICKETS"])
    row("valid tickets (all tickets)", f"{tickets} ({all_tickets})", f"{seats} seats", f"{tickets / seats:.2f}",
        "== seats", tickets == seats and all_tickets == seats)
    row("type sold / event seats_taken", f"{facts['TYPE_SOLD']} / {facts['EVENT_SEATS_TAKEN']}", f"{seats} seats",
        "", "== seats", int(facts["TYPE_SOLD"]) == seats and int(facts["EVENT_SEATS_TAKEN"]) == seats)
    row("sale 5xx", f"{sale['status_5xx']}", "", "", "0", sale["status_5xx"] == 0)
    row("sale p50 / p99 ms", f"{sale['latency_ms']['p50']:.0f} / {sale['latency_ms']['p99']:.0f}", "", "",
        "p99 < 1000", sale["latency_ms"]["p99"] < 1000)
    for name, label, share, p99 in (("events", "/events", 0.5, 100), ("events-page2", "/events?page=2", 0.5, 100),
                                    ("event", "event page", 0.8, None), ("home", "home /", 0.8, None)):
        result = pages[name]
        ratio = result["rps"] / health_rps
        target = f">= {share} x health" + (f", p99 < {p99} ms" if p99 else "")
        passed = ratio >= share and (p99 is None or result["latency_ms"]["p99"] < p99) and result["non_2xx_3xx"] == 0
        row(f"{label} req/s (p99 ms)", f"{result['rps']:.0f} ({result['latency_ms']['p99']:.0f})",
            f"health {health_rps:.0f} req/s", f"{ratio:.2f}", target, passed)
    new_sessions = int(facts["SESSIONS_AFTER_ANONYMOUS"]) - int(facts["SESSIONS_BEFORE_ANONYMOUS"])
    row("session rows from anonymous views", f"{new_sessions}", "", "", "0", new_sessions == 0)
    page_5xx = health["status_5xx"] + sum(result["status_5xx"] for result in pages.values())
    row("pages 5xx", f"{page_5xx}", "", "", "0", page_5xx == 0)
    start = float(facts["DEFAULT_START_S"]) if facts.get("DEFAULT_START_S") else float("nan")
    row("default run start s", f"{start:.1f}", "", "", "< 15 s", start < 15)

    headers = ["figure", "value", "yardstick", "ratio", "target", "result"]
    widths = [max(len(h), max(len(str(r[h])) for r in rows)) for h in headers]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths))]
    lines.append("  ".join("-" * w for w in widths))
    for r in rows:
        lines.append("  ".join(str(r[h]).ljust(w) for h, w in zip(headers, widths)))
    table = "\n".join(lines)
    print(table)
    extra = sale.get("extra", {})
    print(f"\nsale: {sale['requests']} POSTs in {sale['duration_s']:.1f} s, {extra.get('sold', 0)} sales, "
          f"{extra.get('refused', 0)} refusals, {extra.get('other', 0)} other answers, statuses {sale['statuses']}, "
          f"socket errors {sale['socket_errors']}; tickets issued over {sale_seconds:.2f} s (first to last ticket)")
    print(f"machine: {facts.get('CORES')} cores, load average {facts.get('LOAD_AT_START')} at the start, "
          f"{facts.get('LOAD_AT_END')} at the end (other work on the machine lowers every figure)")
    checks_ok = tickets == seats and all_tickets == seats and int(facts["EVENT_SEATS_TAKEN"]) == seats and int(facts["TYPE_SOLD"]) == seats and sale["status_5xx"] == 0 and page_5xx == 0
    summary = {"facts": facts, "tickets_per_s": tickets_per_s, "health": health, "pages": pages, "sale": sale,
               "rows": rows, "checks_ok": checks_ok}
    with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    with open(os.path.join(out, "summary.md"), "w", encoding="utf-8") as f:
        f.write("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers) + "\n")
        for r in rows:
            f.write("| " + " | ".join(str(r[h]) for h in headers) + " |\n")
    if not checks_ok:
        print("\nbench: the sale's own checks failed (tickets != seats or a 5xx): exit 1")
    return 0 if checks_ok else 1


if __name__ == "__main__":
    sys.exit(main())
