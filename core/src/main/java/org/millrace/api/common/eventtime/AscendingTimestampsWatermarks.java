package org.millrace.api.common.eventtime;

import java.time.Duration;

/** Periodic watermarks for timestamps that never decrease: the largest timestamp seen minus 1 ms. */
public class AscendingTimestampsWatermarks<T> extends BoundedOutOfOrdernessWatermarks<T> {

    public AscendingTimestampsWatermarks() {
        super(Duration.ZERO);
    }
}
