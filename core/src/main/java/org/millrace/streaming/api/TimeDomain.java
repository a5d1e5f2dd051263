package org.millrace.streaming.api;

/** Which clock a timer followed: the watermark (event time) or the wall clock (processing time). */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
