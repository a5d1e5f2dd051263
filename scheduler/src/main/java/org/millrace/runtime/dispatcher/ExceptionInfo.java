package org.millrace.runtime.dispatcher;

/**
 * One failure in a job's exception history.
 *
 * @param taskName the failed subtask, e.g. {@code "Map (2/4)"}, or null for a job-wide failure
 * @param location the TaskManager the subtask ran on, or null
 */
public record ExceptionInfo(String exceptionName, String stackTrace, long timestamp, String taskName, String location) {}
