package org.millrace.api.common.functions;

import java.io.Serializable;

/**
 * Marker for user functions. Functions are serialized into the job graph at submission and each
 * parallel subtask deserializes its own instance, so fields are per subtask.
 */
public interface Function extends Serializable {}
