package dev.osprey.core.label;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The exchange formats: the cloud labeling service's output manifest (JSON Lines), COCO JSON,
 * YOLO txt (a folder), Pascal VOC XML (a folder), CoNLL (entities) and CSV (classes).
 */
public enum LabelFormat {
    GROUNDTRUTH(new GroundTruthManifest()),
    COCO(new CocoFormat()),
    YOLO(new YoloFormat()),
    VOC(new VocFormat()),
    CONLL(new ConllFormat()),
    CSV(new CsvLabels());

    private final Codec codec;

    LabelFormat(Codec codec) {
        this.codec = codec;
    }

    /** Reads and writes one format. Writers stream record by record to a temporary file or folder, then move it into place. */
    interface Codec {
        LabelSet read(Path file) throws LabelException;

        void write(LabelSet set, String jobName, Path out) throws LabelException;
    }

    public LabelSet read(Path file) throws LabelException {
        return codec.read(file);
    }

    public void write(LabelSet set, String jobName, Path out) throws LabelException {
        codec.write(set, jobName, out);
    }

    public static LabelFormat parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown label format '" + name
                    + "'; use groundtruth, coco, yolo, voc, conll or csv");
        }
    }
}
