package io.logmaster.compliance.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logmaster.compliance.manifest.CanonicalJson;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evidence for one record without the rest of the day: the record line, its device, index and tree
 * size, the RFC 6962 audit path to the device's Merkle root, and the day's manifest, signature,
 * time stamp and certificates (binary files in Base64). Written as canonical JSON.
 *
 * @param record the record line as text (null when not valid UTF-8, then {@code recordB64})
 * @param timeStampResponse Base64 manifest.tsr, or null while the day is pending
 */
public record RecordProof(
        String format,
        LocalDate day,
        String device,
        long index,
        long treeSize,
        String record,
        String recordB64,
        List<String> auditPath,
        String merkleRoot,
        String manifest,
        String signature,
        String timeStampResponse,
        String signerChainPem,
        String tsaChainPem) {
    public static final String FORMAT = "logmaster-record-proof/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecordProof {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(merkleRoot, "merkle_root");
        Objects.requireNonNull(manifest, "manifest");
        auditPath = List.copyOf(auditPath);
    }

    public byte[] toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format);
        m.put("day", day.toString());
        m.put("device", device);
        m.put("index", index);
        m.put("tree_size", treeSize);
        m.put("record", record);
        m.put("record_b64", recordB64);
        m.put("audit_path", new ArrayList<Object>(auditPath));
        m.put("merkle_root", merkleRoot);
        m.put("manifest_b64", manifest);
        m.put("signature_b64", signature);
        m.put("tsr_b64", timeStampResponse);
        m.put("signer_chain_pem", signerChainPem);
        m.put("tsa_chain_pem", tsaChainPem);
        return CanonicalJson.toBytes(m);
    }

    public static RecordProof parse(byte[] json) throws IOException {
        JsonNode n = JSON.readTree(json);
        if (n == null || !n.isObject()) {
            throw new IOException("record proof is not a JSON object");
        }
        List<String> path = new ArrayList<>();
        n.path("audit_path").forEach(p -> path.add(p.asText()));
        try {
            return new RecordProof(
                    text(n, "format"),
                    LocalDate.parse(text(n, "day")),
                    text(n, "device"),
                    n.path("index").asLong(-1),
                    n.path("tree_size").asLong(-1),
                    text(n, "record"),
                    text(n, "record_b64"),
                    path,
                    text(n, "merkle_root"),
                    text(n, "manifest_b64"),
                    text(n, "signature_b64"),
                    text(n, "tsr_b64"),
                    text(n, "signer_chain_pem"),
                    text(n, "tsa_chain_pem"));
        } catch (RuntimeException e) {
            throw new IOException("record proof is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
