package io.logmaster.compliance.merkle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static io.logmaster.compliance.merkle.Sha256.hex;
import static io.logmaster.compliance.merkle.Sha256.unhex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerkleTreeTest {
    /** The 8-leaf test tree of certificate-transparency / trillian (merkle tree tests). */
    private static final List<byte[]> CT_LEAVES =
            List.of(
                    unhex(""),
                    unhex("00"),
                    unhex("10"),
                    unhex("2021"),
                    unhex("3031"),
                    unhex("40414243"),
                    unhex("5051525354555657"),
                    unhex("606162636465666768696a6b6c6d6e6f"));

    /** MTH(D[0:n]) for n = 1..8 of {@link #CT_LEAVES}. */
    private static final List<String> CT_ROOTS =
            List.of(
                    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
                    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
                    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
                    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
                    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
                    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
                    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void matchesCertificateTransparencyRootsForEveryPrefix() {
        for (int n = 1; n <= 8; n++) {
            MerkleTree tree = MerkleTree.of(CT_LEAVES.subList(0, n));
            assertThat(hex(tree.root())).as("root of %d leaves", n).isEqualTo(CT_ROOTS.get(n - 1));
            assertThat(hex(streamingRoot(CT_LEAVES.subList(0, n)))).isEqualTo(CT_ROOTS.get(n - 1));
        }
    }

    @Test
    void matchesCertificateTransparencyAuditPaths() {
        assertPath(
                0,
                8,
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertPath(
                5,
                8,
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertPath(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertPath(
                1,
                5,
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    private static void assertPath(int index, int size, String... expected) {
        MerkleTree tree = MerkleTree.of(CT_LEAVES.subList(0, size));
        assertThat(tree.inclusionProof(index).stream().map(Sha256::hex).toList())
                .containsExactly(expected);
        assertThat(
                        MerkleTree.verifyInclusion(
                                CT_LEAVES.get(index),
                                index,
                                size,
                                tree.inclusionProof(index),
                                unhex(CT_ROOTS.get(size - 1))))
                .isTrue();
    }

    @Test
    void emptyTreeIsSha256OfNothing() {
        MerkleTree empty = MerkleTree.of(List.of());
        assertThat(hex(empty.root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(new MerkleRoot().root())).isEqualTo(hex(empty.root()));
        assertThatThrownBy(() -> empty.inclusionProof(0))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(MerkleTree.verifyInclusion(new byte[0], 0, 0, List.of(), empty.root()))
                .isFalse();
    }

    @Test
    void oneLeafTreeHasEmptyPathAndRootIsLeafHash() {
        byte[] leaf = "only".getBytes(StandardCharsets.UTF_8);
        MerkleTree tree = MerkleTree.of(List.of(leaf));
        assertThat(tree.root()).isEqualTo(MerkleTree.leafHash(leaf));
        assertThat(tree.inclusionProof(0)).isEmpty();
        assertThat(MerkleTree.verifyInclusion(leaf, 0, 1, List.of(), tree.root())).isTrue();
        assertThat(MerkleTree.verifyInclusion(leaf, 1, 1, List.of(), tree.root())).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 0, 2, List.of(), tree.root())).isFalse();
    }

    @Test
    void everyLeafOfEveryTreeUpTo33VerifiesAndTamperingFails() {
        for (int n = 1; n <= 33; n++) {
            List<byte[]> leaves = leaves(n);
            MerkleTree tree = MerkleTree.of(leaves);
            byte[] root = tree.root();
            assertThat(root).as("recursive definition, n=%d", n).isEqualTo(reference(leaves));
            assertThat(streamingRoot(leaves)).isEqualTo(root);
            for (int i = 0; i < n; i++) {
                List<byte[]> path = tree.inclusionProof(i);
                byte[] leaf = leaves.get(i);
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, path, root))
                        .as("leaf %d of %d", i, n)
                        .isTrue();
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(MerkleTree.verifyInclusion(leaf, other, n, path, root))
                            .as("wrong index %d for leaf %d of %d", other, i, n)
                            .isFalse();
                    assertThat(MerkleTree.verifyInclusion(leaves.get(other), i, n, path, root))
                            .as("wrong leaf at %d of %d", i, n)
                            .isFalse();
                    List<byte[]> truncated = path.subList(0, path.size() - 1);
                    assertThat(MerkleTree.verifyInclusion(leaf, i, n, truncated, root)).isFalse();
                    List<byte[]> longer = new ArrayList<>(path);
                    longer.add(root);
                    assertThat(MerkleTree.verifyInclusion(leaf, i, n, longer, root)).isFalse();
                }
                byte[] wrongRoot = root.clone();
                wrongRoot[0] ^= 1;
                assertThat(MerkleTree.verifyInclusion(leaf, i, n, path, wrongRoot)).isFalse();
                // As in CT's verifier tests: twice the size must fail (n + 1 may not, e.g. 3 vs 4).
                assertThat(MerkleTree.verifyInclusion(leaf, i, n * 2L, path, root))
                        .as("wrong size for leaf %d of %d", i, n)
                        .isFalse();
            }
        }
    }

    @Test
    void firstMiddleAndLastLeafOfALargeTree() {
        int n = 100_003;
        MerkleTree.Builder builder = new MerkleTree.Builder();
        MerkleRoot streaming = new MerkleRoot();
        for (int i = 0; i < n; i++) {
            byte[] leaf = ("record " + i).getBytes(StandardCharsets.UTF_8);
            builder.addLeaf(leaf, 0, leaf.length);
            streaming.addLeaf(leaf, 0, leaf.length);
        }
        MerkleTree tree = builder.build();
        byte[] root = tree.root();
        assertThat(streaming.root()).isEqualTo(root);
        assertThat(streaming.count()).isEqualTo(n);
        for (int i : new int[] {0, n / 2, n - 1}) {
            byte[] leaf = ("record " + i).getBytes(StandardCharsets.UTF_8);
            List<byte[]> path = tree.inclusionProof(i);
            assertThat(path).hasSizeBetween(1, 17);
            assertThat(MerkleTree.verifyInclusion(leaf, i, n, path, root)).isTrue();
            assertThat(MerkleTree.verifyInclusion(leaf, i, n * 2L, path, root)).isFalse();
        }
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf-" + i).getBytes(StandardCharsets.UTF_8));
        }
        return leaves;
    }

    private static byte[] streamingRoot(List<byte[]> leaves) {
        MerkleRoot root = new MerkleRoot();
        leaves.forEach(l -> root.addLeaf(l, 0, l.length));
        return root.root();
    }

    /** MTH straight from RFC 6962 section 2.1, recursively. */
    private static byte[] reference(List<byte[]> d) {
        if (d.size() == 1) {
            return MerkleTree.leafHash(d.get(0));
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return MerkleTree.nodeHash(reference(d.subList(0, k)), reference(d.subList(k, d.size())));
    }
}
