package org.millrace.runtime.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.millrace.api.common.JobID;

/** What the ResourceManager tells a driver (YARN's) about lacking slots, registrations and idle TaskExecutors. */
class ResourceManagerDriverTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** Records every call; completes {@link #released} on the first release. */
    private static final class TestingDriver implements ResourceManagerDriver {
        final List<Integer> shortages = new CopyOnWriteArrayList<>();
        final List<String> registered = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> released = new CompletableFuture<>();

        @Override
        public void onSlotShortage(int lackingSlots) {
            shortages.add(lackingSlots);
        }

        @Override
        public void onTaskExecutorRegistered(String resourceId) {
            registered.add(resourceId);
        }

        @Override
        public void releaseTaskExecutor(String resourceId) {
            released.complete(resourceId);
        }
    }

    private static TaskExecutorRegistration taskExecutor(String id, int slots) {
        return new TaskExecutorRegistration(id, null, id + ":1", null, slots, 1, 1L << 30);
    }

    @Test
    void waitingRequestReportsLackingSlotsUntilATaskExecutorRegisters() throws Exception {
        ResourceManager rm = new ResourceManager(timer, false);
        TestingDriver driver = new TestingDriver();
        rm.setDriver(driver, Duration.ofMinutes(10));

        CompletableFuture<List<SlotAssignment>> slots = rm.requestSlots(JobID.generate(), "job", 3, 3, Duration.ofMinutes(1));
        assertEquals(List.of(3), driver.shortages);
        assertEquals(3, rm.lackingSlots());

        rm.registerTaskExecutor(taskExecutor("container_1", 2));
        assertEquals(1, rm.lackingSlots());
        assertFalse(slots.isDone());
        rm.registerTaskExecutor(taskExecutor("container_2", 2));

        assertEquals(3, slots.get(10, TimeUnit.SECONDS).size());
        assertEquals(List.of("container_1", "container_2"), driver.registered);
        assertEquals(0, rm.lackingSlots());
        assertEquals(0, (int) driver.shortages.get(driver.shortages.size() - 1));
    }

    @Test
    void slotsRequestedBeforeTheDriverIsSetAreReportedLackingToIt() throws Exception {
        // a new HA leader (e.g. a second YARN ApplicationMaster attempt) may recover jobs before its driver runs
        ResourceManager rm = new ResourceManager(timer, false);
        CompletableFuture<List<SlotAssignment>> slots = rm.requestSlots(JobID.generate(), "job", 2, 2, Duration.ofMinutes(1));
        TestingDriver driver = new TestingDriver();
        rm.setDriver(driver, Duration.ofMinutes(10));
        assertEquals(List.of(2), driver.shortages);

        rm.registerTaskExecutor(taskExecutor("container_1", 2));
        assertEquals(2, slots.get(10, TimeUnit.SECONDS).size());
    }

    @Test
    void taskExecutorWhoseSlotsStayFreeIsForgottenAndReleasedThroughTheDriver() throws Exception {
        ResourceManager rm = new ResourceManager(timer, false);
        TestingDriver driver = new TestingDriver();
        rm.setDriver(driver, Duration.ofMillis(200));
        JobID job = JobID.generate();
        rm.registerTaskExecutor(taskExecutor("busy", 1));
        rm.registerTaskExecutor(taskExecutor("idle", 1));
        rm.requestSlots(job, "job", 1, 1, Duration.ZERO).get(10, TimeUnit.SECONDS);

        assertEquals("idle", driver.released.get(30, TimeUnit.SECONDS));
        assertEquals(List.of("busy"), rm.getTaskExecutors().stream().map(TaskExecutorRegistration::resourceId).toList());
        assertEquals(0, rm.freeSlots(), "the busy TaskExecutor's slot stays assigned");
    }
}
