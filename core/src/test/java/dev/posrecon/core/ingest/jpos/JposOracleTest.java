package dev.posrecon.core.ingest.jpos;

import dev.posrecon.core.config.ReconConfig;
import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.TerminalRecord;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.packager.XMLPackager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * jPOS itself as the oracle: every message of the sample day's log, unpacked by jPOS's own {@link XMLPackager}
 * into an {@link ISOMsg}, must agree with what posrecon's streaming scanner made of it (MTI, processing code,
 * amount, STAN, terminal, RRN, auth and response codes, masked PAN). jPOS is a test dependency only: the
 * scanner does not need it at run time.
 */
class JposOracleTest {
    static final Path DAY = Path.of(System.getProperty("posrecon.repoRoot", ".."), "samples", "day-2026-11-20",
            "terminal.xml");

    @Test
    void everyMessageAgreesWithJposOwnParser() throws Exception {
        ReconConfig cfg = ReconConfig.builder().zone(ZoneId.of("Asia/Shanghai")).build();
        List<TerminalRecord> ours = new JposLogReader(cfg).read(DAY, "terminal.xml").records();
        Map<String, TerminalRecord> byKey = new HashMap<>();
        for (TerminalRecord t : ours) {
            byKey.put(t.terminalId() + "|" + t.stan() + "|" + t.requestMti(), t);
        }
        XMLPackager packager = new XMLPackager();
        Matcher m = Pattern.compile("<isomsg[^>]*>.*?</isomsg>", Pattern.DOTALL)
                .matcher(Files.readString(DAY, StandardCharsets.UTF_8));
        int requests = 0;
        int responses = 0;
        while (m.find()) {
            ISOMsg iso = new ISOMsg();
            iso.setPackager(packager);
            iso.unpack(m.group().getBytes(StandardCharsets.UTF_8));
            String mti = iso.getMTI();
            if (mti.startsWith("08")) {
                continue;
            }
            boolean request = (mti.charAt(2) - '0') % 2 == 0;
            String reqMti = request ? mti : String.format("%04d", Integer.parseInt(mti) - 10);
            TerminalRecord t = byKey.get(iso.getString(41) + "|" + iso.getString(11) + "|" + reqMti);
            assertThat(t).as("posrecon read message %s STAN %s of terminal %s", mti, iso.getString(11),
                    iso.getString(41)).isNotNull();
            assertThat(t.amount().minor()).isEqualTo(Long.parseLong(iso.getString(4)));
            if (request) {
                requests++;
                assertThat(t.processingCode()).isEqualTo(iso.getString(3));
                assertThat(t.card()).isEqualTo(Cards.mask(iso.getString(2)));
            } else {
                responses++;
                assertThat(t.responseCode()).isEqualTo(iso.getString(39));
                assertThat(t.rrn()).isEqualTo(iso.getString(37));
                assertThat(t.authCode()).isEqualTo(iso.hasField(38) ? iso.getString(38) : null);
            }
        }
        assertThat(requests).isEqualTo(ours.size());
        assertThat(responses).isEqualTo(ours.stream().filter(t -> !t.timedOut()).count());
    }
}
