package org.millrace.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element of a row-format file (e.g. a line of text) to the file's stream. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {

    void encode(IN element, OutputStream stream) throws IOException;
}
