package org.millrace.api.common.functions;

/** Passed to {@link RichFunction#open}; reserved for settings of the opening, currently none. */
public interface OpenContext {}
