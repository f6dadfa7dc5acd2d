package dev.osprey.app.data;

import dev.osprey.app.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The dialog seam for tests: answers from a script and records what the user would have seen. */
final class RecordingDialogs implements DialogService {
    record Shown(String title, String message, String details) {
    }

    final List<Shown> errors = new CopyOnWriteArrayList<>();
    final List<Shown> infos = new CopyOnWriteArrayList<>();
    final List<String> notifications = new CopyOnWriteArrayList<>();
    final List<String> confirmations = new CopyOnWriteArrayList<>();
    final List<List<String>> chooserExtensions = new CopyOnWriteArrayList<>();
    private final Deque<Path> files = new ArrayDeque<>();
    volatile boolean confirmAnswer = true;

    synchronized void nextFile(Path file) {
        files.add(file);
    }

    @Override
    public void showError(String title, String message, String details) {
        errors.add(new Shown(title, message, details));
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(new Shown(title, message, null));
    }

    @Override
    public boolean confirm(String title, String message) {
        confirmations.add(message);
        return confirmAnswer;
    }

    @Override
    public synchronized Optional<Path> chooseFile(String title, Path initialDir, String... extensions) {
        chooserExtensions.add(List.of(extensions));
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initialDir) {
        return Optional.empty();
    }

    @Override
    public void notify(String message) {
        notifications.add(message);
    }
}
