package org.millrace.streaming.api.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code socketTextStream(host, port)}: lines from a TCP socket, until the peer closes it. A fetcher
 * thread does the blocking reads and hands lines over through a small bounded queue, so the task's
 * mailbox thread never blocks on the socket. Not parallel.
 */
public final class SocketTextSource implements ReaderSource<String> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SocketTextSource.class);
    private static final int QUEUE_CAPACITY = 1024;

    private final String hostname;
    private final int port;
    private final char delimiter;

    public SocketTextSource(String hostname, int port, char delimiter) {
        this.hostname = hostname;
        this.port = port;
        this.delimiter = delimiter;
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public int getMaxParallelism() {
        return 1;
    }

    @Override
    public SourceReader<String> createReader(int subtaskIndex, int parallelism) {
        return new Reader();
    }

    private final class Reader implements SourceReader<String> {
        private final ArrayDeque<String> queue = new ArrayDeque<>();
        private final Thread fetcher;
        private volatile Socket socket;
        private boolean ended;
        private Throwable failure;
        private CompletableFuture<Void> available = new CompletableFuture<>();

        Reader() {
            fetcher = new Thread(this::fetch, "Socket source fetcher " + hostname + ":" + port);
            fetcher.setDaemon(true);
            fetcher.start();
        }

        private void fetch() {
            try (Socket s = new Socket()) {
                socket = s;
                s.connect(new InetSocketAddress(hostname, port), 10_000);
                LOG.info("Connected to socket source {}:{}", hostname, port);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                StringBuilder line = new StringBuilder();
                int c;
                while ((c = in.read()) != -1) {
                    if (c == delimiter) {
                        String l = line.toString();
                        line.setLength(0);
                        offer(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
                    } else {
                        line.append((char) c);
                    }
                }
                if (line.length() > 0) {
                    offer(line.toString());
                }
                finish(null);
            } catch (InterruptedException e) {
                finish(null);
            } catch (IOException e) {
                finish(socket == null || !socket.isClosed() ? e : null);
            }
        }

        private synchronized void offer(String line) throws InterruptedException {
            while (queue.size() >= QUEUE_CAPACITY && !ended) {
                wait();
            }
            queue.add(line);
            available.complete(null);
        }

        private synchronized void finish(Throwable error) {
            ended = true;
            failure = error;
            available.complete(null);
        }

        @Override
        public synchronized InputStatus pollNext(ReaderOutput<String> output) throws IOException {
            String line = queue.poll();
            if (line != null) {
                notifyAll();
                output.collect(line);
                return InputStatus.MORE_AVAILABLE;
            }
            if (ended) {
                if (failure != null) {
                    throw new IOException("Socket source " + hostname + ":" + port + " failed: " + failure.getMessage(), failure);
                }
                return InputStatus.END_OF_INPUT;
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return InputStatus.NOTHING_AVAILABLE;
        }

        @Override
        public synchronized CompletableFuture<?> isAvailable() {
            return queue.isEmpty() && !ended ? available : CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() throws Exception {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
            Socket s = socket;
            if (s != null) {
                s.close();
            }
            fetcher.interrupt();
            fetcher.join(10_000);
        }
    }
}
