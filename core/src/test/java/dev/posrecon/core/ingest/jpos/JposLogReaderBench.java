package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.ingest.ReadResult;
import dev.posrecon.core.model.TerminalRecord;
import org.junit.jupiter.api.Test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Throughput of the reader on a generated log. Runs only with {@code -Dposrecon.bench=MB} (the size to generate);
 * the file goes to the temp directory and is deleted afterwards.
 * {@code mvn -B -q -o -pl core test -Dtest=JposLogReaderBench -Dposrecon.bench=200}
 */
class JposLogReaderBench {

    @Test
    void throughput() throws IOException {
        String mb = System.getProperty("posrecon.bench");
        assumeTrue(mb != null && !mb.isBlank(), "set -Dposrecon.bench=MB to run");
        Path file = Files.createTempFile("posrecon-bench", ".xml");
        try {
            long txns = generate(file, Long.parseLong(mb) << 20);
            long bytes = Files.size(file);
            ReconConfig config = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai")).build();
            for (int run = 1; run <= 5; run++) {
                long s0 = System.nanoTime();
                long tokens = 0;
                try (java.io.InputStream in = Files.newInputStream(file)) {
                    XmlTokenizer tok = new XmlTokenizer(in, XmlTokenizer.BUFFER);
                    while (tok.next() != XmlTokenizer.EOF) {
                        tokens++;
                    }
                }
                long sns = System.nanoTime() - s0;
                System.out.printf("scan only: %d tokens in %d ms = %.0f MB/s%n", tokens, sns / 1_000_000,
                        (bytes / 1048576.0) / (sns / 1e9));
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                ReadResult<TerminalRecord> r = new JposLogReader(config).read(file, "bench.xml");
                long ns = System.nanoTime() - t0;
                long cpu = mx.getCurrentThreadCpuTime() - c0;
                System.out.printf("run %d: %d MB in %d ms = %.0f MB/s (reader thread CPU %d ms = %.0f MB/s);"
                                + " transactions=%d ignored=%d rejects=%d%n", run, bytes >> 20, ns / 1_000_000,
                        (bytes / 1048576.0) / (ns / 1e9), cpu / 1_000_000, (bytes / 1048576.0) / (cpu / 1e9),
                        r.records().size(), r.ignored(), r.rejects().size());
                assertThat(r.records()).hasSize((int) txns);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A jPOS day: sale request/response pairs from 50 terminals, an echo test and an info entry now and then. */
    private static long generate(Path file, long size) throws IOException {
        long n = 0;
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<logger class=\"org.jpos.q2.qbean.LoggerAdaptor\">\n");
            StringBuilder sb = new StringBuilder(4096);
            while (written < size) {
                sb.setLength(0);
                long stan = n % 999_999 + 1;
                String tid = String.format("T%07d", n % 50);
                int sec = (int) (n % 86_400);
                String hms = String.format("%02d%02d%02d", sec / 3600, sec / 60 % 60, sec % 60);
                String at = String.format("2026-11-20T%02d:%02d:%02d.%03d", sec / 3600, sec / 60 % 60, sec % 60,
                        n % 1000);
                sb.append("<log realm=\"channel/10.0.0.1:8000\" at=\"").append(at).append("\" lifespan=\"2ms\">\n")
                        .append("  <send>\n    <isomsg direction=\"outgoing\">\n")
                        .append("      <!-- org.jpos.iso.packager.XMLPackager -->\n")
                        .append("      <field id=\"0\" value=\"0200\"/>\n")
                        .append("      <field id=\"2\" value=\"62220212345").append(String.format("%08d", n % 100_000_000)).append("\"/>\n")
                        .append("      <field id=\"3\" value=\"000000\"/>\n")
                        .append("      <field id=\"4\" value=\"").append(String.format("%012d", 100 + n % 50_000)).append("\"/>\n")
                        .append("      <field id=\"7\" value=\"1120").append(hms).append("\"/>\n")
                        .append("      <field id=\"11\" value=\"").append(String.format("%06d", stan)).append("\"/>\n")
                        .append("      <field id=\"12\" value=\"").append(hms).append("\"/>\n")
                        .append("      <field id=\"13\" value=\"1120\"/>\n")
                        .append("      <field id=\"22\" value=\"051\"/>\n")
                        .append("      <field id=\"25\" value=\"00\"/>\n")
                        .append("      <field id=\"41\" value=\"").append(tid).append("\"/>\n")
                        .append("      <field id=\"42\" value=\"M00000000000001\"/>\n")
                        .append("      <field id=\"49\" value=\"156\"/>\n")
                        .append("      <isomsg id=\"48\">\n        <field id=\"1\" value=\"order ").append(n).append("\"/>\n      </isomsg>\n")
                        .append("    </isomsg>\n  </send>\n</log>\n");
                sb.append("<log realm=\"channel/10.0.0.1:8000\" at=\"").append(at).append("\" lifespan=\"900ms\">\n")
                        .append("  <receive>\n    <isomsg direction=\"incoming\">\n")
                        .append("      <!-- org.jpos.iso.packager.XMLPackager -->\n")
                        .append("      <field id=\"0\" value=\"0210\"/>\n")
                        .append("      <field id=\"3\" value=\"000000\"/>\n")
                        .append("      <field id=\"4\" value=\"").append(String.format("%012d", 100 + n % 50_000)).append("\"/>\n")
                        .append("      <field id=\"11\" value=\"").append(String.format("%06d", stan)).append("\"/>\n")
                        .append("      <field id=\"37\" value=\"").append(String.format("%012d", n)).append("\"/>\n")
                        .append("      <field id=\"38\" value=\"A").append(String.format("%05d", n % 100_000)).append("\"/>\n")
                        .append("      <field id=\"39\" value=\"").append(n % 17 == 0 ? "05" : "00").append("\"/>\n")
                        .append("      <field id=\"41\" value=\"").append(tid).append("\"/>\n")
                        .append("    </isomsg>\n  </receive>\n</log>\n");
                if (n % 100 == 0) {
                    sb.append("<log realm=\"channel/10.0.0.1:8000\" at=\"").append(at).append("\">\n  <send>\n")
                            .append("    <isomsg direction=\"outgoing\">\n      <field id=\"0\" value=\"0800\"/>\n")
                            .append("      <field id=\"70\" value=\"301\"/>\n    </isomsg>\n  </send>\n</log>\n")
                            .append("<log realm=\"Q2.system\" at=\"").append(at).append("\">\n  <info>\n")
                            .append("    at org.jpos.iso.BaseChannel.receive(BaseChannel.java:662) a < b &amp; c\n")
                            .append("  </info>\n</log>\n");
                }
                w.append(sb);
                written += sb.length();
                n++;
            }
            w.write("</logger>\n");
        }
        return n;
    }
}
