package org.millrace.runtime.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.millrace.configuration.Configuration;
import org.millrace.runtime.state.filesystem.CheckpointStorageLocation;
import org.millrace.runtime.state.filesystem.StateFileReader;
import org.millrace.shuffle.hadoop.HadoopConfigurations;
import org.millrace.shuffle.hadoop.HadoopFileSystems;

/**
 * {@code flink savepoint --dispose <path>}: deletes a savepoint's directory after reading its
 * metadata, so a mistyped path (a job's checkpoint directory, a data directory) is refused rather
 * than deleted.
 */
public final class SavepointDisposal {

    private SavepointDisposal() {}

    /** @throws IOException if {@code path} is not a readable savepoint, or cannot be deleted */
    public static void dispose(String path, Configuration configuration) throws IOException {
        Path directory = new Path(path);
        if (directory.getName().equals(CheckpointStorageLocation.METADATA_FILE)) {
            directory = directory.getParent();
        }
        URI uri = directory.toUri().getScheme() == null ? new java.io.File(path).getAbsoluteFile().toURI() : directory.toUri();
        try (FileSystem fs = HadoopFileSystems.newInstance(uri, HadoopConfigurations.load(configuration))) {
            Path qualified = new Path(uri);
            CheckpointMetadata metadata;
            try (InputStream in = StateFileReader.openSelfDescribed(fs, new Path(qualified, CheckpointStorageLocation.METADATA_FILE))) {
                metadata = MetadataSerializer.read(in);
            }
            if (!metadata.savepoint()) {
                throw new IOException(qualified + " is checkpoint " + metadata.checkpointId() + " of job " + metadata.jobId()
                        + ", not a savepoint; checkpoints are deleted by their job's retention");
            }
            if (!fs.delete(qualified, true)) {
                throw new IOException("Could not delete savepoint " + qualified);
            }
        }
    }
}
