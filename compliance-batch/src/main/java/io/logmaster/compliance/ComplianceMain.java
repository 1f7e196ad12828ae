package io.logmaster.compliance;

import io.logmaster.compliance.manifest.SealedDayLayout;
import io.logmaster.compliance.pki.KeyMaterial;
import io.logmaster.compliance.pki.LocalPki;
import io.logmaster.compliance.pki.Pem;
import io.logmaster.compliance.seal.DayResult;
import io.logmaster.compliance.seal.DaySealer;
import io.logmaster.compliance.seal.SealSettings;
import io.logmaster.compliance.sign.JcaManifestSigner;
import io.logmaster.compliance.sign.ManifestSigner;
import io.logmaster.compliance.status.DayStatusPublisher;
import io.logmaster.compliance.status.JdbcDayStatusStore;
import io.logmaster.compliance.status.StatusDbSettings;
import io.logmaster.compliance.tsa.HttpTimeStamper;
import io.logmaster.compliance.tsa.RetryPolicy;
import io.logmaster.compliance.tsa.TsaEndpoint;
import io.logmaster.compliance.verify.RecordProof;
import io.logmaster.compliance.verify.RecordProofs;
import io.logmaster.compliance.verify.SealVerifier;
import io.logmaster.compliance.verify.Trust;
import io.logmaster.compliance.verify.VerificationReport;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Command line of the compliance batch: {@code seal [--day YYYY-MM-DD]}, {@code verify PATH
 * [--trust-signer PEM] [--trust-tsa PEM] [--previous DIR]} (PATH: a sealed day, the sealed root, or
 * a proof JSON), {@code prove --day YYYY-MM-DD --id EVENT_ID [--out FILE]}. Exit 0 = all sealed /
 * verified; 1 = failure or bad usage; 2 = sealed but some day still pending a time stamp.
 */
public final class ComplianceMain {
    static final String USAGE =
            "usage: seal [--day YYYY-MM-DD]\n"
                    + "       verify PATH [--trust-signer PEM] [--trust-tsa PEM] [--previous DIR]\n"
                    + "       prove --day YYYY-MM-DD --id EVENT_ID [--out FILE]\n"
                    + io.logmaster.compliance.retention.RetentionCommand.USAGE_LINES;

    private ComplianceMain() {}

    public static void main(String[] args) {
        int code;
        try {
            code = run(args, System.getenv(), System.out, Clock.systemUTC());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            code = 1;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("error: no such file or directory: " + e.getMessage());
            code = 1;
        } catch (java.nio.file.AccessDeniedException e) {
            System.err.println("error: permission denied: " + e.getMessage());
            code = 1;
        } catch (IOException e) {
            System.err.println("error: " + e);
            code = 1;
        }
        System.exit(code);
    }

