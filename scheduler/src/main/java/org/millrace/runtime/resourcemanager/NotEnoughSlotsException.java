package org.millrace.runtime.resourcemanager;

/** A job's slot request could not be met: says how many slots were needed and how many there are. */
public final class NotEnoughSlotsException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotEnoughSlotsException(String message) {
        super(message);
    }
}
