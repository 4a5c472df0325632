/**
 * mosh 1.4.0's wire formats, byte for byte: the datagram ({@link dev.jmosh.ssp.core.wire.Packet}),
 * fragments ({@link dev.jmosh.ssp.core.wire.Fragment}, {@link dev.jmosh.ssp.core.wire.Fragmenter},
 * {@link dev.jmosh.ssp.core.wire.FragmentAssembly}), zlib
 * ({@link dev.jmosh.ssp.core.wire.Compressor}) and the three protobuf messages
 * ({@link dev.jmosh.ssp.core.wire.Instruction}, {@link dev.jmosh.ssp.core.wire.UserMessage},
 * {@link dev.jmosh.ssp.core.wire.HostMessage}) with a small proto2 codec
 * ({@link dev.jmosh.ssp.core.wire.ProtoWriter}, {@link dev.jmosh.ssp.core.wire.ProtoReader}).
 *
 * <p>How the layers nest in one UDP datagram:
 * <pre>
 *  +--------+-------+-------+---------+------------+-------------------------+--------+
 *  | nonce  |  ts   | ts_r  | frag id | fin|number |  slice of zlib(         |  tag   |
 *  | 8 B    |  2 B  |  2 B  |   8 B   |    2 B     |    Instruction{..diff}) |  16 B  |
 *  +--------+-------+-------+---------+------------+-------------------------+--------+
 *   clear    \_______________________ AES-128-OCB encrypted ________________/
 *            \___ Packet plaintext ___________________________________________/
 *                            \___ Fragment ___________________________________/
 * </pre>
 *
 * <p>Everything that parses peer bytes reports bad input as
 * {@link dev.jmosh.ssp.WireFormatException} (or {@link dev.jmosh.ssp.CryptoException} for the
 * datagram layer) and never throws an unchecked exception, where C++ mosh would abort on some
 * of the same inputs.
 */
package dev.jmosh.ssp.core.wire;
