package dev.osprey.core.registry;

import dev.osprey.core.experiment.Artifact;
import dev.osprey.core.experiment.ExperimentException;
import dev.osprey.core.experiment.ExperimentStore;
import dev.osprey.core.experiment.Run;
import dev.osprey.core.experiment.RunId;
import dev.osprey.core.experiment.RunStatus;
import dev.osprey.core.train.ModelFiles;
import dev.osprey.core.train.TrainedModel;
import dev.osprey.core.train.TrainingException;
import dev.osprey.core.train.TrainingService;
import dev.osprey.core.workspace.AtomicFiles;
import dev.osprey.core.workspace.Catalog;
import dev.osprey.core.workspace.SqlWork;
import dev.osprey.core.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Named, versioned models. Registering a run's model copies its file to
 * {@code models/NAME/VERSION/model.bin} beside a {@code model.json} (signature, metrics,
 * importance, provenance, SHA-256), both written atomically, and records the version in the
 * catalog as PENDING. Loading checks the file's SHA-256 against the catalog before it
 * deserializes anything, and deserializes through the model filter.
 */
public final class ModelRegistry {
    public static final String MODEL_FILE = "model.bin";
    public static final String CARD_FILE = "model.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Workspace workspace;
    private final Catalog catalog;
    private final ExperimentStore experiments;

    public ModelRegistry(Workspace workspace, ExperimentStore experiments) {
        this.workspace = workspace;
        this.catalog = workspace.catalog();
        this.experiments = experiments;
    }

