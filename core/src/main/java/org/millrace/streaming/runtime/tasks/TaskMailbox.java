package org.millrace.streaming.runtime.tasks;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue through which other threads ask a task's thread to do something (flush on buffer
 * timeout, wake up because input arrived, cancel). The task thread is the only one that runs
 * mails, so operators and their state are touched by one thread and need no locks.
 *
 * <pre>
 *  timer / Netty / producer threads ──put(mail)──> [mailbox] ──task thread runs mails between records
 * </pre>
 *
 * <p>The record path checks {@link #hasMail()} (one volatile read) rather than taking the lock.
 */
public final class TaskMailbox {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private volatile boolean hasMail;

    /** Enqueues a mail; any thread. */
    public void put(Runnable mail) {
        lock.lock();
        try {
            queue.add(mail);
            hasMail = true;
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    public boolean hasMail() {
        return hasMail;
    }

    /** The next mail, or null if none. */
    public Runnable tryTake() {
        if (!hasMail) {
            return null;
        }
        lock.lock();
        try {
            Runnable mail = queue.poll();
            hasMail = !queue.isEmpty();
            return mail;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeoutMillis} for a mail; null on timeout. */
    public Runnable take(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (queue.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                notEmpty.awaitNanos(left);
            }
            Runnable mail = queue.poll();
            hasMail = !queue.isEmpty();
            return mail;
        } finally {
            lock.unlock();
        }
    }
}
