package dev.posrecon.core.match;

import dev.posrecon.core.model.Cards;
import dev.posrecon.core.model.Ids;
import dev.posrecon.core.model.Money;
import dev.posrecon.core.model.SettlementRecord;
import dev.posrecon.core.model.Tender;
import dev.posrecon.core.model.TerminalRecord;
import dev.posrecon.core.model.SourceRef;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rule every link obeys: a candidate found by a key is linked only when no field that both records carry
 * contradicts it. A key pins some fields (terminal + RRN pins the RRN, the fallback pins amount and card ending);
 * the veto compares the others that the key lists — RRN (both present and different), auth code, card ending,
 * amount beyond {@code amount.tolerance}, time beyond the key's window. A vetoed candidate is no link: the record
 * goes on to the next key, or stays unmatched and ends in its own case, and the veto is written into that case's
 * evidence as {@code match_note}.
 *
 * <p>Why: STANs repeat (six digits, reset at key exchange or batch close), auth codes repeat across cards, and at
 * scale a weak key meets records whose stronger fields say "not the same payment". Linking them invents a case
 * (a duplicate charge) and hides the true one (an unknown settlement line).
 */
final class LinkVeto {
    /** For the test that shows what the veto prevents: false links by the keys alone, as before the veto. */
    static volatile boolean enabled = true;

    enum Field {
        RRN("RRN"), AUTH("auth code"), CARD("card"), AMOUNT("amount"), TIME("time");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    /**
     * The fields of a record a veto can compare; any may be null or {@link Ids#NONE} (not carried). RRN and auth
     * code are {@link Ids#pack} codes.
     */
    record Facts(long rrn, long auth, String last4, Money amount, LocalDateTime time) {
        static Facts of(TerminalRecord r) {
            return new Facts(r.rrnKey(), r.authKey(), r.cardLast4(), r.amount(), r.localTime());
        }

        static Facts of(SettlementRecord s) {
            return new Facts(s.rrnKey(), s.authKey(), s.cardLast4(), s.amount(), s.txnTime());
        }

        static Facts of(Tender t, LocalDateTime when) {
            return new Facts(t.rrnKey(), t.authKey(), t.cardLast4(), t.amount(), when);
        }
    }

    /**
     * A key as the veto sees it: its name in a note, the fields it compares (those it does not pin), and the time
     * window (null: none).
     */
    record Key(String name, Set<Field> compared, Duration window) {
        Key(String name, Set<Field> compared, Duration window) {
            this.name = name;
            this.compared = EnumSet.copyOf(compared);
            this.window = window;
        }
    }

    private static final Duration DAY = Duration.ofHours(24);

    // settlement lines to terminal transactions; an amount that differs on a reference key is a case, not a veto
    static final Key TERMINAL_RRN = new Key("terminal+RRN", EnumSet.of(Field.AUTH, Field.CARD), null);
    static final Key TERMINAL_STAN = new Key("terminal+STAN",
            EnumSet.of(Field.RRN, Field.AUTH, Field.CARD, Field.AMOUNT, Field.TIME), DAY);
    static final Key TERMINAL_AUTH = new Key("terminal+auth code+amount", EnumSet.of(Field.RRN, Field.CARD,
            Field.TIME), DAY);
    // receipt tenders to terminal transactions: the receipt's amount differing is what the charge rules look for
    static final Key RECEIPT_RRN = new Key("receipt RRN", EnumSet.of(Field.AUTH, Field.CARD), null);
    static final Key RECEIPT_STAN = new Key("receipt terminal+STAN", EnumSet.of(Field.RRN, Field.AUTH, Field.CARD,
            Field.TIME), DAY);
    static final Key RECEIPT_AUTH = new Key("receipt auth code+card", EnumSet.of(Field.RRN, Field.TIME), DAY);
    /** Both fallbacks pin terminal, amount and card ending; the window is checked by the matcher's own test. */
    static final Key FALLBACK = new Key("amount+card+time", EnumSet.of(Field.RRN, Field.AUTH), null);
    // a void or reversal to the sale it cancels: its own RRN and auth code are its own, the card is the sale's
    static final Key VOID_F90 = new Key("field 90 STAN", EnumSet.of(Field.CARD), null);
    static final Key VOID_RRN = new Key("void RRN", EnumSet.of(Field.CARD), null);
    // settlement void lines to the sale line they net off
    static final Key LINE_RRN = new Key("settlement terminal+RRN", EnumSet.of(Field.CARD), null);
    static final Key LINE_STAN = new Key("settlement terminal+STAN", EnumSet.of(Field.RRN, Field.CARD), null);

