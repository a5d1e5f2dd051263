package org.millrace.streaming.runtime.tasks;

/**
 * A user function or operator threw: carries the operator's name (as given by {@code name(...)}) and
 * subtask so the job's failure message says where it happened.
 */
public final class OperatorFailureException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String operatorName;

    public OperatorFailureException(String operatorName, String subtask, Throwable cause) {
        super("Operator '" + operatorName + "' (" + subtask + ") failed: " + describe(cause), cause);
        this.operatorName = operatorName;
    }

    public String getOperatorName() {
        return operatorName;
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getName() + (m == null ? "" : ": " + m);
    }
}
