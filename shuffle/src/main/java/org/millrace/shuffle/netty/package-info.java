/**
 * The remote half of the data plane: input channels in one TaskExecutor read result partitions of
 * another over TCP, with credit-based flow control.
 *
 * <pre>
 *  consumer TaskExecutor                                     producer TaskExecutor
 *  RemoteInputChannel ─┐                                 ┌─ SubpartitionReader ── subpartition view
 *  RemoteInputChannel ─┼─ PartitionRequestClient ══TCP══ PartitionRequestQueue ─ SubpartitionReader ── ...
 *  (one per channel)   │  (one per remote address,       (one per connection; sends only
 *                      │   multiplexed by receiverId)     against credit, while writable)
 * </pre>
 *
 * <h2>Frames</h2>
 *
 * Every message is one frame; all integers are big-endian.
 *
 * <pre>
 *   0        4        5        6
 *   +--------+--------+--------+------------------------------+
 *   | length | magic/ | msg id | body (length - 2 bytes)      |
 *   | int32  | version|  int8  |                              |
 *   +--------+--------+--------+------------------------------+
 *   length counts everything after itself; magic/version is {@value NettyProtocol#MAGIC_VERSION_HEX}.
 *
 *   id  message                 body
 *   0   PartitionRequest        receiverId:int64  subpartition:int32  initialCredit:int32
 *                               partition:string  attempt:string       (string = int32 n + n UTF-8 bytes)
 *   1   BufferResponse          receiverId:int64  sequenceNumber:int32  backlog:int32
 *                               isEvent:int8  size:int32  bytes[size]
 *   2   AddCredit               receiverId:int64  credit:int32
 *   3   ErrorResponse           receiverId:int64 (-1 = the whole connection)  partitionNotFound:int8  message:string
 *   4   CancelPartitionRequest  receiverId:int64
 *   5   CloseRequest            (empty)
 * </pre>
 *
 * <h2>Credit</h2>
 *
 * One credit is one buffer the receiver holds free for a channel. The request carries the
 * channel's exclusive buffers as initial credit; each {@code BufferResponse} (data or event) uses
 * one credit and reports the sender's backlog, from which the receiver decides to take floating
 * buffers from its gate's pool and announce them with {@code AddCredit}; buffers the task recycles
 * become credit again. The sender never has more than its receiver's credit in flight, so neither
 * side's memory grows with a slow consumer: the producer's pool runs dry and it waits.
 *
 * <p>Pitfall: a buffer is recycled into the producer's pool only when Netty has written it (a write
 * listener), never when it is queued; recycling earlier would let the producer overwrite bytes the
 * socket has not sent yet.
 */
package org.millrace.shuffle.netty;
