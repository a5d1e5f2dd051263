package org.millrace.benchmarks.jmh;

import java.util.concurrent.TimeoutException;

/**
 * The consumer thread of {@link LocalExchangeTwoThreadsBenchmark}: reads a {@link LocalExchange}
 * until end-of-partition, waiting on the gate's availability (never spinning) when it has caught
 * up, and counts the records. A failure ends the thread and is rethrown by {@link #awaitEnd}.
 */
final class ExchangeConsumer implements Runnable {

    private final LocalExchange exchange;
    private long records;
    private Object last;
    private volatile Throwable failure;
    private Thread thread;

    private ExchangeConsumer(LocalExchange exchange) {
        this.exchange = exchange;
    }

    /** Starts a daemon thread reading {@code exchange}. */
    static ExchangeConsumer start(LocalExchange exchange) {
        ExchangeConsumer consumer = new ExchangeConsumer(exchange);
        consumer.thread = new Thread(consumer, "local-exchange-consumer");
        consumer.thread.setDaemon(true);
        consumer.thread.start();
        return consumer;
    }

    @Override
    public void run() {
        LocalExchange.ValueSink sink = value -> last = value;
        try {
            while (true) {
                records += exchange.pollAvailable(sink);
                if (exchange.isFinished()) {
                    return;
                }
                exchange.awaitData();
            }
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * Waits for the thread to read end-of-partition (the producer must have finished the exchange).
     *
     * @return the records read
     * @throws TimeoutException if it did not end within {@code timeoutMillis}; the thread is interrupted
     */
    long awaitEnd(long timeoutMillis) throws Exception {
        thread.join(timeoutMillis);
        if (thread.isAlive()) {
            thread.interrupt();
            throw new TimeoutException("The consumer did not reach end-of-partition in " + timeoutMillis + " ms");
        }
        Throwable t = failure;
        if (t != null) {
            throw new IllegalStateException("The consumer failed", t);
        }
        return records; // visible: join() happens-before
    }
}
