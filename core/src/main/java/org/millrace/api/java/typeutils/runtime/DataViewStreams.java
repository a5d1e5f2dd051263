package org.millrace.api.java.typeutils.runtime;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.millrace.core.memory.DataInputView;
import org.millrace.core.memory.DataOutputView;

/**
 * Re-pointable {@link OutputStream}/{@link InputStream} adapters over the data views, for libraries
 * (Avro) whose encoders speak streams. One pair per serializer instance; no allocation per record.
 */
final class DataViewStreams {

    private DataViewStreams() {}

    /** Writes through to the current target view. */
    static final class Out extends OutputStream {
        private DataOutputView target;

        void setTarget(DataOutputView target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.writeByte(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
        }
    }

    /** Reads from the current source view; never reads more than asked. */
    static final class In extends InputStream {
        private DataInputView source;

        void setSource(DataInputView source) {
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return source.readUnsignedByte();
            } catch (EOFException e) {
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return source.read(b, off, len);
        }
    }
}
