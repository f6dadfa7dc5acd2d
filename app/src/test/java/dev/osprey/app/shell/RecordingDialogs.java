package dev.osprey.app.shell;

import dev.osprey.app.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A {@link DialogService} for tests: records what was shown and answers from queues. */
public final class RecordingDialogs implements DialogService {
    public record Error(String title, String message, String details) {
    }

    public final List<Error> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<String> notifications = new ArrayList<>();
    public final Deque<Boolean> confirmAnswers = new ArrayDeque<>();
    public final Deque<Path> directoryAnswers = new ArrayDeque<>();
    public final Deque<Path> fileAnswers = new ArrayDeque<>();

    @Override
    public synchronized void showError(String title, String message, String details) {
        errors.add(new Error(title, message, details));
    }

    @Override
    public synchronized void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public synchronized boolean confirm(String title, String message) {
        confirmations.add(message);
        Boolean answer = confirmAnswers.poll();
        return answer != null && answer;
    }

    @Override
    public synchronized Optional<Path> chooseFile(String title, Path initialDir, String... extensions) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public synchronized Optional<Path> chooseDirectory(String title, Path initialDir) {
        return Optional.ofNullable(directoryAnswers.poll());
    }

    @Override
    public synchronized void notify(String message) {
        notifications.add(message);
    }
}
