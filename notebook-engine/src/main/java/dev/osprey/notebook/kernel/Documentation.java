package dev.osprey.notebook.kernel;

/** The signature (and javadoc, when the JDK's or a library's sources are available) of the element at a cursor. */
public record Documentation(String signature, String javadoc) {
    public Documentation {
        javadoc = javadoc == null ? "" : javadoc;
    }
}