    /**
     * Runs one command as {@link #main} does, with the environment, output and clock given (the
     * clock decides which days are closed; drills and tests pass one past a day's end).
     *
     * @return the exit code: 0 all good, 1 failure, 2 sealed but a stamp is still pending
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, Clock clock)
            throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command\n" + USAGE);
        }
        if ("retention".equals(args[0])) { // flags without values: its own parser
            ComplianceConfig base = ComplianceConfig.fromEnv(env);
            return io.logmaster.compliance.retention.RetentionCommand.run(
                    java.util.Arrays.copyOfRange(args, 1, args.length),
                    env,
                    base.dataDir(),
                    base.zone(),
                    out,
                    clock);
        }
        Map<String, String> opts = options(args);
        ComplianceConfig config = ComplianceConfig.fromEnv(env);
        return switch (args[0]) {
            case "seal" -> seal(config, StatusDbSettings.fromEnv(env), opts, out, clock);
            case "verify" -> verify(opts, out);
            case "prove" -> prove(config, opts, out);
            default ->
                    throw new IllegalArgumentException(
                            "unknown command '" + args[0] + "'\n" + USAGE);
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
                }
                opts.put(args[i], args[++i]);
            } else if (!opts.containsKey("")) {
                opts.put("", args[i]);
            } else {
                throw new IllegalArgumentException(
                        "unexpected argument '" + args[i] + "'\n" + USAGE);
            }
        }
        return opts;
    }

    private static int seal(
            ComplianceConfig config,
            Optional<StatusDbSettings> statusDb,
            Map<String, String> opts,
            PrintStream out,
            Clock clock)
            throws IOException {
        if (config.tsaUrls().isEmpty()) {
            throw new IllegalArgumentException(
                    "LOGMASTER_TSA_URLS is not set (the launcher passes the built-in TSA URL)");
        }
        ManifestSigner signer;
        List<X509Certificate> tsaRoots = new ArrayList<>();
        if (config.sealKeyP12() != null) {
            signer =
                    new JcaManifestSigner(
                            KeyMaterial.load(config.sealKeyP12(), config.sealKeyPassword()));
        } else {
            LocalPki pki = LocalPki.openOrCreate(config.pkiDir(), pkiPassword(config));
            signer = new JcaManifestSigner(pki.signer());
            tsaRoots.add(pki.rootCertificate()); // the built-in TSA's CA
        }
        List<TsaEndpoint> endpoints = new ArrayList<>();
        for (URI url : config.tsaUrls()) {
            endpoints.add(TsaEndpoint.of(url.getHost() + ":" + url.getPort(), url));
        }
        // An empty trust list accepts whatever certificate a configured TSA's token carries; the
        // token's signature is still checked.
        HttpTimeStamper stamper = new HttpTimeStamper(endpoints, RetryPolicy.defaults(), tsaRoots);
        SealSettings sealSettings =
                new SealSettings(config.dataDir(), config.zone(), config.grace(), clock);
        DaySealer sealer = new DaySealer(sealSettings, signer, stamper, tsaRoots);
        List<DayResult> results =
                opts.containsKey("--day")
                        ? List.of(sealer.seal(LocalDate.parse(opts.get("--day"))))
                        : sealer.sealClosedDays();
        int code = 0;
        long skipped = 0;
        for (DayResult r : results) {
            if (r.state() == DayResult.State.SKIPPED) {
                skipped++;
                continue;
            }
            out.println(r);
            if (r.state() == DayResult.State.FAILED) {
                code = 1;
            } else if (r.state() == DayResult.State.PENDING && code == 0) {
                code = 2;
            }
        }
        out.println(results.size() - skipped + " day(s) processed, " + skipped + " already sealed");
        // The archive is the source of truth: a database outage only costs the status rows.
        out.println(
                statusDb.isEmpty()
                        ? "day status not recorded: LOGMASTER_PG_URL/LOGMASTER_PG_PASSWORD not set"
                        : new DayStatusPublisher(
                                        sealSettings.sealedDir(),
                                        new JdbcDayStatusStore(statusDb.get()))
                                .publish(results));
        return code;
    }

    private static char[] pkiPassword(ComplianceConfig config) throws IOException {
        Path file = config.pkiPasswordFile();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    "no seal key: set LOGMASTER_SEAL_KEY_P12 and "
                            + "LOGMASTER_SEAL_KEY_PASSWORD, or provide "
                            + file
                            + " for the local PKI");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
    }

    private static int verify(Map<String, String> opts, PrintStream out) throws IOException {
        String target = opts.get("");
        if (target == null) {
            throw new IllegalArgumentException("verify needs a PATH\n" + USAGE);
        }
        Trust trust = new Trust(pem(opts.get("--trust-signer")), pem(opts.get("--trust-tsa")));
        Path path = Path.of(target);
        if (Files.isRegularFile(path) && path.toString().endsWith(".jsonl")) {
            return io.logmaster.compliance.retention.RetentionCommand.verifyJournal(path, out);
        }
        if (Files.isRegularFile(path)) {
            RecordProof proof = RecordProof.parse(Files.readAllBytes(path));
            VerificationReport r = RecordProofs.verify(proof, trust);
            out.print(r.render());
            return r.passed() ? 0 : 1;
        }
        if (Files.isRegularFile(path.resolve(SealedDayLayout.MANIFEST))) {
            Path previous = opts.containsKey("--previous") ? Path.of(opts.get("--previous")) : null;
            VerificationReport r = new SealVerifier().verify(path, trust, previous);
            out.print(r.render());
            return r.passed() ? 0 : 1;
        }
        List<Path> days = new ArrayList<>();
        try (Stream<Path> s = Files.list(path)) {
            s.filter(p -> SealedDayLayout.dayOf(p).isPresent()).sorted().forEach(days::add);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException(
                    path
                            + " is neither a sealed day, a directory of"
                            + " sealed days, nor a proof file");
        }
        int failed = 0;
        for (Path day : days) {
            VerificationReport r = new SealVerifier().verify(day, trust, null);
            out.println("== " + day.getFileName());
            out.print(r.render());
            failed += r.passed() ? 0 : 1;
        }
        out.println(
                failed == 0
                        ? "ALL " + days.size() + " DAY(S) VERIFIED"
                        : failed + " OF " + days.size() + " DAY(S) FAILED");
        return failed == 0 ? 0 : 1;
    }

    private static List<X509Certificate> pem(String file) throws IOException {
        return file == null ? List.of() : Pem.readCertificates(Path.of(file));
    }

    private static int prove(ComplianceConfig config, Map<String, String> opts, PrintStream out)
            throws IOException {
        String day = opts.get("--day");
        String id = opts.get("--id");
        if (day == null || id == null) {
            throw new IllegalArgumentException("prove needs --day and --id\n" + USAGE);
        }
        Path dir =
                config.dataDir().resolve("archive/sealed").resolve(LocalDate.parse(day).toString());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("day " + day + " is not sealed (" + dir + ")");
        }
        Optional<RecordProof> proof = RecordProofs.export(dir, id);
        if (proof.isEmpty()) {
            out.println("no record with id " + id + " in sealed day " + day);
            return 1;
        }
        Path file = Path.of(opts.getOrDefault("--out", "proof-" + day + "-" + id + ".json"));
        Files.write(file, proof.get().toJson());
        out.println(
                "wrote "
                        + file
                        + " (device "
                        + proof.get().device()
                        + ", leaf "
                        + proof.get().index()
                        + " of "
                        + proof.get().treeSize()
                        + ")");
        return 0;
    }
}
