package io.fieldsales.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The hash chain: {@code hash(n) = SHA-256(hash(n-1) || UTF-8 canonical bytes of record n)}, hash(0) = 32 zero bytes. */
public final class ChainHash {

    public static final int LENGTH = 32;
    private static final byte[] GENESIS = new byte[LENGTH];

    private ChainHash() {
    }

    /** The hash before the first record of every tenant. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    public static byte[] next(byte[] previousHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }

    public static byte[] fromHex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
