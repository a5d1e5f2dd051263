/**
 * Network memory: one {@link org.millrace.shuffle.buffer.NetworkBufferPool} of off-heap segments
 * per TaskExecutor, divided into {@link org.millrace.shuffle.buffer.LocalBufferPool}s with a
 * guaranteed minimum and a borrowing maximum each.
 */
package org.millrace.shuffle.buffer;
