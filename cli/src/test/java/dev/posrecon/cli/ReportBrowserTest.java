package dev.posrecon.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample day's report.html opened in headless Chromium: the rendered DOM (after its script ran) shows the case
 * count, the total at stake and, as the cashier to aim training at, the one the sample's truth planted; and an
 * A4-sized screenshot is taken (kept in cli/target/report-browser/ to look at, and to refresh docs/report.png).
 * Skipped, saying so, when no Chromium is on the PATH ({@code .ci/run} installs Debian's {@code chromium}).
 */
class ReportBrowserTest {
    static final Path KEEP = Path.of("target", "report-browser");

    static Path chromium() {
        String own = System.getenv("POSRECON_CHROMIUM");
        List<String> names = own != null ? List.of(own) : List.of("chromium", "chromium-browser", "google-chrome");
        for (String n : names) {
            if (n.contains(File.separator) && Files.isExecutable(Path.of(n))) {
                return Path.of(n);
            }
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, n);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium with the flags it needs as root on a closed network; returns its stdout. */
    static String chromium(Path exe, Path profile, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("headless Chromium did not finish in 90 s: " + cmd);
        }
        assertThat(p.exitValue()).as("chromium exit code: " + cmd).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void theSampleDaysReportRendersItsFiguresAndFlagsThePlantedCashier(@TempDir Path tmp) throws Exception {
        Path exe = chromium();
        if (exe == null) {
            System.err.println("ReportBrowserTest: SKIPPED - no headless Chromium on the PATH (chromium, "
                    + "chromium-browser, google-chrome or $POSRECON_CHROMIUM); .ci/run installs Debian's chromium");
        }
        Assumptions.assumeTrue(exe != null, "no headless Chromium on the PATH: the browser check of report.html"
                + " is skipped (apt-get install -y chromium)");
        Path out = tmp.resolve("out");
        SampleDayGoldenTest.reconcile(out, "--quiet").succeeded();
        String url = out.resolve("report.html").toUri().toString();

        String dom = chromium(exe, tmp.resolve("profile-dom"), "--dump-dom", url);
        assertThat(text(dom, "case-count")).isEqualTo("15");
        assertThat(text(dom, "at-stake")).isEqualTo("11858.51 CNY");
        // the filters' script ran: the form is shown and counts the cases it shows
        assertThat(dom).contains("<form class=\"filters\" id=\"filters\">");
        assertThat(text(dom, "shown")).isEqualTo("15 shown");
        List<String> flagged = new ArrayList<>();
        Matcher m = Pattern.compile("<li class=\"flagged\" data-unit=\"(\\w+)\" data-id=\"([^\"]*)\">").matcher(dom);
        while (m.find()) {
            flagged.add(m.group(1) + " " + m.group(2));
        }
        assertThat(flagged).containsExactly("cashier " + plantedCashier());

        Path png = tmp.resolve("report.png");
        chromium(exe, tmp.resolve("profile-shot"), "--hide-scrollbars", "--screenshot=" + png,
                "--window-size=1240,1754", url);
        assertThat(pngSize(png)).isEqualTo(new int[] {1240, 1754});
        assertThat(Files.size(png)).as("a screenshot with content, not a blank page").isGreaterThan(50_000);
        Files.createDirectories(KEEP);
        Files.copy(png, KEEP.resolve("report.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** The cashier truth.csv gives most of the planted cases to. */
    static String plantedCashier() {
        Map<String, Integer> n = new TreeMap<>();
        for (var rec : ScenarioCsv.records(SampleDayGoldenTest.DAY.resolve("truth.csv"))) {
            if (!rec.get("cashier_id").isEmpty()) {
                n.merge(rec.get("cashier_id"), 1, Integer::sum);
            }
        }
        return n.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The text of the element with this id in the dumped DOM (no nested elements). */
    static String text(String dom, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(m.find()).as("element #" + id + " in the rendered DOM").isTrue();
        return m.group(1);
    }

    static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
            byte[] sig = new byte[16];
            d.readFully(sig);
            assertThat(new String(sig, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            return new int[] {d.readInt(), d.readInt()};
        }
    }
}
