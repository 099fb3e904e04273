package dev.posrecon.core.gen;

import dev.posrecon.core.cases.CaseType;
import dev.posrecon.core.error.UsageException;
import dev.posrecon.core.gen.GeneratedDay.Msg;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayGeneratorTest {
    private static final BigDecimal RATE = new BigDecimal("0.60");

    @TempDir
    static Path tmp;

    static GenerationResult result;
    static GeneratedDay day;
    static Map<String, Map<String, String>> settledByKey = new HashMap<>();
    static Map<String, List<Map<String, String>>> tendersByKey = new HashMap<>();
    static Map<String, Map<String, String>> receiptByNo = new HashMap<>();
    static Map<String, Msg> requestByKey = new HashMap<>();
    static Map<String, Msg> responseByKey = new HashMap<>();

    static GeneratorOptions options(long n, long seed, Path out) {
        return GeneratorOptions.of(n, seed, LocalDate.of(2026, 11, 20), ZoneId.of("Asia/Shanghai"), out)
                .withTerminals(4).withCaseRate(new BigDecimal("0.05"));
    }

    @BeforeAll
    static void generate() throws IOException {
        result = DayGenerator.generate(options(1000, 42, tmp.resolve("a")));
        day = new GeneratedDay(tmp.resolve("a"));
        for (Map<String, String> s : day.settlement) {
            assertThat(settledByKey.put(GeneratedDay.key(s), s)).as("one line per terminal+stan").isNull();
        }
        for (Map<String, String> j : day.journal) {
            receiptByNo.putIfAbsent(j.get("receipt_no"), j);
            if (j.get("tender").equals("CARD")) {
                tendersByKey.computeIfAbsent(GeneratedDay.key(j), k -> new ArrayList<>()).add(j);
            }
        }
        for (Msg m : day.log) {
            if (m.f().containsKey("41")) {
                (m.outgoing() ? requestByKey : responseByKey).put(m.key(), m);
            }
        }
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        DayGenerator.generate(options(1000, 42, tmp.resolve("b")));
        DayGenerator.generate(options(1000, 43, tmp.resolve("c")));
        for (String f : List.of(DayGenerator.TERMINAL_LOG, DayGenerator.SETTLEMENT, DayGenerator.JOURNAL,
                DayGenerator.CUSTOMERS, DayGenerator.TRUTH, DayGenerator.PROPERTIES)) {
            assertThat(Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f))).as(f).isEqualTo(-1L);
        }
        assertThat(Files.mismatch(tmp.resolve("a/terminal.xml"), tmp.resolve("c/terminal.xml"))).isNotEqualTo(-1L);
    }

    @Test
    void countsAddUp() {
        assertThat(result.transactions()).isBetween(1000L, 1003L);
        assertThat(result.terminals()).isEqualTo(4);
        assertThat(result.cases()).isEqualTo(50).isEqualTo(day.truth.size());
        assertThat(result.settlementLines()).isEqualTo(day.settlement.size());
        assertThat(result.receipts()).isEqualTo(receiptByNo.size());
        long financialRequests = day.log.stream().filter(m -> m.outgoing() && !m.mti().startsWith("08")).count();
        long acquirerOnly = day.truth.stream().filter(t -> t.get("type").equals("UNKNOWN_SETTLEMENT")).count();
        assertThat(financialRequests + acquirerOnly).isEqualTo(result.transactions());
        assertThat(day.log.stream().filter(m -> m.mti().equals("0800"))).isNotEmpty();
        long cashOnly = receiptByNo.keySet().stream().filter(no -> day.journal.stream()
                .filter(j -> j.get("receipt_no").equals(no)).allMatch(j -> j.get("tender").equals("CASH"))).count();
        assertThat(cashOnly * 100 / receiptByNo.size()).isBetween(12L, 28L);
        assertThat(day.customers).isNotEmpty();
        assertThat(result.files()).hasSize(6);
    }

    @Test
    void everyVariantIsPlantedAndTruthIsSorted() {
        Set<String> planted = day.truth.stream().map(t -> t.get("type") + "/" + t.get("reason")).collect(Collectors.toSet());
        Set<String> expected = Arrays.stream(DayGenerator.Variant.values()).map(v -> v.type + "/" + v.reason)
                .collect(Collectors.toSet());
        assertThat(planted).isEqualTo(expected);
        assertThat(day.truth.stream().map(t -> t.get("type")).collect(Collectors.toSet()))
                .hasSize(CaseType.values().length);
        List<String> keys = day.truth.stream().map(t -> t.get("type") + "," + t.get("terminal_id") + "," + t.get("stan"))
                .toList();
        assertThat(keys).isSorted().doesNotHaveDuplicates();
        // one DECLINED_BUT_CARD_PAID was declined, another timed out
        Set<String> outcomes = new TreeSet<>();
        for (Map<String, String> t : day.truth) {
            if (t.get("reason").equals("DECLINED_BUT_CARD_PAID")) {
                Msg resp = responseByKey.get(GeneratedDay.key(t));
                outcomes.add(resp == null ? "timeout" : resp.f().get("39"));
            }
        }
        assertThat(outcomes).contains("timeout").doesNotContain("00");
    }

    @Test
    void fewCasesStillCoverEveryVariantFromHundredTransactions() {
        assertThat(DayGenerator.plannedCases(100, new BigDecimal("0.001"))).isEqualTo(DayGenerator.Variant.values().length);
        assertThat(DayGenerator.plannedCases(99, new BigDecimal("0.01"))).isEqualTo(1);
        assertThat(DayGenerator.plannedCases(1_000_000, new BigDecimal("0.01"))).isEqualTo(10_000);
        assertThat(DayGenerator.plannedCases(1_000_000, BigDecimal.ZERO)).isZero();
    }

    @Test
    void pansInTheLogPassLuhnOnRealBins() {
        List<String> pans = day.log.stream().map(m -> m.f().get("2")).filter(p -> p != null).toList();
        assertThat(pans).hasSizeGreaterThan(900).allSatisfy(p -> {
            assertThat(Pans.luhnValid(p)).as(p).isTrue();
            assertThat(Arrays.asList(Pans.BINS)).contains(p.substring(0, 6));
            assertThat(p.length()).isIn(16, 19);
        });
        assertThat(day.settlement).allSatisfy(s -> assertThat(s.get("card")).matches("\\d{6}\\*+\\d{4}"));
    }

    @Test
    void stansIncreasePerTerminalAndRrnsAreUnique() {
        Map<String, Integer> last = new HashMap<>();
        Set<String> rrns = new HashSet<>();
        for (Msg m : day.log) {
            if (m.outgoing() && m.f().containsKey("41")) {
                int stan = Integer.parseInt(m.f().get("11"));
                Integer prev = last.put(m.f().get("41"), stan);
                assertThat(stan).isEqualTo(prev == null ? 1 : prev + 1);
            } else if (!m.outgoing() && m.f().containsKey("37") && m.mti().equals("0210")
                    && m.f().get("3").startsWith("00")) {
                assertThat(rrns.add(m.f().get("37"))).as(m.f().get("37")).isTrue();
            }
        }
        assertThat(last).hasSize(4);
    }

    @Test
    void settlementIsInBatchOrderNotTimeOrderAndFeesFollowTheRate() {
        List<String> times = day.settlement.stream().map(s -> s.get("txn_time")).toList();
        assertThat(times).isNotEqualTo(times.stream().sorted().toList());
        Set<String> feeCases = day.truth.stream().filter(t -> t.get("type").equals("FEE_MISMATCH"))
                .map(GeneratedDay::key).collect(Collectors.toSet());
        for (Map<String, String> s : day.settlement) {
            long amount = GeneratedDay.minor(s.get("amount"));
            long fee = GeneratedDay.minor(s.get("fee"));
            long net = GeneratedDay.minor(s.get("net"));
            assertThat(s.get("settle_date")).isEqualTo("2026-11-21");
            if (s.get("type").equals("REFUND")) {
                assertThat(fee).isZero();
                assertThat(net).isEqualTo(-amount);
            } else {
                assertThat(net).isEqualTo(amount - fee);
                if (!feeCases.contains(GeneratedDay.key(s))) {
                    assertThat(fee).as(s.toString()).isEqualTo(DayGenerator.fee(amount, RATE));
                }
            }
        }
    }

    @Test
    void settlementAndJournalAgreeWithTruth() {
        for (Map<String, String> t : day.truth) {
            String key = GeneratedDay.key(t);
            long stake = GeneratedDay.minor(t.get("amount"));
            Map<String, String> settled = settledByKey.get(key);
            List<Map<String, String>> tenders = tendersByKey.getOrDefault(key, List.of());
            String what = t.toString();
            assertThat(stake).as(what).isPositive();
            switch (t.get("type") + "/" + t.get("reason")) {
                case "SHORT_CHARGE/KEYED_LOW" ->
                        assertThat(amount(tenders.get(0)) - GeneratedDay.minor(settled.get("amount"))).as(what).isEqualTo(stake);
                case "SHORT_CHARGE/DECLINED_BUT_CARD_PAID" -> {
                    assertThat(settled).as(what).isNull();
                    assertThat(amount(tenders.get(0))).as(what).isEqualTo(stake);
                    assertThat(tenders.get(0).get("rrn")).isEmpty();
                    assertThat(tenders.get(0).get("auth_code")).isEmpty();
                }
                case "OVER_CHARGE/KEYED_HIGH" ->
                        assertThat(GeneratedDay.minor(settled.get("amount")) - amount(tenders.get(0))).as(what).isEqualTo(stake);
                case "MIS_REFUND/NO_RETURN_ON_JOURNAL" -> {
                    assertThat(settled.get("type")).isEqualTo("REFUND");
                    assertThat(tenders).as(what).isEmpty();
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                }
                case "MIS_REFUND/OTHER_CARD" -> {
                    assertThat(settled.get("type")).isEqualTo("REFUND");
                    Map<String, String> ret = tenders.get(0);
                    Map<String, String> original = receiptByNo.get(ret.get("original_receipt_no"));
                    assertThat(original.get("card_last4")).as(what).isNotEqualTo(ret.get("card_last4"));
                    assertThat(settled.get("card")).endsWith(ret.get("card_last4"));
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                }
                case "MIS_REFUND/LARGER_THAN_ORIGINAL" -> {
                    Map<String, String> ret = tenders.get(0);
                    Map<String, String> original = receiptByNo.get(ret.get("original_receipt_no"));
                    assertThat(GeneratedDay.minor(settled.get("amount")) - amount(original)).as(what).isEqualTo(stake);
                }
                case "MIS_REFUND/REPEATED" -> {
                    assertThat(tenders).as("the repeat has no receipt").isEmpty();
                    long sameRefunds = day.settlement.stream().filter(s -> s.get("type").equals("REFUND")
                            && s.get("terminal_id").equals(t.get("terminal_id"))
                            && s.get("card").equals(settled.get("card")) && s.get("amount").equals(settled.get("amount")))
                            .count();
                    assertThat(sameRefunds).as(what).isEqualTo(2);
                    assertThat(receiptByNo.get(t.get("receipt_no")).get("kind")).isEqualTo("RETURN");
                }
                case "PHANTOM_VOID/VOIDED", "PHANTOM_VOID/REVERSED" -> {
                    assertThat(settled.get("type")).isEqualTo("SALE");
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                    assertThat(day.journal).as(what).anyMatch(j -> j.get("kind").equals("VOID")
                            && j.get("original_receipt_no").equals(t.get("receipt_no")));
                    String mti = t.get("reason").equals("VOIDED") ? "0210" : "0410";
                    assertThat(day.log).as(what).anyMatch(m -> m.mti().equals(mti) && "00".equals(m.f().get("39"))
                            && m.f().get("41").equals(t.get("terminal_id"))
                            && settled.get("rrn").equals(m.f().get("37")));
                }
                case "DUPLICATE_CHARGE/REVERSAL_FAILED" -> {
                    assertThat(responseByKey).as(what).doesNotContainKey(key);
                    assertThat(day.log).as(what).noneMatch(m -> settled.get("rrn").equals(m.f().get("37")));
                    assertThat(day.settlement).as(what).anyMatch(s -> s != settled && s.get("card").equals(settled.get("card"))
                            && s.get("amount").equals(settled.get("amount")));
                    assertThat(day.log).as(what).anyMatch(m -> m.mti().equals("0400")
                            && m.f().get("90").startsWith("0200" + t.get("stan")));
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                }
                case "UNSETTLED_SALE/NOT_SETTLED" -> {
                    assertThat(settled).as(what).isNull();
                    assertThat(amount(tenders.get(0))).isEqualTo(stake);
                    assertThat(responseByKey.get(key).f().get("39")).isEqualTo("00");
                }
                case "UNKNOWN_SETTLEMENT/NO_TERMINAL_RECORD" -> {
                    assertThat(requestByKey).as(what).doesNotContainKey(key);
                    assertThat(day.log).noneMatch(m -> settled.get("rrn").equals(m.f().get("37")));
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                }
                case "MISSING_RECEIPT/NO_RECEIPT" -> {
                    assertThat(tenders).as(what).isEmpty();
                    assertThat(GeneratedDay.minor(settled.get("amount"))).isEqualTo(stake);
                }
                case "FEE_MISMATCH/FEE_RATE" -> {
                    long amount = GeneratedDay.minor(settled.get("amount"));
                    assertThat(GeneratedDay.minor(settled.get("fee")) - DayGenerator.fee(amount, RATE)).as(what)
                            .isEqualTo(stake);
                    assertThat(amount(tenders.get(0))).isEqualTo(amount);
                }
                default -> throw new AssertionError("unexpected truth row " + what);
            }
        }
    }

    @Test
    void aDayWithoutCasesIsConsistentEverywhere(@TempDir Path out) throws IOException {
        DayGenerator.generate(options(600, 7, out).withCaseRate(BigDecimal.ZERO));
        GeneratedDay clean = new GeneratedDay(out);
        assertThat(clean.truth).isEmpty();
        Map<String, Msg> requests = new HashMap<>();
        Map<String, Msg> responses = new HashMap<>();
        Set<String> voided = new HashSet<>();
        for (Msg m : clean.log) {
            if (m.f().containsKey("41")) {
                (m.outgoing() ? requests : responses).put(m.key(), m);
                if (m.outgoing() && m.f().containsKey("90")) {
                    voided.add(m.f().get("41") + "|" + m.f().get("90").substring(4, 10));
                }
            }
        }
        Set<String> settled = new HashSet<>();
        for (Map<String, String> s : clean.settlement) {
            String key = GeneratedDay.key(s);
            settled.add(key);
            Msg resp = responses.get(key);
            assertThat(resp).as(s.toString()).isNotNull();
            assertThat(resp.f().get("39")).isEqualTo("00");
            assertThat(resp.f().get("37")).isEqualTo(s.get("rrn"));
            assertThat(resp.f().get("38")).isEqualTo(s.get("auth_code"));
            assertThat(Long.parseLong(resp.f().get("4"))).isEqualTo(GeneratedDay.minor(s.get("amount")));
        }
        Set<String> receipted = new HashSet<>();
        for (Map<String, String> j : clean.journal) {
            if (!j.get("tender").equals("CARD")) {
                continue;
            }
            String key = GeneratedDay.key(j);
            receipted.add(key);
            Msg req = requests.get(key);
            Msg resp = responses.get(key);
            assertThat(resp.f().get("39")).as(j.toString()).isEqualTo("00");
            assertThat(Long.parseLong(req.f().get("4"))).isEqualTo(GeneratedDay.minor(j.get("tender_amount")));
            assertThat(req.f().get("2")).endsWith(j.get("card_last4"));
            assertThat(resp.f().get("37")).isEqualTo(j.get("rrn"));
        }
        for (Map.Entry<String, Msg> e : responses.entrySet()) {
            Msg resp = e.getValue();
            boolean approvedSale = resp.mti().equals("0210") && resp.f().get("3").equals("000000")
                    && resp.f().get("39").equals("00");
            if (approvedSale) {
                assertThat(receipted).as(e.getKey()).contains(e.getKey());
                assertThat(settled.contains(e.getKey())).as(e.getKey()).isEqualTo(!voided.contains(e.getKey()));
            } else if (!resp.f().get("39").equals("00")) {
                assertThat(receipted).doesNotContain(e.getKey());
                assertThat(settled).doesNotContain(e.getKey());
            }
        }
        assertThat(voided).isNotEmpty();
        assertThat(responses.values()).anyMatch(m -> m.f().get("3").equals("200000"));
        assertThat(responses.values()).anyMatch(m -> !m.f().get("39").equals("00"));
    }

    @Test
    void tooManyTransactionsPerTerminalIsAUsageError(@TempDir Path out) {
        assertThatThrownBy(() -> DayGenerator.generate(options(10_000, 1, out)))
                .isInstanceOf(UsageException.class).hasMessageContaining("--terminals 5");
        assertThat(GeneratorOptions.autoTerminals(1_000_000)).isEqualTo(500);
    }

    private static long amount(Map<String, String> journalRow) {
        return GeneratedDay.minor(journalRow.get("tender_amount"));
    }
}
