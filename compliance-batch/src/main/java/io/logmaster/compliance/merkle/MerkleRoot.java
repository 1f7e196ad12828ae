package io.logmaster.compliance.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes an RFC 6962 tree head over a stream of leaves in O(log n) memory: it keeps the roots of
 * the complete subtrees seen so far (sizes are the binary digits of the count), merging equal sizes
 * as leaves arrive, and folds them right to left at the end. Same result as {@link
 * MerkleTree#root()}.
 */
public final class MerkleRoot {
    private final MessageDigest md = Sha256.digest();
    private final List<byte[]> stack = new ArrayList<>();
    private long count;

    /** Adds the leaf {@code buf[off, off+len)}. */
    public void addLeaf(byte[] buf, int off, int len) {
        md.update((byte) 0);
        md.update(buf, off, len);
        addLeafHash(md.digest());
    }

    /** Adds an already hashed leaf. */
    public void addLeafHash(byte[] leafHash) {
        byte[] h = leafHash;
        long c = count;
        // Each trailing 1-bit of the count is a complete subtree of equal size to merge with.
        while ((c & 1) == 1) {
            byte[] left = stack.remove(stack.size() - 1);
            md.update((byte) 1);
            md.update(left);
            md.update(h);
            h = md.digest();
            c >>= 1;
        }
        stack.add(h);
        count++;
    }

    /** Number of leaves added. */
    public long count() {
        return count;
    }

    /** The tree head over the leaves added so far. */
    public byte[] root() {
        if (stack.isEmpty()) {
            return Sha256.of(new byte[0]);
        }
        byte[] acc = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            md.update((byte) 1);
            md.update(stack.get(i));
            md.update(acc);
            acc = md.digest();
        }
        return acc;
    }
}
