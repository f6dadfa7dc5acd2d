package dev.osprey.app.train;

import javafx.css.PseudoClass;

/** The page's pseudo-classes (AtlantaFX styles :danger and :success fields and labels). */
final class Styles {
    static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
    static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");

    private Styles() {
    }
}
