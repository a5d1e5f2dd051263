package org.millrace.api.java.typeutils;

import org.millrace.api.common.typeinfo.TypeInformation;

/**
 * Implemented by functions and sources that know the type they produce, so the type extractor asks
 * them instead of analysing generics (useful for generic library functions).
 */
public interface ResultTypeQueryable<T> {

    /** The type of the values this function or source produces. */
    TypeInformation<T> getProducedType();
}
