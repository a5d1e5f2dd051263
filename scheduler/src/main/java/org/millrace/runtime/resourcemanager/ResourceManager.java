package org.millrace.runtime.resourcemanager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.millrace.api.common.JobID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the cluster's TaskExecutors and their slots, and hands slots to jobs. A job asks for
 * between {@code min} and {@code max} slots; the request is met as soon as {@code min} are free
 * (taking up to {@code max}), waits for TaskExecutors to register or slots to be released until
 * {@code slot.request.timeout}, and then fails saying how many slots were needed and available.
 * Slots are packed onto as few TaskExecutors as possible, or spread evenly when configured.
 *
 * <p>With a {@link ResourceManagerDriver} (YARN), the ResourceManager tells it when waiting requests
 * lack slots, and hands back TaskExecutors whose slots have all been free for the idle timeout.
 */
public final class ResourceManager {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceManager.class);

    private final ScheduledExecutorService timer;
    private final boolean spreadOut;
    /** Registered TaskExecutors in registration order, with per slot the job using it (null = free). */
    private final Map<String, JobID[]> slotOwners = new LinkedHashMap<>();
    private final Map<String, TaskExecutorRegistration> taskExecutors = new LinkedHashMap<>();
    private final Map<String, Long> lastHeartbeats = new HashMap<>();
    private final List<PendingRequest> pending = new ArrayList<>();
    private BiConsumer<TaskExecutorRegistration, Exception> lossListener = (te, cause) -> {};
    private ResourceManagerDriver driver = ResourceManagerDriver.NONE;
    /** Per TaskExecutor with all slots free: since when (System.nanoTime()). Only kept with a driver. */
    private final Map<String, Long> idleSince = new HashMap<>();
    private ScheduledFuture<?> idleCheck;

    private final class PendingRequest {
        final JobID jobId;
        final String jobName;
        final int min;
        final int max;
        final CompletableFuture<List<SlotAssignment>> future = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        PendingRequest(JobID jobId, String jobName, int min, int max) {
            this.jobId = jobId;
            this.jobName = jobName;
            this.min = min;
            this.max = max;
        }
    }

    /**
     * @param timer schedules slot request timeouts
     * @param spreadOut {@code cluster.evenly-spread-out-slots}: spread a job over all TaskExecutors
     */
    public ResourceManager(ScheduledExecutorService timer, boolean spreadOut) {
        this.timer = timer;
        this.spreadOut = spreadOut;
    }

    /** Called when a TaskExecutor is lost (heartbeat timeout, disconnect): jobs using it must fail over. */
    public synchronized void setTaskExecutorLossListener(BiConsumer<TaskExecutorRegistration, Exception> listener) {
        this.lossListener = listener;
    }

    /**
     * Connects a driver that starts TaskExecutors on demand and stops those idle for
     * {@code idleTimeout} ({@code resourcemanager.taskmanager-timeout}); checked every half timeout.
     */
    public void setDriver(ResourceManagerDriver driver, Duration idleTimeout) {
        int lacking;
        synchronized (this) {
            this.driver = driver;
            long periodMillis = Math.max(1, idleTimeout.toMillis() / 2);
            idleCheck = timer.scheduleWithFixedDelay(() -> releaseIdle(idleTimeout), periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
            lacking = lackingSlots();
        }
        if (lacking > 0) {
            // asked for before the driver came (e.g. by jobs a new HA leader recovered at once)
            driver.onSlotShortage(lacking);
        }
    }

    public void registerTaskExecutor(TaskExecutorRegistration registration) {
        List<Runnable> completions;
        ResourceManagerDriver currentDriver;
        synchronized (this) {
            currentDriver = driver;
            if (taskExecutors.containsKey(registration.resourceId())) {
                LOG.info("TaskExecutor {} registered again; keeping its slot assignments", registration.resourceId());
                return;
            }
            taskExecutors.put(registration.resourceId(), registration);
            slotOwners.put(registration.resourceId(), new JobID[registration.numberOfSlots()]);
            lastHeartbeats.put(registration.resourceId(), System.currentTimeMillis());
            LOG.info("Registered TaskExecutor {} at {} with {} slots", registration.resourceId(), registration.address(),
                    registration.numberOfSlots());
            completions = servePending();
        }
        currentDriver.onTaskExecutorRegistered(registration.resourceId());
        completions.forEach(Runnable::run);
        reportShortage();
    }

    /** Forgets a TaskExecutor; the jobs that had slots on it are told through the loss listener. */
    public void unregisterTaskExecutor(String resourceId, Exception cause) {
        TaskExecutorRegistration removed;
        BiConsumer<TaskExecutorRegistration, Exception> listener;
        synchronized (this) {
            removed = taskExecutors.remove(resourceId);
            slotOwners.remove(resourceId);
            lastHeartbeats.remove(resourceId);
            idleSince.remove(resourceId);
            listener = lossListener;
        }
        if (removed != null) {
            LOG.warn("TaskExecutor {} at {} is gone: {}", resourceId, removed.address(), cause.getMessage());
            listener.accept(removed, cause);
        }
        reportShortage();
    }

    /** Slots that waiting requests need beyond the free ones. */
    public synchronized int lackingSlots() {
        int wanted = pending.stream().mapToInt(r -> r.min).sum();
        return Math.max(0, wanted - freeSlots());
    }

    private void reportShortage() {
        ResourceManagerDriver currentDriver;
        int lacking;
        synchronized (this) {
            currentDriver = driver;
            lacking = lackingSlots();
        }
        currentDriver.onSlotShortage(lacking);
    }

    /** Forgets the TaskExecutors whose slots have all been free for the timeout and has the driver stop them. */
    private void releaseIdle(Duration idleTimeout) {
        List<String> released = new ArrayList<>();
        ResourceManagerDriver currentDriver;
        synchronized (this) {
            currentDriver = driver;
            long now = System.nanoTime();
            for (Map.Entry<String, JobID[]> e : slotOwners.entrySet()) {
                if (countFree(e.getValue()) < e.getValue().length) {
                    idleSince.remove(e.getKey());
                } else if (now - idleSince.computeIfAbsent(e.getKey(), id -> now) >= idleTimeout.toNanos()) {
                    released.add(e.getKey());
                }
            }
            for (String resourceId : released) {
                taskExecutors.remove(resourceId);
                slotOwners.remove(resourceId);
                lastHeartbeats.remove(resourceId);
                idleSince.remove(resourceId);
            }
        }
        for (String resourceId : released) {
            LOG.info("Releasing TaskExecutor {}: all its slots were free for {} (resourcemanager.taskmanager-timeout)",
                    resourceId, idleTimeout);
            currentDriver.releaseTaskExecutor(resourceId);
        }
    }

    public synchronized void recordHeartbeat(String resourceId) {
        lastHeartbeats.computeIfPresent(resourceId, (id, old) -> System.currentTimeMillis());
    }

    /**
     * Asks for slots for a job.
     *
     * @param timeout how long to wait for enough free slots; zero fails at once if too few are free
     */
    public CompletableFuture<List<SlotAssignment>> requestSlots(JobID jobId, String jobName, int min, int max,
                                                                Duration timeout) {
        PendingRequest request = new PendingRequest(jobId, jobName, min, Math.max(min, max));
        List<Runnable> completions;
        synchronized (this) {
            pending.add(request);
            completions = servePending();
            if (!request.future.isDone()) {
                if (timeout.isZero()) {
                    pending.remove(request);
                    completions.add(() -> request.future.completeExceptionally(notEnoughSlots(request, null)));
                } else {
                    LOG.info("Job '{}' waits for {} slots ({} free of {})", jobName, min, freeSlots(), totalSlots());
                    request.timeout = timer.schedule(() -> timeOut(request, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
        completions.forEach(Runnable::run);
        reportShortage();
        return request.future;
    }

    private void timeOut(PendingRequest request, Duration timeout) {
        NotEnoughSlotsException e;
        synchronized (this) {
            if (!pending.remove(request)) {
                return;
            }
            e = notEnoughSlots(request, timeout);
        }
        request.future.completeExceptionally(e);
        reportShortage();
    }

    private NotEnoughSlotsException notEnoughSlots(PendingRequest request, Duration waited) {
        return new NotEnoughSlotsException("Could not acquire the minimum required resources: job '" + request.jobName
                + "' needs " + request.min + " slots but only " + freeSlots() + " of " + totalSlots() + " are free"
                + (waited == null ? "" : " after waiting " + waited.toSeconds() + " s (slot.request.timeout)")
                + " (" + taskExecutors.size() + " TaskExecutors registered; raise taskmanager.numberOfTaskSlots or add TaskManagers)");
    }

    /** Drops the job's waiting requests (it no longer wants more slots); their futures fail with a cancellation. */
    public void withdrawRequests(JobID jobId) {
        List<PendingRequest> withdrawn = new ArrayList<>();
        synchronized (this) {
            for (Iterator<PendingRequest> it = pending.iterator(); it.hasNext(); ) {
                PendingRequest request = it.next();
                if (request.jobId.equals(jobId)) {
                    it.remove();
                    if (request.timeout != null) {
                        request.timeout.cancel(false);
                    }
                    withdrawn.add(request);
                }
            }
        }
        withdrawn.forEach(r -> r.future.cancel(false));
        if (!withdrawn.isEmpty()) {
            reportShortage();
        }
    }

    /** Returns one slot of a job (a BATCH job whose remaining stages need fewer slots). */
    public void releaseSlot(JobID jobId, SlotAssignment slot) {
        List<Runnable> completions;
        synchronized (this) {
            JobID[] owners = slotOwners.get(slot.taskExecutor().resourceId());
            if (owners != null && jobId.equals(owners[slot.slotIndex()])) {
                owners[slot.slotIndex()] = null;
            }
            completions = servePending();
        }
        completions.forEach(Runnable::run);
    }

    /** Returns all slots of a job. */
    public void releaseSlots(JobID jobId) {
        List<Runnable> completions;
        synchronized (this) {
            for (JobID[] owners : slotOwners.values()) {
                for (int i = 0; i < owners.length; i++) {
                    if (jobId.equals(owners[i])) {
                        owners[i] = null;
                    }
                }
            }
            completions = servePending();
        }
        completions.forEach(Runnable::run);
    }

    /** Assigns free slots to waiting requests in arrival order; returns the completions to run outside the lock. */
    private List<Runnable> servePending() {
        List<Runnable> completions = new ArrayList<>();
        for (Iterator<PendingRequest> it = pending.iterator(); it.hasNext(); ) {
            PendingRequest request = it.next();
            if (freeSlots() < request.min) {
                break; // first come, first served: later requests must not starve it
            }
            List<SlotAssignment> slots = allocate(request.jobId, Math.min(request.max, freeSlots()));
            it.remove();
            if (request.timeout != null) {
                request.timeout.cancel(false);
            }
            LOG.info("Job '{}' got {} slots: {}", request.jobName, slots.size(), slots);
            completions.add(() -> {
                if (!request.future.complete(slots)) {
                    releaseSlots(request.jobId);
                }
            });
        }
        return completions;
    }

    private List<SlotAssignment> allocate(JobID jobId, int count) {
        List<SlotAssignment> result = new ArrayList<>();
        while (result.size() < count) {
            String chosen = null;
            int chosenFree = -1;
            for (Map.Entry<String, JobID[]> e : slotOwners.entrySet()) {
                int free = countFree(e.getValue());
                if (free > 0 && (chosen == null || (spreadOut && free > chosenFree))) {
                    chosen = e.getKey();
                    chosenFree = free;
                    if (!spreadOut) {
                        break;
                    }
                }
            }
            JobID[] owners = slotOwners.get(chosen);
            idleSince.remove(chosen);
            for (int i = 0; i < owners.length; i++) {
                if (owners[i] == null) {
                    owners[i] = jobId;
                    result.add(new SlotAssignment(taskExecutors.get(chosen), i));
                    break;
                }
            }
        }
        result.sort(Comparator.comparing((SlotAssignment s) -> s.taskExecutor().resourceId()).thenComparingInt(SlotAssignment::slotIndex));
        return result;
    }

    private static int countFree(JobID[] owners) {
        int free = 0;
        for (JobID owner : owners) {
            if (owner == null) {
                free++;
            }
        }
        return free;
    }

    public synchronized int freeSlots() {
        return slotOwners.values().stream().mapToInt(ResourceManager::countFree).sum();
    }

    public synchronized int totalSlots() {
        return slotOwners.values().stream().mapToInt(o -> o.length).sum();
    }

    public synchronized Collection<TaskExecutorRegistration> getTaskExecutors() {
        return List.copyOf(taskExecutors.values());
    }

    public synchronized int freeSlotsOf(String resourceId) {
        JobID[] owners = slotOwners.get(resourceId);
        return owners == null ? 0 : countFree(owners);
    }

    public synchronized long lastHeartbeatOf(String resourceId) {
        return lastHeartbeats.getOrDefault(resourceId, 0L);
    }

    /** Fails every waiting slot request (the cluster is shutting down). */
    public void close() {
        List<PendingRequest> failed;
        synchronized (this) {
            failed = new ArrayList<>(pending);
            pending.clear();
        }
        synchronized (this) {
            if (idleCheck != null) {
                idleCheck.cancel(false);
            }
        }
        for (PendingRequest request : failed) {
            request.future.completeExceptionally(new IllegalStateException("The cluster is shutting down"));
        }
    }
}
