package dev.osprey.server;

import dev.osprey.core.json.Json;
import dev.osprey.core.train.ModelFiles;
import dev.osprey.core.train.TrainingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a registered version from its folder {@code models/NAME/VERSION/}: the SHA-256 comes
 * from the folder's model.json (written by the registry), and the model file goes through
 * {@link ModelFiles#read}, which checks it and deserializes through the model filter. The
 * server never opens the workspace catalog (the studio holds its lock); the launcher that
 * resolved the version passes the folder.
 */
final class ModelLoader {
    private final Path modelsRoot;

    /** Only folders under {@code workspace/models} are loaded, so an admin call cannot point the server elsewhere. */
    ModelLoader(Path workspace) {
        this.modelsRoot = workspace.toAbsolutePath().normalize().resolve("models");
    }

    LoadedModel load(String name, int version, Path dir) throws ModelLoadException {
        Path folder = dir.toAbsolutePath().normalize();
        String shown = "models/" + name + "/" + version;
        if (!folder.startsWith(modelsRoot)) {
            throw new ModelLoadException("The folder " + folder + " is not inside the workspace's models folder " + modelsRoot + ".");
        }
        Path card = folder.resolve("model.json");
        Map<?, ?> json;
        try {
            if (!(Json.parse(Files.readString(card)) instanceof Map<?, ?> m)) {
                throw new ModelLoadException(shown + "/model.json is not a JSON object.");
            }
            json = m;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ModelLoadException("There is no model in " + folder + " (model.json is missing).");
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelLoadException("Cannot read " + shown + "/model.json: " + e.getMessage());
        }
        if (!name.equals(json.get("name")) || !(json.get("version") instanceof Number n) || n.intValue() != version) {
            throw new ModelLoadException("The folder " + folder + " holds " + json.get("name") + ":" + json.get("version")
                    + ", not " + name + ":" + version + ".");
        }
        if (!(json.get("sha256") instanceof String sha)) {
            throw new ModelLoadException(shown + "/model.json records no SHA-256 for the model file.");
        }
        String file = json.get("model_file") instanceof String f && !f.contains("/") && !f.contains("\\") ? f : "model.bin";
        try {
            return LoadedModel.of(name, version, folder, ModelFiles.read(folder.resolve(file), sha, shown + "/" + file));
        } catch (TrainingException e) {
            throw new ModelLoadException(e.getMessage());
        }
    }

    /** Why a model version could not be loaded, in words for the log and the launcher. */
    static final class ModelLoadException extends Exception {
        ModelLoadException(String message) {
            super(message);
        }
    }
}
