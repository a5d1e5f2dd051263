package org.millrace.api.common.serialization;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes each element's {@code toString()} as a UTF-8 line. */
public final class SimpleStringEncoder<IN> implements Encoder<IN> {

    private static final long serialVersionUID = 1L;

    @Override
    public void encode(IN element, OutputStream stream) throws IOException {
        stream.write(String.valueOf(element).getBytes(StandardCharsets.UTF_8));
        stream.write('\n');
    }
}
