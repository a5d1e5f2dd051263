package org.millrace.connector.file.sink;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.api.common.serialization.Encoder;
import org.millrace.api.connector.sink2.CommittingSinkWriter;
import org.millrace.api.connector.sink2.WriterInitContext;
import org.millrace.configuration.Configuration;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subtask's writer of a {@link FileSink}: at most one open in-progress file, the sealed files
 * awaiting their checkpoint's completion, and the renames that commit them.
 *
 * <p>File names: in progress {@code .part-<subtask>-<writer>-<n>.inprogress}, committed
 * {@code part-<subtask>-<writer>-<n>}, where {@code <writer>} is new for every writer (every
 * attempt), so no two attempts ever write the same file.
 */
final class FileSinkWriter<IN> implements CommittingSinkWriter<IN> {

    private static final Logger LOG = LoggerFactory.getLogger(FileSinkWriter.class);
    private static final String IN_PROGRESS_SUFFIX = ".inprogress";

    /** A sealed file: committed once checkpoint {@code checkpointId} completed. */
    private record Pending(int subtask, long checkpointId, String inProgress, String committed) {

        byte[] toBytes() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(1); // version
            out.writeInt(subtask);
            out.writeLong(checkpointId);
            out.writeUTF(inProgress);
            out.writeUTF(committed);
            out.flush();
            return bytes.toByteArray();
        }

        static Pending fromBytes(byte[] data) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            int version = in.readInt();
            if (version != 1) {
                throw new IOException("Unknown file sink state version " + version);
            }
            return new Pending(in.readInt(), in.readLong(), in.readUTF(), in.readUTF());
        }
    }

    private final FileSystem fs;
    private final Path directory;
    private final Encoder<IN> encoder;
    private final int subtask;
    private final String writerId = UUID.randomUUID().toString().substring(0, 8);
    private final List<Pending> pending = new ArrayList<>();
    private FSDataOutputStream current;
    private Path currentInProgress;
    private int partCounter;

    /** @param restoredState the state of all writers in the checkpoint restored from, or null on a fresh start */
    FileSinkWriter(URI directory, Encoder<IN> encoder, Configuration hadoopSettings, WriterInitContext context,
                   List<byte[]> restoredState) throws IOException {
        this.fs = HadoopFileSystems.newInstance(directory, HadoopConfigurations.load(hadoopSettings));
        this.directory = new Path(directory);
        this.encoder = encoder;
        this.subtask = context.getSubtaskId();
        fs.mkdirs(this.directory);
        if (restoredState != null) {
            recover(restoredState, context.getNumberOfParallelSubtasks());
        }
    }

    /**
     * Commits the sealed files of the restored checkpoint that this subtask is responsible for (those
     * of old subtasks {@code j} with {@code j % parallelism == subtask}) and deletes those old
     * subtasks' in-progress files that no checkpoint covers.
     */
    private void recover(List<byte[]> restoredState, int parallelism) throws IOException {
        Set<String> referenced = new HashSet<>();
        for (byte[] bytes : restoredState) {
            Pending p = Pending.fromBytes(bytes);
            referenced.add(p.inProgress);
            if (p.subtask % parallelism == subtask) {
                commit(p);
            }
        }
        FileStatus[] files = fs.listStatus(directory);
        for (FileStatus file : files) {
            String name = file.getPath().getName();
            int oldSubtask = inProgressSubtask(name);
            if (oldSubtask >= 0 && oldSubtask % parallelism == subtask && !referenced.contains(name)) {
                LOG.info("File sink {} deletes {}: written after the checkpoint it restores from", subtask, file.getPath());
                fs.delete(file.getPath(), false);
            }
        }
    }

    /** The subtask in an in-progress file's name, or -1 if it is not one. */
    private static int inProgressSubtask(String name) {
        if (!name.startsWith(".part-") || !name.endsWith(IN_PROGRESS_SUFFIX)) {
            return -1;
        }
        String[] parts = name.split("-");
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return -1;
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        if (current == null) {
            String name = ".part-" + subtask + "-" + writerId + "-" + partCounter + IN_PROGRESS_SUFFIX;
            currentInProgress = new Path(directory, name);
            current = fs.create(currentInProgress, false);
        }
        encoder.encode(element, current);
    }

    @Override
    public List<byte[]> snapshotState(long checkpointId) throws IOException {
        seal(checkpointId);
        List<byte[]> state = new ArrayList<>();
        for (Pending p : pending) {
            state.add(p.toBytes());
        }
        return state;
    }

    /** Closes the in-progress file durably; it waits for checkpoint {@code checkpointId} to be committed. */
    private void seal(long checkpointId) throws IOException {
        if (current == null) {
            return;
        }
        current.hsync();
        current.close();
        current = null;
        String committed = "part-" + subtask + "-" + writerId + "-" + partCounter++;
        pending.add(new Pending(subtask, checkpointId, currentInProgress.getName(), committed));
        currentInProgress = null;
    }

    @Override
    public void commit(long checkpointId) throws IOException {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.checkpointId <= checkpointId) {
                commit(p);
                it.remove();
            }
        }
    }

    private void commit(Pending p) throws IOException {
        Path from = new Path(directory, p.inProgress);
        Path to = new Path(directory, p.committed);
        if (fs.exists(from)) {
            if (!fs.rename(from, to)) {
                throw new IOException("Could not commit " + from + " as " + to);
            }
        } else if (!fs.exists(to)) {
            throw new IOException("File sink part " + to + " is neither committed nor in progress (" + from
                    + "): its data was lost");
        }
    }

    /** At the end of the input everything is final: seal and commit what is left. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
            seal(Long.MAX_VALUE);
            commit(Long.MAX_VALUE);
        } else if (current != null) {
            current.hflush();
        }
    }

    /** Abandons the in-progress file (a failed or cancelled task): a restored writer deletes it. */
    @Override
    public void close() throws IOException {
        try {
            if (current != null) {
                current.close();
                current = null;
            }
        } finally {
            fs.close();
        }
    }
}
