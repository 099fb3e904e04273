package dev.posrecon.core.match;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Waiting for a read ends with its result, or with the out-of-memory error a reading thread met outside any read
 * (a read it had taken then never ends): the run fails with exit 5 instead of waiting for ever.
 */
class InputsAwaitTest {

    @Test
    void aFinishedReadGivesItsResult() throws Exception {
        assertThat(Inputs.await(CompletableFuture.completedFuture("read"), new AtomicReference<>())).isEqualTo("read");
    }

    @Test
    @Timeout(10)
    void aReadThatNeverEndsGivesTheErrorAReadingThreadMet() {
        FutureTask<String> lost = new FutureTask<>(() -> "never run");
        AtomicReference<OutOfMemoryError> escaped = new AtomicReference<>();
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            escaped.set(oom);
        });
        later.start();
        assertThatThrownBy(() -> Inputs.await(lost, escaped)).isSameAs(oom);
    }
}
