package dev.posrecon.core.rules;

import dev.posrecon.core.Fixtures;
import dev.posrecon.core.match.Matcher;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link RuleContext#where}: the same items in the same order with one thread or two; a failure is rethrown. */
class RuleContextWhereTest {
    private static RuleContext context(int threads) {
        var m = new Matcher(Fixtures.CONFIG).match(List.of(), List.of(), List.of());
        return new RuleContext(m, Fixtures.CONFIG, d -> true, threads);
    }

    @Test
    void longListsAreTestedOnTwoThreadsAndKeepTheirOrder() {
        List<Integer> items = IntStream.range(0, 50_001).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        RuleContext two = context(2);
        List<Integer> got = two.where(items, x -> {
            threads.add(Thread.currentThread().getName());
            return x % 7 == 3;
        });
        two.stopHelper();
        List<Integer> expected = new ArrayList<>();
        for (int x : items) {
            if (x % 7 == 3) {
                expected.add(x);
            }
        }
        assertThat(got).isEqualTo(expected);
        assertThat(threads).as("both halves tested at once").hasSize(2).contains("posrecon-rules");
        assertThat(context(1).where(items, x -> x % 7 == 3)).isEqualTo(expected);
    }

    @Test
    void aFailingTestOnTheSecondThreadIsRethrownAsItself() {
        RuleContext two = context(2);
        List<Integer> items = IntStream.range(0, 40_000).boxed().toList();
        assertThatThrownBy(() -> two.where(items, x -> {
            if (x == 5) {
                throw new IllegalArgumentException("bad item 5");
            }
            return true;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad item 5");
        two.stopHelper();
    }
}
