package org.guichet.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The load benchmark's data ({@code scripts/bench.sh}), {@code guichet.bench.*}: how many public events fill the
 * listing, how many seats the flash sale sells and to how many buyers, how many an unmeasured sale sells first
 * (a server is warm on a sale day: its compiler has long compiled the sale's code), and the file the seeder writes its ids and
 * the buyers' password to. Only read when {@code guichet.bench.seed=true}.
 */
@ConfigurationProperties("guichet.bench")
record BenchSettings(@DefaultValue("10000") int events, @DefaultValue("3000") int seats,
        @DefaultValue("400") int buyers, @DefaultValue("2000") int warmupSeats, Path output) {

    BenchSettings {
        if (events < 0 || seats < 1 || buyers < 1 || warmupSeats < 1) {
            throw new IllegalArgumentException(
                    "guichet.bench: events >= 0, seats >= 1, buyers >= 1 and warmup-seats >= 1");
        }
        if (output == null) {
            throw new IllegalArgumentException("guichet.bench.output: the file the seeder writes its ids to");
        }
    }

    /**
     * Each buyer may take this many tickets, so the buyers together can take every seat (with room to spare for
     * an uneven round robin) and every successful registration is a real sale of one seat.
     */
    int maxPerPerson() {
        return maxPerPerson(seats);
    }

    int warmupMaxPerPerson() {
        return maxPerPerson(warmupSeats);
    }

    private int maxPerPerson(int seatsOnSale) {
        return Math.min(1_000, (seatsOnSale + buyers - 1) / buyers + 2);
    }
}
