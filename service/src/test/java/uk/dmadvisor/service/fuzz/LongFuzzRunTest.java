package uk.dmadvisor.service.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fuzz run: the same generated and broken requests and the same checks as {@link ContractFuzzTest}, sent
 * by several threads until {@code fuzz.requests} requests have gone, against {@code fuzz.baseUrl} (a running
 * service on a loopback address) or an in-process one. Only runs when {@code fuzz.requests} is set
 * ({@code benchmarks/fuzz.sh}); failures are collected, not stopped at, and all reported at the end.
 */
@EnabledIfSystemProperty(named = "fuzz.requests", matches = "\\d+")
class LongFuzzRunTest {

    @Test
    void manyRequestsNeverBreakTheContract() throws Exception {
        long wanted = Long.getLong("fuzz.requests");
        int threads = Integer.getInteger("fuzz.threads", 4);
        ContractFuzzTest.start();
        AtomicLong sent = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        // jqwik generates in one thread (its sampling is not meant to be shared); the workers only send and check.
        BlockingQueue<ContractFuzzTest.Case> queue = new ArrayBlockingQueue<>(threads * 4);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            pool.submit(() -> {
                Iterator<ContractFuzzTest.Case> valid = ContractFuzzTest.validCases(ContractFuzzTest.contract())
                        .sampleStream().iterator();
                Iterator<ContractFuzzTest.Case> broken = ContractFuzzTest.brokenCases(ContractFuzzTest.contract())
                        .sampleStream().iterator();
                for (long n = 0; sent.get() < wanted && failures.size() < 20; n++) {
                    queue.offer(n % 2 == 0 ? valid.next() : broken.next(), 1, TimeUnit.SECONDS);
                }
                return null;
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (sent.get() < wanted && failures.size() < 20) {
                        ContractFuzzTest.Case request = queue.poll(1, TimeUnit.SECONDS);
                        if (request == null) {
                            continue;
                        }
                        try {
                            if (request.how().equals("valid")) {
                                ContractFuzzTest.checkValid(request);
                                sent.addAndGet(2);
                            } else {
                                ContractFuzzTest.checkBroken(request);
                                sent.incrementAndGet();
                            }
                        } catch (Exception | AssertionError e) {
                            failures.add(e.getMessage() + (e instanceof AssertionError ? "" : " for " + request));
                            sent.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            ContractFuzzTest.stop();
        }
        String result = String.format("long run: %d requests in %d s by %d threads, %d failures%n", sent.get(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), threads, failures.size());
        Files.writeString(Path.of("target", "fuzz-summary.txt"), result, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        failures.forEach(f -> System.out.println("FAILURE " + f));
        assertThat(failures).as("failures (at most 20 kept)").isEmpty();
    }
}
