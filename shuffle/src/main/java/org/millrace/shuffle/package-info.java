/**
 * Data exchange between tasks of one TaskExecutor: {@link org.millrace.shuffle.ShuffleEnvironment}
 * is the facade the scheduler uses; {@code buffer} holds the network memory, {@code partition} the
 * producing side, {@code gate} the consuming side.
 */
package org.millrace.shuffle;
