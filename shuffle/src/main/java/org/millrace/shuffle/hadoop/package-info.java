/**
 * Blocking partitions on any Hadoop file system ({@code hdfs://}, {@code file://}, ...):
 * {@link org.millrace.shuffle.hadoop.HadoopSpillStorage} implements the spill storage over
 * {@code org.apache.hadoop.fs.FileSystem}, and {@link org.millrace.shuffle.hadoop.HadoopConfigurations}
 * builds the Hadoop configuration it uses from {@code HADOOP_CONF_DIR} and {@code flink.hadoop.*} keys.
 */
package org.millrace.shuffle.hadoop;
