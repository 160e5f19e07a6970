package org.guichet.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** N threads, one start signal, and what each got: its result or what it threw. The one helper for races. */
public final class Race {

    /** One thread's outcome: a value, or the exception it ended with. */
    public record Outcome<T>(T value, Throwable failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private Race() {
    }

    public static <T> List<Outcome<T>> run(int threads, Callable<T> task) {
        return run(threads, index -> task.call());
    }

    /** Each thread gets its index, to act as a different person or tab. */
    public static <T> List<Outcome<T>> run(int threads, IndexedTask<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                start.await();
                return task.call(index);
            }));
        }
        start.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        try {
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("a racer did not finish", e);
        } finally {
            pool.shutdownNow();
        }
        return outcomes;
    }

    @FunctionalInterface
    public interface IndexedTask<T> {
        T call(int index) throws Exception;
    }
}
