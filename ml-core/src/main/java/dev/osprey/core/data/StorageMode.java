package dev.osprey.core.data;

/** Whether an imported file is copied into the workspace's data/ folder or read where it is. */
public enum StorageMode {
    COPY, LINK
}
