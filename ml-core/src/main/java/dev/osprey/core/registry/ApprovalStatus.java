package dev.osprey.core.registry;

/** Whether a model version may be deployed: new versions wait for a person to approve them. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
