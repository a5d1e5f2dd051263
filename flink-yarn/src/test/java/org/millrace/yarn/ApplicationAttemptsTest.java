package org.millrace.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;
import org.millrace.configuration.Configuration;
import org.millrace.configuration.IllegalConfigurationException;

/** {@code yarn.application-attempts} with Flink's defaults, and the cluster's cap on it. */
class ApplicationAttemptsTest {

    @Test
    void oneAttemptUnlessSetOrHighlyAvailable() {
        assertEquals(1, ApplicationAttempts.configured(new Configuration()));
        Configuration ha = new Configuration();
        ha.setString("high-availability.type", "zookeeper");
        assertEquals(2, ApplicationAttempts.configured(ha));
        Configuration set = new Configuration();
        set.setString("yarn.application-attempts", "4");
        assertEquals(4, ApplicationAttempts.configured(set));
    }

    @Test
    void theClusterMaximumCapsTheAttempts() {
        Configuration four = new Configuration();
        four.setString("yarn.application-attempts", "4");
        YarnConfiguration cluster = new YarnConfiguration();
        assertEquals(YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS, ApplicationAttempts.effective(four, cluster));
        cluster.setInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, 10);
        assertEquals(4, ApplicationAttempts.effective(four, cluster));
    }

    @Test
    void fewerThanOneAttemptIsRefusedNamingTheKey() {
        Configuration zero = new Configuration();
        zero.setString("yarn.application-attempts", "0");
        IllegalConfigurationException e = assertThrows(IllegalConfigurationException.class,
                () -> ApplicationAttempts.configured(zero));
        assertTrue(e.getMessage().contains("'yarn.application-attempts'"), e.getMessage());
    }
}
