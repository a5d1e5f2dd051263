package org.millrace.benchmarks;

import java.util.Map;
import java.util.Optional;

/**
 * The workloads of {@code shared/BENCHMARKS.md} by their command-line names, each with the
 * reference results a correct engine must reproduce, so every run checks itself.
 */
public enum Workload {
    W1("W1", wordCountReferences()),
    W2("W2", wordCountReferences()),
    W3("W3", Map.of(
            500_000L, new Reference(123_899_282_326_835_729L, 475_736),
            2_000_000L, new Reference(495_361_541_818_352_526L, 1_903_074),
            10_000_000L, new Reference(2_475_640_725_308_795_190L, 9_516_492))),
    W4_REBALANCE("W4-rebalance", Map.of()),
    W4_KEYBY("W4-keyby", Map.of()),
    W5("W5", Map.of(
            1_000_000L, new Reference(24_784_934_316_477_480L, 11_000),
            20_000_000L, new Reference(495_447_406_220_385_417L, 201_000)));

    /** The results a run over a given number of records must produce. */
    public record Reference(long checksum, long results) {}

    private final String cliName;
    private final Map<Long, Reference> references;

    Workload(String cliName, Map<Long, Reference> references) {
        this.cliName = cliName;
        this.references = references;
    }

    private static Map<Long, Reference> wordCountReferences() {
        return Map.of(
                500_000L, new Reference(16_346_942_692L, 99_330),
                2_000_000L, new Reference(65_403_942_799L, 100_000),
                10_000_000L, new Reference(326_990_891_168L, 100_000),
                20_000_000L, new Reference(654_017_317_231L, 100_000));
    }

    /** The name used on the command line and in RESULT lines, e.g. {@code W4-keyby}. */
    public String cliName() {
        return cliName;
    }

    /** The workload named {@code name} (case-insensitive), or an exception listing the valid names. */
    public static Workload parse(String name) {
        for (Workload w : values()) {
            if (w.cliName.equalsIgnoreCase(name)) {
                return w;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Workload w : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(w.cliName);
        }
        throw new IllegalArgumentException("Unknown workload '" + name + "'; expected one of " + valid);
    }

    /**
     * The expected results for {@code records} input records, if known: W4's for every count
     * (every value arrives once), the others' for the rows of the reference tables.
     */
    public Optional<Reference> reference(long records) {
        if (this == W4_REBALANCE || this == W4_KEYBY) {
            return Optional.of(new Reference(Workloads.sequenceChecksum(records), records));
        }
        return Optional.ofNullable(references.get(records));
    }
}
