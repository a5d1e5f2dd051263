package org.millrace.runtime.state.filesystem;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a checkpoint file back: first checks that the file is as long as its handle says plus the
 * trailer and that the trailer agrees with the handle, then hands out exactly the state bytes,
 * checking their CRC32C when the last one was read. Any disagreement is a
 * {@link CorruptStateFileException} naming the file, never wrong state.
 */
public final class StateFileReader {

    private StateFileReader() {}

    /**
     * Opens {@code handle}'s file below {@code checkpointDirectory}.
     *
     * @throws CorruptStateFileException if it is missing, of the wrong length, or its trailer disagrees
     */
    public static InputStream open(FileSystem fs, Path checkpointDirectory, FileStateHandle handle) throws IOException {
        Path file = new Path(checkpointDirectory, handle.relativePath());
        long fileLength;
        try {
            fileLength = fs.getFileStatus(file).getLen();
        } catch (FileNotFoundException e) {
            throw new CorruptStateFileException("State file " + file + " is missing", e);
        }
        if (fileLength != handle.length() + StateFileFormat.TRAILER_BYTES) {
            throw new CorruptStateFileException("State file " + file + " has " + fileLength + " bytes, expected "
                    + (handle.length() + StateFileFormat.TRAILER_BYTES) + " (truncated or not finished)");
        }
        FSDataInputStream in = fs.open(file);
        try {
            byte[] trailer = new byte[StateFileFormat.TRAILER_BYTES];
            in.readFully(handle.length(), trailer);
            ByteBuffer t = ByteBuffer.wrap(trailer);
            long length = t.getLong();
            int crc = t.getInt();
            int magic = t.getInt();
            if (magic != StateFileFormat.MAGIC || length != handle.length() || crc != handle.crc32c()) {
                throw new CorruptStateFileException("State file " + file + " has a trailer that does not match its"
                        + " checkpoint's metadata (length " + length + " vs " + handle.length() + ", checksum "
                        + Integer.toHexString(crc) + " vs " + Integer.toHexString(handle.crc32c()) + ")");
            }
            in.seek(0);
            return new VerifyingInputStream(in, handle, file.toString());
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * Opens a file whose handle is not known from elsewhere (a {@code _metadata} file): the handle is
     * taken from its own trailer, so truncation and corruption are still detected.
     *
     * @throws CorruptStateFileException if it is missing, too short, or has no valid trailer
     */
    public static InputStream openSelfDescribed(FileSystem fs, Path file) throws IOException {
        long fileLength;
        try {
            fileLength = fs.getFileStatus(file).getLen();
        } catch (FileNotFoundException e) {
            throw new CorruptStateFileException("File " + file + " is missing", e);
        }
        if (fileLength < StateFileFormat.TRAILER_BYTES) {
            throw new CorruptStateFileException("File " + file + " has only " + fileLength + " bytes: no trailer");
        }
        byte[] trailer = new byte[StateFileFormat.TRAILER_BYTES];
        try (FSDataInputStream in = fs.open(file)) {
            in.readFully(fileLength - StateFileFormat.TRAILER_BYTES, trailer);
        }
        ByteBuffer t = ByteBuffer.wrap(trailer);
        long length = t.getLong();
        int crc = t.getInt();
        if (t.getInt() != StateFileFormat.MAGIC || length != fileLength - StateFileFormat.TRAILER_BYTES) {
            throw new CorruptStateFileException("File " + file + " has no valid trailer (truncated or not finished)");
        }
        return open(fs, file.getParent(), new FileStateHandle(file.getName(), length, crc));
    }

    /** Reads the whole file, checking everything; for recovery's choice of a usable checkpoint. */
    public static void verify(FileSystem fs, Path checkpointDirectory, FileStateHandle handle) throws IOException {
        try (InputStream in = open(fs, checkpointDirectory, handle)) {
            byte[] buffer = new byte[64 * 1024];
            while (in.read(buffer) >= 0) {
                // reading to the end checks the checksum
            }
        }
    }

    /** The state bytes of one file, their checksum checked when the last byte was read. */
    private static final class VerifyingInputStream extends InputStream {
        private final FSDataInputStream in;
        private final FileStateHandle handle;
        private final String file;
        private final CRC32C crc = new CRC32C();
        private long remaining;

        VerifyingInputStream(FSDataInputStream in, FileStateHandle handle, String file) {
            this.in = in;
            this.handle = handle;
            this.file = file;
            this.remaining = handle.length();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new CorruptStateFileException("State file " + file + " ended early", new EOFException());
            }
            crc.update(b, off, n);
            remaining -= n;
            if (remaining == 0 && (int) crc.getValue() != handle.crc32c()) {
                throw new CorruptStateFileException("State file " + file + " is corrupt: checksum "
                        + Integer.toHexString((int) crc.getValue()) + ", expected " + Integer.toHexString(handle.crc32c()));
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
