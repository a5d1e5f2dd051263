package org.millrace.api.java.typeutils;

/**
 * Thrown inside the type extractor when a type variable (or wildcard) has no binding; callers turn
 * it into a {@link DynamicTypeInfo} or a user-facing error. Carries no stack trace: it is control flow.
 */
final class UnresolvedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnresolvedTypeException(String typeName) {
        super(typeName, null, false, false);
    }
}