    private final long toleranceMinor;

    LinkVeto(long toleranceMinor) {
        this.toleranceMinor = toleranceMinor;
    }

    /** The fields of {@code key} on which {@code a} and {@code b} disagree; empty: no contradiction. */
    List<Field> contradictions(Key key, Facts a, Facts b) {
        if (!enabled) {
            return List.of();
        }
        List<Field> out = new ArrayList<>(2);
        for (Field f : key.compared) {
            if (differ(f, key, a, b)) {
                out.add(f);
            }
        }
        return out;
    }

    /** Whether any field of {@code key} contradicts: {@link #contradictions} without building the list. */
    private boolean contradicts(Key key, Facts a, Facts b) {
        for (Field f : key.compared) {
            if (differ(f, key, a, b)) {
                return true;
            }
        }
        return false;
    }

    private boolean differ(Field f, Key key, Facts a, Facts b) {
        return switch (f) {
            case RRN -> differ(a.rrn, b.rrn);
            case AUTH -> differ(a.auth, b.auth);
            case CARD -> differ(Cards.last4(a.last4), Cards.last4(b.last4));
            case AMOUNT -> a.amount != null && b.amount != null
                    && (!a.amount.currency().equals(b.amount.currency())
                    || Math.abs(a.amount.minor() - b.amount.minor()) > toleranceMinor);
            case TIME -> key.window != null && a.time != null && b.time != null
                    && Math.abs(Duration.between(a.time, b.time).getSeconds()) > key.window.getSeconds();
        };
    }

    private static boolean differ(String a, String b) {
        return a != null && b != null && !a.equals(b);
    }

    /**
     * Whether two RRNs or auth codes, both carried, differ once {@link #norm normalised}. Plain codes hold upper
     * case without blanks, so two that do not start with {@code 0} are the same exactly when the codes are.
     */
    private static boolean differ(long a, long b) {
        if (a == b || a == Ids.NONE || b == Ids.NONE) {
            return false;
        }
        if (Ids.isPlain(a) && Ids.isPlain(b) && !Ids.startsWithZero(a) && !Ids.startsWithZero(b)) {
            return true;
        }
        return differ(norm(Ids.text(a)), norm(Ids.text(b)));
    }

