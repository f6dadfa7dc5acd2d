package dev.osprey.app.shell;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UncaughtErrorHandlerTest {
    @Test
    void anUncaughtExceptionIsShownWithItsMessageAndTheStackTraceAsDetails() {
        RecordingDialogs dialogs = new RecordingDialogs();
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs, Runnable::run);

        handler.uncaughtException(Thread.currentThread(),
                new RuntimeException("wrapper", new IllegalStateException("the grid lost its model")));

        assertThat(dialogs.errors).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Unexpected error");
            assertThat(e.message()).contains("the grid lost its model").doesNotContain("at dev.osprey");
            assertThat(e.details()).contains("IllegalStateException").contains("UncaughtErrorHandlerTest");
        });
    }

    @Test
    void errorsWhileTheDialogIsOpenAreLoggedNotStacked() {
        RecordingDialogs dialogs = new RecordingDialogs();
        List<Runnable> ui = new ArrayList<>();
        UncaughtErrorHandler handler = new UncaughtErrorHandler(dialogs, ui::add);

        handler.uncaughtException(Thread.currentThread(), new RuntimeException("first"));
        handler.uncaughtException(Thread.currentThread(), new RuntimeException("second"));
        assertThat(ui).hasSize(1);
        ui.getFirst().run();
        handler.uncaughtException(Thread.currentThread(), new RuntimeException("third"));
        ui.get(1).run();

        assertThat(dialogs.errors).extracting(RecordingDialogs.Error::message)
                .satisfiesExactly(m -> assertThat(m).contains("first"), m -> assertThat(m).contains("third"));
    }

    @Test
    void anExceptionWithoutMessageNamesItsKind() {
        assertThat(UncaughtErrorHandler.message(new NullPointerException())).endsWith("NullPointerException");
    }
}
