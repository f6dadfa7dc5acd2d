package dev.osprey.app.endpoints;

import dev.osprey.core.deploy.EndpointConfig;
import dev.osprey.core.deploy.EndpointName;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Optional;

/**
 * The "Deploy a model version" form: model and version, endpoint name, port, capture and its
 * sample percentage, an optional bearer token. {@link #toConfig()} turns it into a validated
 * configuration or says what is wrong.
 */
public final class DeployForm {
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<Integer> versions = FXCollections.observableArrayList();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Integer> version = new SimpleObjectProperty<>(this, "version");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final BooleanProperty capture = new SimpleBooleanProperty(this, "capture", false);
    private final IntegerProperty samplePercent = new SimpleIntegerProperty(this, "samplePercent", 100);
    private final StringProperty token = new SimpleStringProperty(this, "token", "");

    DeployForm() {
        // the endpoint is named after its model until the user names it
        model.addListener((o, before, after) -> {
            if (after != null && (name.get().isBlank() || name.get().equals(before))) {
                name.set(after);
            }
        });
    }

    public ObservableList<String> models() {
        return models;
    }

    /** The chosen model's versions, newest first. */
    public ObservableList<Integer> versions() {
        return versions;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public ObjectProperty<Integer> versionProperty() {
        return version;
    }

    public StringProperty nameProperty() {
        return name;
    }

    /** Empty: 8080 when free, else any free port; 0: any free port; else that port. */
    public StringProperty portProperty() {
        return port;
    }

    public BooleanProperty captureProperty() {
        return capture;
    }

    public IntegerProperty samplePercentProperty() {
        return samplePercent;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    Optional<String> token() {
        String t = token.get() == null ? "" : token.get().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** The configuration, or an {@link IllegalArgumentException} whose message the page shows. */
    EndpointConfig toConfig() {
        if (model.get() == null) {
            throw new IllegalArgumentException("Choose a model to deploy.");
        }
        if (version.get() == null) {
            throw new IllegalArgumentException("Choose a version of " + model.get() + ".");
        }
        String n = name.get() == null || name.get().isBlank() ? model.get() : name.get().strip();
        return new EndpointConfig(new EndpointName(n), model.get(), version.get(), port(), capture.get(),
                samplePercent.get(), token().isPresent());
    }

    private int port() {
        String p = port.get() == null ? "" : port.get().strip();
        if (p.isEmpty()) {
            return -1;
        }
        try {
            int v = Integer.parseInt(p);
            if (v < 0 || v > 65535) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The port is a number from 1 to 65535 (0 for any free port, empty for 8080"
                    + " when free); not '" + p + "'.");
        }
    }
}