    /** Upper case, no surrounding blanks or leading zeros: "012345" and "12345 " are one auth code. */
    private static String norm(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        int i = 0;
        while (i < t.length() - 1 && t.charAt(i) == '0') {
            i++;
        }
        t = t.substring(i).toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** The terminal transactions {@code key} found that no field of {@code probe} contradicts. */
    List<Txn> admit(Key key, Facts probe, List<Txn> candidates) {
        return admit(key, probe, candidates, x -> Facts.of(x.rec));
    }

    /** The same for settlement sale lines a void line may net off. */
    List<SettlementRecord> admitLines(Key key, Facts probe, List<SettlementRecord> candidates) {
        return admit(key, probe, candidates, Facts::of);
    }

    private <T> List<T> admit(Key key, Facts probe, List<T> candidates, Function<T, Facts> facts) {
        if (!enabled || candidates == null || candidates.isEmpty()) {
            return candidates;
        }
        List<T> out = null;
        for (int i = 0; i < candidates.size(); i++) {
            T x = candidates.get(i);
            if (!contradicts(key, probe, facts.apply(x))) {
                if (out != null) {
                    out.add(x);
                }
            } else if (out == null) {
                out = new ArrayList<>(candidates.subList(0, i));
            }
        }
        return out == null ? candidates : out;
    }

    /**
     * Notes the transactions the key would have picked ({@code would}: the pick, the tie, or the fallback's
     * candidates, as chosen from every candidate) that the veto refused: the links the veto prevented.
     */
    void explain(Key key, String keyValue, Facts probe, List<Txn> would, List<Txn> admitted, Notes notes) {
        explain(key, keyValue, probe, would, admitted, x -> Facts.of(x.rec),
                x -> x.rec.kind().name().toLowerCase(Locale.ROOT), x -> x.rec.ref(), notes);
    }

    void explainLine(Key key, String keyValue, Facts probe, SettlementRecord would, List<SettlementRecord> admitted,
                     Notes notes) {
        explain(key, keyValue, probe, would == null ? List.of() : List.of(would), admitted, Facts::of,
                s -> "settlement " + s.type().name().toLowerCase(Locale.ROOT) + " line", SettlementRecord::ref, notes);
    }

    private <T> void explain(Key key, String keyValue, Facts probe, List<T> would, List<T> admitted,
                             Function<T, Facts> facts, Function<T, String> what, Function<T, SourceRef> ref,
                             Notes notes) {
        for (T x : would) {
            boolean kept = false;
            for (T a : admitted) {
                if (a == x) {
                    kept = true;
                    break;
                }
            }
            if (!kept) {
                notes.add(key, keyValue, what.apply(x), ref.apply(x), contradictions(key, probe, facts.apply(x)));
            }
        }
    }

    /**
     * The vetoes met while one record looked for its link, one sentence per key in the order met: "terminal+STAN
     * 000501 also names sale terminal.xml:120, but RRN/amount differ"; many candidates of one key are counted, and
     * the first {@value #REFS} named.
     */
    static final class Notes {
        private static final int REFS = 3;
        private List<Group> groups;

        private static final class Group {
            final Key key;
            final String keyValue;
            final String what;
            final List<SourceRef> refs = new ArrayList<>(REFS);
            final Set<Field> fields = EnumSet.noneOf(Field.class);
            int count;

            Group(Key key, String keyValue, String what) {
                this.key = key;
                this.keyValue = keyValue;
                this.what = what;
            }
        }

        void add(Key key, String keyValue, String what, SourceRef ref, List<Field> why) {
            if (groups == null) {
                groups = new ArrayList<>(1);
            }
            Group g = null;
            for (Group o : groups) {
                if (o.key == key && java.util.Objects.equals(o.keyValue, keyValue) && o.what.equals(what)) {
                    g = o;
                }
            }
            if (g == null) {
                g = new Group(key, keyValue, what);
                groups.add(g);
            }
            g.count++;
            if (g.refs.size() < REFS) {
                g.refs.add(ref);
            }
            g.fields.addAll(why);
        }

        /** Null when no veto was met. */
        String text() {
            if (groups == null) {
                return null;
            }
            StringBuilder t = new StringBuilder();
            for (Group g : groups) {
                if (t.length() > 0) {
                    t.append("; ");
                }
                t.append(g.key.name);
                if (g.keyValue != null) {
                    t.append(' ').append(g.keyValue);
                }
                t.append(" also names ");
                if (g.count == 1) {
                    t.append(g.what).append(' ').append(g.refs.get(0));
                } else {
                    t.append(g.count).append(' ').append(g.what).append("s (");
                    for (int i = 0; i < g.refs.size(); i++) {
                        t.append(i == 0 ? "" : ", ").append(i == 0 ? g.refs.get(i).toString()
                                : ":" + g.refs.get(i).line());
                    }
                    t.append(g.count > g.refs.size() ? " and " + (g.count - g.refs.size()) + " more)" : ")");
                }
                t.append(", but ");
                int i = 0;
                for (Field f : g.fields) {
                    t.append(i++ == 0 ? "" : "/").append(f.label);
                }
                t.append(g.fields.size() == 1 ? " differs" : " differ");
            }
            return t.toString();
        }
    }
}