    /** Registers the model of a finished run as the next version of {@code name} (1 for a new name). */
    public ModelVersion register(RunId runId, String name) throws RegistryException {
        checkName(name, "model");
        Run run = run(runId);
        if (run.status() != RunStatus.FINISHED) {
            throw new RegistryException("The run " + runId + " is " + run.status() + "; only a finished run's model can be registered.");
        }
        Artifact artifact = run.artifact(TrainingService.MODEL_ARTIFACT)
                .orElseThrow(() -> new RegistryException("The run " + runId + " has no model file."));
        Path source = workspace.root().resolve(artifact.path());
        TrainedModel model = load(source, artifact.sha256(), artifact.path());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (IOException e) {
            throw new RegistryException("Cannot read " + artifact.path() + ": " + e.getMessage(), e);
        }
        if (!ModelFiles.sha256(bytes).equals(artifact.sha256())) {
            throw new RegistryException("The model file " + artifact.path() + " changed while it was being registered.");
        }
        Instant now = Instant.now();
        int version = insertVersion(name, Optional.of(runId), artifact.sha256(), now);
        Path dir = workspace.root().resolve(folder(name, version));
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(MODEL_FILE), out -> out.write(bytes));
            AtomicFiles.writeString(dir.resolve(CARD_FILE), ModelCard.json(name, version, run, model, artifact.sha256(), now));
        } catch (IOException e) {
            // Without its files the version must not stay in the catalog.
            sql(c -> RegistryRows.deleteVersion(c, name, version), true);
            throw new RegistryException("Cannot write the model files in " + dir + ": " + e.getMessage(), e);
        }
        return version(name, version);
    }

    /**
     * Writes a version (model file, model card and a manifest with their SHA-256) as one zip
     * archive at {@code zip}, atomically; the model file is checked against the catalog first.
     */
    public void exportVersion(String name, int version, Path zip) throws RegistryException {
        ModelVersion v = version(name, version);
        ModelArchive.export(v, folderOf(v), zip);
    }

    /**
     * Imports an archive written by {@link #exportVersion} as the next version of {@code asName}
     * (PENDING, without a run). Refuses an archive whose files do not match its SHA-256, with
     * entries outside the export's fixed names (zip-slip paths) or entries that are too large,
     * and a model file the deserialization filter rejects; nothing is imported then.
     */
    public ModelVersion importArchive(Path zip, String asName) throws RegistryException {
        return importArchive(zip, asName, ModelArchive.MAX_MODEL_BYTES);
    }

    ModelVersion importArchive(Path zip, String asName, long maxModelBytes) throws RegistryException {
        checkName(asName, "model");
        Path models = workspace.root().resolve("models");
        ModelArchive.Contents in = ModelArchive.read(zip, models, maxModelBytes);
        try {
            TrainedModel model = load(in.modelFile(), in.sha256(), zip.getFileName() + "!/" + MODEL_FILE);
            Instant now = Instant.now();
            int version = insertVersion(asName, Optional.empty(), in.sha256(), now);
            Path dir = workspace.root().resolve(folder(asName, version));
            try {
                Files.createDirectories(dir);
                AtomicFiles.commit(in.modelFile(), dir.resolve(MODEL_FILE));
                AtomicFiles.writeString(dir.resolve(ModelArchive.SOURCE_CARD), in.card());
                AtomicFiles.writeString(dir.resolve(CARD_FILE), ModelCard.json(asName, version, in.provenance(zip), model,
                        in.sha256(), now));
            } catch (IOException e) {
                sql(c -> RegistryRows.deleteVersion(c, asName, version), true);
                throw new RegistryException("Cannot write the model files in " + dir + ": " + e.getMessage(), e);
            }
            return version(asName, version);
        } finally {
            in.discard();
        }
    }

    private int insertVersion(String name, Optional<RunId> runId, String sha256, Instant now) throws RegistryException {
        return sql(c -> {
            long modelId = RegistryRows.ensureModel(c, name, now);
            int v = RegistryRows.latestVersion(c, modelId) + 1;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_version(model_id, version, run_id, status, path,"
                    + " sha256, created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?)")) {
                ps.setLong(1, modelId);
                ps.setInt(2, v);
                if (runId.isPresent()) {
                    ps.setLong(3, runId.get().value());
                } else {
                    ps.setNull(3, java.sql.Types.INTEGER);
                }
                ps.setString(4, folder(name, v));
                ps.setString(5, sha256);
                ps.setString(6, now.toString());
                ps.executeUpdate();
            }
            return v;
        }, true);
    }

    public List<RegisteredModel> models() throws RegistryException {
        return sql(RegistryRows::models, false);
    }

    /** The versions of {@code name}, newest first. */
    public List<ModelVersion> versions(String name) throws RegistryException {
        List<ModelVersion> out = sql(c -> RegistryRows.versions(c, name), false);
        if (out.isEmpty()) {
            throw unknown(name);
        }
        return out;
    }

    public ModelVersion version(String name, int version) throws RegistryException {
        return sql(c -> RegistryRows.versions(c, name), false).stream().filter(v -> v.version() == version).findFirst()
                .orElseThrow(() -> new RegistryException("The model '" + name + "' has no version " + version + "."));
    }

    /** The version an alias points at, e.g. {@code champion}. */
    public ModelVersion resolve(String name, String alias) throws RegistryException {
        Optional<Integer> v = sql(c -> RegistryRows.alias(c, name, alias), false);
        return version(name, v.orElseThrow(() -> new RegistryException("The model '" + name + "' has no alias '" + alias + "'.")));
    }

    public ModelVersion setStatus(String name, int version, ApprovalStatus status) throws RegistryException {
        version(name, version);
        sql(c -> RegistryRows.setStatus(c, name, version, status), true);
        return version(name, version);
    }

    /** Points {@code alias} at {@code version}, moving it from any other version of the model. */
    public ModelVersion setAlias(String name, String alias, int version) throws RegistryException {
        checkName(alias, "alias");
        if (alias.chars().allMatch(Character::isDigit)) {
            throw new RegistryException("An alias cannot be a number ('" + alias + "' would read as a version).");
        }
        version(name, version);
        sql(c -> RegistryRows.setAlias(c, name, alias, version), true);
        return version(name, version);
    }

    public void removeAlias(String name, String alias) throws RegistryException {
        if (sql(c -> RegistryRows.removeAlias(c, name, alias), true) == 0) {
            throw new RegistryException("The model '" + name + "' has no alias '" + alias + "'.");
        }
    }

    /** Loads a version, refusing a model file that changed since it was registered. */
    public TrainedModel load(String name, int version) throws RegistryException {
        ModelVersion v = version(name, version);
        return load(workspace.root().resolve(v.modelFile()), v.sha256(), v.modelFile());
    }

    public TrainedModel load(String name, String alias) throws RegistryException {
        ModelVersion v = resolve(name, alias);
        return load(name, v.version());
    }

    /** The absolute folder of a version (for export and the model server). */
    public Path folderOf(ModelVersion version) {
        return workspace.root().resolve(version.folder());
    }

    private static TrainedModel load(Path file, String sha, String shownAs) throws RegistryException {
        try {
            return ModelFiles.read(file, sha, shownAs);
        } catch (TrainingException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }

    private Run run(RunId id) throws RegistryException {
        try {
            return experiments.get(id);
        } catch (ExperimentException e) {
            throw new RegistryException(e.getMessage(), e);
        }
    }

    static String folder(String name, int version) {
        return "models/" + name + "/" + version;
    }

    private static void checkName(String name, String what) throws RegistryException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RegistryException("A " + what + " name uses letters, digits, '.', '_' and '-', starts with a letter or"
                    + " digit and has at most 64 characters; '" + name + "' does not.");
        }
    }

    private static RegistryException unknown(String name) {
        return new RegistryException("There is no model '" + name + "' in this workspace.");
    }

    private <T> T sql(SqlWork<T> work, boolean write) throws RegistryException {
        try {
            return write ? catalog.inTransaction(work) : catalog.read(work);
        } catch (SQLException e) {
            throw new RegistryException("Cannot " + (write ? "update" : "read") + " the model registry: " + e.getMessage(), e);
        }
    }
}
