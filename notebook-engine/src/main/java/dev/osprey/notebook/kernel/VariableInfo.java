package dev.osprey.notebook.kernel;

/** A variable the kernel holds: its name, declared type, and a short one-line summary of its value. */
public record VariableInfo(String name, String type, String summary) {
}
