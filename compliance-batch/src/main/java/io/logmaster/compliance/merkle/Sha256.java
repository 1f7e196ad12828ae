package io.logmaster.compliance.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers: a new digest, hex encoding and decoding. */
public final class Sha256 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha256() {}

    /** A fresh SHA-256 digest (every JRE has one). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JRE without SHA-256", e);
        }
    }

    /** SHA-256 of {@code data}. */
    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    /** Lower-case hex of {@code bytes}. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** Bytes of a hex string (either case); rejects odd lengths and non-hex characters. */
    public static byte[] unhex(String hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string of odd length " + hex.length());
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex string: '" + hex + "'");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
