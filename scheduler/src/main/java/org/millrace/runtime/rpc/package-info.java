/**
 * Control RPC between JobManager and TaskExecutors: Avro records, defined by schemas, sent over
 * Netty. An {@link org.millrace.runtime.rpc.RpcServer} hands each request to the
 * {@link org.millrace.runtime.rpc.RpcHandler} of its type; an {@link org.millrace.runtime.rpc.RpcClient}
 * sends requests and completes futures with the answers. Not on the record path.
 *
 * <pre>
 *  client                                           server
 *  caller thread: encode the request frame          I/O thread: split frames, read headers
 *  I/O thread:    write ══════════TCP═════════════> dispatcher thread: decode, run the handler
 *  I/O thread:    read the answer's header  <══════ (when its future completes) encode, write
 *  callback thread: decode, complete the future
 * </pre>
 *
 * <h2>Frames</h2>
 *
 * All integers big-endian. The first 14 bytes keep their layout in every protocol version, so a
 * peer can always tell which request another version refused.
 *
 * <pre>
 *   length       int32   bytes after this field, at most 64 MiB
 *   version      int8    protocol version, 1
 *   kind         int8    0 request, 1 response, 2 ack, 3 error
 *   correlation  int64   chosen by the client, echoed in the answer
 *   type name    int16 n + n bytes UTF-8: full Avro name of the body's schema (the request's for an error,
 *                        empty for an ack)
 *   fingerprint  int64   SchemaNormalization.parsingFingerprint64 of the writer's schema (0 for ack / error)
 *   body         request / response: the record in Avro binary encoding
 *                error: three strings (int32 n + n bytes UTF-8): exception class ("" for a refusal by the
 *                transport), message, stack trace
 * </pre>
 *
 * <h2>Compatibility</h2>
 *
 * A message is decoded only if its fingerprint equals that of the receiver's own class for the
 * type name; otherwise the receiver answers with an error saying both fingerprints, instead of
 * decoding garbage. JobManager and TaskManagers must therefore run the same Millrace version;
 * changing a control schema changes its fingerprint and is, by design, a breaking change.
 *
 * <p>Pitfall: a handler runs on the server's only dispatcher thread. A handler that blocks (on
 * another RPC's future, say) stops its whole server; return a future instead.
 */
package org.millrace.runtime.rpc;
