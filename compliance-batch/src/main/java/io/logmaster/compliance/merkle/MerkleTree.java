package io.logmaster.compliance.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over a list of leaves, hashed as in RFC 6962 section 2.1: leaf hash = SHA-256(0x00
 * || leaf), node hash = SHA-256(0x01 || left || right), the tree split at the largest power of two
 * smaller than n, the empty tree = SHA-256(""). Holds 32 bytes per leaf; the root and audit paths
 * (RFC 6962 section 2.1.1) are computed level by level, bottom-up, which gives the same tree as the
 * recursive definition (a lone last node of a level is promoted unchanged).
 */
public final class MerkleTree {
    static final int HASH = 32;
    private static final byte[] EMPTY_ROOT = Sha256.of(new byte[0]);

    private final byte[] leafHashes;
    private final int size;

    private MerkleTree(byte[] leafHashes, int size) {
        this.leafHashes = leafHashes;
        this.size = size;
    }

    /** The tree over {@code leaves} (each leaf's bytes as given). */
    public static MerkleTree of(List<byte[]> leaves) {
        Builder builder = new Builder();
        for (byte[] leaf : leaves) {
            builder.addLeaf(leaf, 0, leaf.length);
        }
        return builder.build();
    }

    /** Number of leaves. */
    public int size() {
        return size;
    }

    /** The hash of leaf {@code index}. */
    public byte[] leafHash(int index) {
        checkIndex(index);
        return Arrays.copyOfRange(leafHashes, index * HASH, (index + 1) * HASH);
    }

    /** MTH(D[n]), the tree head. */
    public byte[] root() {
        if (size == 0) {
            return EMPTY_ROOT.clone();
        }
        MessageDigest md = Sha256.digest();
        byte[] level = Arrays.copyOf(leafHashes, size * HASH);
        int n = size;
        while (n > 1) {
            n = reduce(md, level, n);
        }
        return Arrays.copyOf(level, HASH);
    }

    /** The audit path PATH(index, D[n]) of RFC 6962 section 2.1.1, from the leaf upwards. */
    public List<byte[]> inclusionProof(int index) {
        checkIndex(index);
        MessageDigest md = Sha256.digest();
        byte[] level = Arrays.copyOf(leafHashes, size * HASH);
        int n = size;
        int i = index;
        List<byte[]> path = new ArrayList<>();
        while (n > 1) {
            int sibling = i ^ 1;
            if (sibling < n) {
                path.add(Arrays.copyOfRange(level, sibling * HASH, (sibling + 1) * HASH));
            }
            n = reduce(md, level, n);
            i >>= 1;
        }
        return path;
    }

    /** Replaces the first n hashes of {@code level} with the next level up; returns its size. */
    private static int reduce(MessageDigest md, byte[] level, int n) {
        int pairs = n / 2;
        for (int p = 0; p < pairs; p++) {
            md.update((byte) 1);
            md.update(level, 2 * p * HASH, 2 * HASH);
            digestInto(md, level, p * HASH);
        }
        if (n % 2 == 1) {
            System.arraycopy(level, (n - 1) * HASH, level, pairs * HASH, HASH);
            return pairs + 1;
        }
        return pairs;
    }

    private static void digestInto(MessageDigest md, byte[] out, int offset) {
        try {
            md.digest(out, offset, HASH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 into a 32-byte slot", e);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(
                    "leaf index " + index + " outside tree of size " + size);
        }
    }

    /** SHA-256(0x00 || leaf). */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest md = Sha256.digest();
        md.update((byte) 0);
        md.update(leaf);
        return md.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest md = Sha256.digest();
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    /**
     * Checks an audit path (RFC 9162 section 2.1.3.2, the same tree as RFC 6962).
     *
     * @return true only if {@code path} proves {@code leaf} is leaf {@code index} of the tree of
     *     {@code treeSize} leaves whose head is {@code root}
     */
    public static boolean verifyInclusion(
            byte[] leaf, long index, long treeSize, List<byte[]> path, byte[] root) {
        return verifyInclusionOfHash(leafHash(leaf), index, treeSize, path, root);
    }

    /** As {@link #verifyInclusion} with the leaf hash already computed. */
    public static boolean verifyInclusionOfHash(
            byte[] leafHash, long index, long treeSize, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= treeSize || root == null || root.length != HASH) {
            return false;
        }
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (p == null || p.length != HASH || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** Collects leaf hashes (32 bytes each) and builds the tree. */
    public static final class Builder {
        private final MessageDigest md = Sha256.digest();
        private byte[] hashes = new byte[1024 * HASH];
        private int size;

        /** Adds the leaf {@code buf[off, off+len)}. */
        public Builder addLeaf(byte[] buf, int off, int len) {
            md.update((byte) 0);
            md.update(buf, off, len);
            ensure();
            digestInto(md, hashes, size * HASH);
            size++;
            return this;
        }

        /** Adds an already computed leaf hash. */
        public Builder addLeafHash(byte[] leafHash) {
            if (leafHash.length != HASH) {
                throw new IllegalArgumentException(
                        "leaf hash must be 32 bytes, got " + leafHash.length);
            }
            ensure();
            System.arraycopy(leafHash, 0, hashes, size * HASH, HASH);
            size++;
            return this;
        }

        private void ensure() {
            if ((size + 1) * (long) HASH > hashes.length) {
                long grown = Math.min((long) hashes.length * 2, Integer.MAX_VALUE - 64);
                if (grown < (size + 1) * (long) HASH) {
                    throw new IllegalStateException("Merkle tree over " + size + " leaves is full");
                }
                hashes = Arrays.copyOf(hashes, (int) grown);
            }
        }

        public MerkleTree build() {
            return new MerkleTree(Arrays.copyOf(hashes, size * HASH), size);
        }
    }
}
