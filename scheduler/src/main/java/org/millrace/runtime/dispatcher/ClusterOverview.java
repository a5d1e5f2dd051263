package org.millrace.runtime.dispatcher;

/** The numbers on the front page of the dashboard ({@code GET /overview}). */
public record ClusterOverview(
        int taskManagers,
        int slotsTotal,
        int slotsAvailable,
        int jobsRunning,
        int jobsFinished,
        int jobsCancelled,
        int jobsFailed) {}
