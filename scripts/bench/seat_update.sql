-- PostgreSQL's guarded single-row update, the flash sale's yardstick (pgbench, scratch table seat_bench).
update seat_bench set sold = sold + 1 where id = 1 and sold + 1 <= cap;
