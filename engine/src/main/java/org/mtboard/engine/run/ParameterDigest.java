package org.mtboard.engine.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * SHA-256 over a network's parameters, name by name and bit by bit: the run checksum starts from
 * it, and each curve row carries its first 16 hex digits, so a replay finds the first epoch whose
 * update differs even when the printed figures still agree.
 */
final class ParameterDigest {
    /** Hex digits of the per-epoch digest in curve.csv (64 bits: a chance collision is not a worry). */
    static final int SHORT_HEX = 16;

    private ParameterDigest() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static void update(MessageDigest sha, Map<String, float[]> parameters) {
        ByteBuffer buffer = ByteBuffer.allocate(4);
        for (Map.Entry<String, float[]> p : parameters.entrySet()) {
            sha.update(p.getKey().getBytes(StandardCharsets.UTF_8));
            for (float v : p.getValue()) {
                buffer.clear();
                buffer.putInt(Float.floatToRawIntBits(v));
                sha.update(buffer.array(), 0, 4);
            }
        }
    }

    static String shortHex(Map<String, float[]> parameters) {
        MessageDigest sha = sha256();
        update(sha, parameters);
        return HexFormat.of().formatHex(sha.digest()).substring(0, SHORT_HEX);
    }
}
