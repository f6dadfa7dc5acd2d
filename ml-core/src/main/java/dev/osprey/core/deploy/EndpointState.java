package dev.osprey.core.deploy;

/**
 * What the user last asked of an endpoint and how it ended: RUNNING endpoints are restarted
 * when the workspace reopens; STOPPED ones were stopped by the user; FAILED ones died or could
 * not start (the message says why) and wait for a restart.
 */
public enum EndpointState {
    RUNNING, STOPPED, FAILED
}
